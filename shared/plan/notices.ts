/**
 * What an import tells the person who chose the file (columns it did not
 * know, places the template lacks, text that did not fit). The file is hostile
 * input: a notice quotes its headings, ids and sheet names, and a file can hold
 * thousands of distinct ones, so every notice is cut and there are few of them.
 */
import { PARTIES_MAX, TEXT_FIELD_MAX } from '../card-schema.ts';
import type { Template } from '../template.ts';
import { OTHER_LABEL } from './table-cells.ts';

/** Longest notice, in characters. */
export const NOTICE_MAX = 300;
/** Longest id or heading quoted in a notice. */
export const NOTICE_ID_MAX = 64;
/** Most notices an import returns; the rest are counted in a last one. */
export const NOTICES_MAX = 20;
/** Most row numbers a notice lists. */
export const NOTICE_ROWS_MAX = 20;

/** A file's id or heading as a notice quotes it. */
export const quoted = (text: string): string =>
  `"${text.length > NOTICE_ID_MAX ? `${text.slice(0, NOTICE_ID_MAX - 1)}…` : text}"`;

/** "3, 4, 9" — at most NOTICE_ROWS_MAX numbers, then "…". */
export const rowList = (rows: readonly number[]): string =>
  rows.length > NOTICE_ROWS_MAX ? `${rows.slice(0, NOTICE_ROWS_MAX).join(', ')}, …` : rows.join(', ');

const cut = (notice: string) => (notice.length > NOTICE_MAX ? `${notice.slice(0, NOTICE_MAX - 1)}…` : notice);

/** The notices as returned: each cut to NOTICE_MAX, at most NOTICES_MAX, then "… and N more". */
export function capNotices(notices: readonly string[]): string[] {
  const shown = notices.slice(0, NOTICES_MAX).map(cut);
  const more = notices.length - shown.length;
  return more > 0 ? [...shown, `… and ${more} more.`] : shown;
}

/**
 * Collects notices with a hard bound while a file is read: a file with 2,000
 * unknown goal ids makes 2,000 calls but keeps NOTICES_MAX + 1 strings.
 */
export class Notices {
  readonly #kept: string[] = [];
  #dropped = 0;

  add(notice: string): void {
    if (this.#kept.length < NOTICES_MAX) this.#kept.push(cut(notice));
    else this.#dropped++;
  }

  list(): string[] {
    return this.#dropped > 0 ? [...this.#kept, `… and ${this.#dropped} more.`] : [...this.#kept];
  }
}

/**
 * A goal or focus area a file names that the template does not know: with the
 * rows that named it (CSV, XLSX) or the number of its cards (JSON).
 */
export function unknownPlaceNotice(
  where: string | undefined,
  place: string,
  template: Template,
  cards: { rows: readonly number[] } | { count: number },
): string {
  const prefix = where ? `${where}: ` : '';
  const what =
    'rows' in cards
      ? `the cards of row${cards.rows.length > 1 ? 's' : ''} ${rowList(cards.rows)} are unplaced`
      : `its ${cards.count} card${cards.count === 1 ? ' is' : 's are'} unplaced`;
  return `${prefix}${quoted(place)} is no goal or focus area of the template ${quoted(template.id)}; ${what}.`;
}

/** The columns kept as "Övrigt" lines (the first few named), and how many past MAX_OTHER_COLUMNS were dropped. */
export function unknownColumnsNotice(where: string, kept: readonly { heading: string }[], dropped: number): string {
  const named = kept.slice(0, 8).map((u) => quoted(u.heading));
  const more = kept.length > named.length ? ` and ${kept.length - named.length} more` : '';
  const rest = dropped > 0 ? ` ${dropped} further columns were dropped.` : '';
  return `${where}: columns Samtavla does not know were kept on each card as "${OTHER_LABEL}" lines: ${named.join(', ')}${more}.${rest}`;
}

const inRows = (list: readonly number[]) => `row${list.length > 1 ? 's' : ''} ${rowList(list)}`;
const cards = (n: number) => `${n} card${n === 1 ? '' : 's'}`;

/** The rows of a table that lost something to fit a card, were placed by a title, or have no place. */
export function rowNotices(
  where: string,
  rows: { other: number[]; parties: number[]; byTitle: number[]; none: number[] },
): string[] {
  const { other, parties, byTitle, none } = rows;
  return [
    other.length > 0 &&
      `${where}, ${inRows(other)}: "${OTHER_LABEL}" lines that did not fit the activity (${TEXT_FIELD_MAX} characters) were left out.`,
    parties.length > 0 && `${where}, ${inRows(parties)}: only the first ${PARTIES_MAX} parties were kept.`,
    byTitle.length > 0 &&
      `${where}: ${cards(byTitle.length)} without a goal id ${byTitle.length === 1 ? 'was' : 'were'} placed by the goal or focus area ${byTitle.length === 1 ? 'its row names' : 'their rows name'} (${inRows(byTitle)}).`,
    none.length > 0 &&
      `${where}: ${cards(none.length)} ${none.length === 1 ? 'has' : 'have'} no goal id and ${none.length === 1 ? 'is' : 'are'} unplaced (${inRows(none)}); place them on the board.`,
  ].filter((notice): notice is string => typeof notice === 'string');
}
