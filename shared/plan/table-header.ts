/**
 * Where a plan table's header row is and what its columns are. One place for
 * the table reader (from-table.ts), the template guess (import.ts) and the
 * XLSX sheet choice (read-xlsx.ts), so the three agree on which row is the
 * header and which column holds the goal ids.
 */

import { DOCUMENT_FIELDS } from '../fields/card-fields.ts';
import { columnForHeading, normalizeHeading } from './column-aliases.ts';
import { COLUMNS, FOLLOW_UP_HEADER, FOLLOW_UP_PARTS } from './flat.ts';
import { PLAN_LANGS, planWords } from './labels.ts';

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 10;
/** Longest follow-up period a heading may name (FollowUpSchema's period). */
const PERIOD_MAX = 32;

export interface HeaderLocation {
  /** 0-based index of the header row in the table. */
  row: number;
  /** Column key → column index, for the columns an import reads (follow-up ones as `followUp\0<period>\0<part>`). */
  columns: Map<string, number>;
  /** Derived columns (goal and focus-area titles …): written for readers, only used to place a card without ids. */
  derived: Map<string, number>;
  /** Headings no alias names, with their columns. */
  unknown: { heading: string; at: number }[];
}

/** Whether a row looks like a plan table's header: it names the activity or the title column. */
export function isPlanHeader(row: readonly string[]): boolean {
  return row.some((cell) => {
    const key = columnForHeading(cell);
    return key === 'activity' || key === 'title';
  });
}

/**
 * Whether a row is the header of our own per-area sheets (the seed layout of
 * the Word tables). Those sheets hold goal, direction and note rows between the
 * cards, so they are not read back; "Alla" is.
 */
export function isAreaSheetHeader(row: readonly string[]): boolean {
  const cells = row.map(normalizeHeading).filter((cell) => cell !== '');
  const same = (headings: string[]) => headings.length === cells.length && headings.every((h, i) => h === cells[i]);
  // The layout of either export language; an older export lacks the columns of fields added since (`since`).
  return PLAN_LANGS.some((lang) => {
    const expected = planWords(lang).tableHeadings.map(normalizeHeading);
    const older = expected.filter((_, i) => !(DOCUMENT_FIELDS[i] && 'since' in DOCUMENT_FIELDS[i]));
    return same(expected) || same(older);
  });
}

export const followUpKey = (period: string, part: string): string => `followUp\u0000${period}\u0000${part}`;

/**
 * A dated comment the committees write: "Kommentar mars 2022", "Effekt 2023",
 * "Comment 2024". The period must hold a year, so "Kommentar till aktivitet" stays an unknown column.
 */
const DATED_PART = /^(kommentar|comment|effekt|effect)\s+(\S.*\b(?:19|20)\d\d\b.*)$/i;

/** A heading that names one part of a follow-up period, or undefined. */
function followUpColumn(heading: string): string | undefined {
  const ours = FOLLOW_UP_HEADER.exec(heading);
  if (ours?.[1] && ours[2]) {
    const named = ours[2].toLowerCase();
    const part = FOLLOW_UP_PARTS.find((p) => p.header === named || p.headerEn === named);
    const period = ours[1].trim();
    return part && period.length <= PERIOD_MAX ? followUpKey(period, part.key) : undefined;
  }
  const dated = DATED_PART.exec(heading);
  const period = dated?.[2]?.trim().replace(/:$/, '') ?? '';
  if (!dated?.[1] || period === '' || period.length > PERIOD_MAX) return undefined;
  return followUpKey(period, /^(kommentar|comment)$/i.test(dated[1]) ? 'comment' : 'effect');
}

/** Header cells → column keys, by the aliases of column-aliases.ts; follow-up columns by their period. */
function indexHeader(header: readonly string[]): Omit<HeaderLocation, 'row'> {
  const columns = new Map<string, number>();
  const derived = new Map<string, number>();
  const unknown: HeaderLocation['unknown'] = [];
  header.forEach((raw, i) => {
    const cell = raw.trim();
    const followUp = followUpColumn(cell);
    if (followUp) {
      if (!columns.has(followUp)) columns.set(followUp, i);
      return;
    }
    const column = COLUMNS.find((c) => c.key === columnForHeading(cell));
    const into = column?.derived ? derived : columns;
    // The first column of a name wins: a second "Ansvar" is reported, not read over the first.
    if (column && !into.has(column.key)) into.set(column.key, i);
    else if (cell !== '') unknown.push({ heading: cell, at: i });
  });
  return { columns, derived, unknown };
}

/** The header row (within the first HEADER_SEARCH_ROWS rows) and its columns, or undefined when there is none. */
export function locateHeader(table: readonly (readonly string[])[]): HeaderLocation | undefined {
  const row = table.slice(0, HEADER_SEARCH_ROWS).findIndex(isPlanHeader);
  const header = table[row];
  return row < 0 || !header ? undefined : { row, ...indexHeader(header) };
}
