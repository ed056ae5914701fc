/**
 * The pure side of the follow-up UI: a new round's suggested label, a card's
 * indicator lines with the kind of answer each asks for, what an indicator
 * input's text means as a value, and a round's status counts over cards.
 */
import type { Card, FollowUpEntry, IndicatorAnswer } from '../../shared/card-schema.ts';
import { splitIndicators } from '../../shared/card-schema.ts';
import { noCounts, type RoundStatus, type StatusCounts } from '../../shared/plan/follow-up-counts.ts';
import { guessIndicatorKind } from '../../shared/plan/indicators.ts';
import type { IndicatorKind } from '../../shared/plan/schema.ts';

/** The label the start dialog offers: "Uppföljning 2026" (the word in the page's language). */
export function defaultRoundLabel(word: string, today: Date, taken: readonly string[] = []): string {
  const base = `${word} ${today.getFullYear()}`;
  if (!taken.includes(base)) return base;
  // A second round the same year: "Uppföljning 2026 (2)", so the suggestion is never refused as taken.
  let n = 2;
  while (taken.includes(`${base} (${n})`)) n++;
  return `${base} (${n})`;
}

/** Today as YYYY-MM-DD in local time, the date input's default. */
export function isoDay(today: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${today.getFullYear()}-${pad(today.getMonth() + 1)}-${pad(today.getDate())}`;
}

export interface IndicatorLine {
  text: string;
  kind: IndicatorKind;
}

/** The card's indicators, one a line, each with the kind of answer it seems to ask for. */
export function indicatorLines(card: Pick<Card, 'indicator'>): IndicatorLine[] {
  return splitIndicators(card.indicator).map((text) => ({ text, kind: guessIndicatorKind(text) }));
}

/**
 * What an indicator input's text is as a value: null clears it. A count is a whole
 * number ≥ 0 and a percent 0–100; text that is not one is `undefined` (not stored).
 */
export function parseIndicatorInput(kind: IndicatorKind, raw: string): IndicatorAnswer | null | undefined {
  const value = raw.trim();
  if (value === '') return null;
  if (kind === 'text') return raw;
  if (kind === 'yesno') return value === 'yes' ? true : value === 'no' ? false : undefined;
  const number = Number(value.replace(',', '.'));
  if (!Number.isFinite(number) || number < 0) return undefined;
  if (kind === 'count') return Number.isInteger(number) ? number : undefined;
  return number <= 100 ? number : undefined;
}

/** A stored value as the input shows it. */
export function indicatorInputText(value: IndicatorAnswer | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return String(value);
}

/** The card's entry for a round, when someone has written in it. */
export const entryFor = (card: Pick<Card, 'followUp'>, round: string): FollowUpEntry | undefined =>
  Object.hasOwn(card.followUp, round) ? card.followUp[round] : undefined;

export function roundStatusOf(card: Pick<Card, 'followUp'>, round: string): RoundStatus {
  return entryFor(card, round)?.status ?? 'none';
}

/** How many of the cards are at each status in the round ('none': not followed up). */
export function countRound(cards: readonly Pick<Card, 'followUp'>[], round: string): StatusCounts {
  const counts = noCounts();
  for (const card of cards) counts[roundStatusOf(card, round)]++;
  return counts;
}
