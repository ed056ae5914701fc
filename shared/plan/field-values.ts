/**
 * A card field's value in plan data and back, by the registry's plan kind
 * (shared/fields/card-fields.ts): the card holds one text, plan data a string,
 * a list of lines, indicators or a period. The flat table's cell of a field is
 * that same text, so the table writer and reader use these too.
 */
import { CARD_FIELDS, type CardField, type PlanKind } from '../fields/card-fields.ts';
import { toIndicators } from './indicators.ts';
import { toPeriod } from './period.ts';
import type { Indicator, Period, PlanCard, PlanValueOf } from './schema.ts';

export type PlanValue = PlanValueOf[PlanKind];

/** Lines of a multi-line field, trimmed, blank ones dropped. */
export const toLines = (value: string): string[] =>
  value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);

/** A field's text (the card's Y.Text, or a flat-table cell) as its plan value. Parties: one name a line. */
export function planValue(kind: PlanKind, text: string): PlanValue {
  switch (kind) {
    case 'text':
      return text;
    case 'lines':
    case 'parties':
      return toLines(text);
    case 'indicators':
      return toIndicators(text);
    case 'period':
      return toPeriod(text);
  }
}

/** A plan value as the field's one text: lists one item a line, a period its label. */
export function textOf(kind: PlanKind, value: PlanValue | undefined): string {
  if (value === undefined) return '';
  switch (kind) {
    case 'text':
      return value as string;
    case 'lines':
    case 'parties':
      return (value as string[]).join('\n');
    case 'indicators':
      return (value as Indicator[]).map((indicator) => indicator.text).join('\n');
    case 'period':
      return (value as Period).label;
  }
}

/** A plan value as lines of a table cell: a list its items (each kept whole), a text its lines. */
export function linesOf(kind: PlanKind, value: PlanValue | undefined): string[] {
  if (value === undefined) return [];
  if (kind === 'lines' || kind === 'parties') return value as string[];
  if (kind === 'indicators') return (value as Indicator[]).map((indicator) => indicator.text);
  const text = textOf(kind, value);
  return text ? text.split(/\r?\n/) : [];
}

/** A plan card's value of a registry field. */
export const planFieldValue = (card: PlanCard, field: CardField): PlanValue =>
  (card as unknown as Record<string, PlanValue>)[field.plan.key] as PlanValue;

/** The registry field a plan-card key holds, or undefined (id, status, votes … are not fields). */
export const fieldOfPlanKey = (key: string): CardField | undefined => CARD_FIELDS.find((f) => f.plan.key === key);
