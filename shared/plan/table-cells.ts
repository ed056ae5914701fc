/**
 * Cell readers of the flat-table import that are more than a lookup: parties
 * written on one line, cells of columns Samtavla does not know, and the
 * board's title and period repeated on every row.
 */
import { TEXT_FIELD_MAX } from '../card-schema.ts';
import type { Template } from '../template.ts';
import { isIsoDate } from './period.ts';
import type { PlanShell } from './plan-shell.ts';
import type { HeaderLocation } from './table-header.ts';

/** The label of kept cells of unknown columns. */
export const OTHER_LABEL = 'Övrigt';
/**
 * Most unknown columns whose cells are kept as "Övrigt" lines. Every kept
 * column costs a line on every card; a plan has a handful, a data dump hundreds.
 */
export const MAX_OTHER_COLUMNS = 50;

/**
 * Splits a parties cell on lines, ";" and ",", keeping a register name whole
 * even when it holds one of those characters.
 */
export function splitParties(text: string, register: Template['parties']): string[] {
  let rest = text;
  const found: string[] = [];
  for (const party of [...register].sort((a, b) => b.name.length - a.name.length)) {
    if (!/[,;\n]/.test(party.name)) continue;
    if (rest.includes(party.name)) {
      found.push(party.name);
      rest = rest.split(party.name).join('\n');
    }
  }
  const names = rest
    .split(/[\n;,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set([...found, ...names])];
}

/** "Övrigt – Heading: value" lines for a row's cells of the (kept) columns Samtavla does not know. */
export function otherLines(cellsOfRow: readonly string[], unknown: HeaderLocation['unknown']): string[] {
  return unknown
    .map(({ heading, at }) => ({ heading, value: (cellsOfRow[at] ?? '').trim() }))
    .filter(({ value }) => value !== '')
    .map(({ heading, value }) => `${OTHER_LABEL} – ${heading}: ${value}`);
}

/**
 * The activity with as many "Övrigt" lines after it as fit the card's text
 * field; `dropped` counts the lines left out, so the import can say so instead
 * of refusing a file whose own activity text was valid.
 */
export function withOtherLines(activity: string, lines: readonly string[]): { text: string; dropped: number } {
  let text = activity.trim() === '' ? '' : activity;
  let kept = 0;
  for (const line of lines) {
    const next = text === '' ? line : `${text}${kept === 0 ? '\n\n' : '\n'}${line}`;
    if (next.length > TEXT_FIELD_MAX) break;
    text = next;
    kept++;
  }
  return { text, dropped: lines.length - kept };
}

/** The board's title and plan period from the "Plan" and "Planperiod" columns, unless the caller gave them. */
export function boardOf(body: readonly (readonly string[])[], index: Map<string, number>, shell: PlanShell): PlanShell {
  const first = (key: string) => {
    const at = index.get(key);
    if (at === undefined) return undefined;
    return body.map((row) => (row[at] ?? '').trim()).find((value) => value !== '');
  };
  const title = shell.title ? undefined : first('planTitle');
  const range = /^(\d{4}-\d{2}-\d{2})\s*[–—-]{1,2}\s*(\d{4}-\d{2}-\d{2})$/.exec(first('planPeriod') ?? '');
  const [, from, to] = range ?? [];
  const planPeriod =
    !shell.planPeriod && from && to && isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : undefined;
  return { ...(title ? { title } : {}), ...(planPeriod ? { planPeriod } : {}) };
}
