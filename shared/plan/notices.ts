/**
 * What an import tells the person who chose the file (columns it did not
 * know, places the template lacks, text that did not fit). The file is hostile
 * input: a notice quotes its headings, ids and sheet names, and a file can hold
 * thousands of distinct ones, so every notice is cut and there are few of them.
 */
import type { Template } from '../template.ts';

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
