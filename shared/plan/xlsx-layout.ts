/**
 * What the XLSX writer and reader agree on: sheet names, the "Om planen"
 * key/value rows that carry the board's title, period and template, and
 * Excel's rules for sheet names.
 */
export const ALL_SHEET = 'Alla';
export const INFO_SHEET = 'Om planen';

/** Keys of the "Om planen" sheet (column A), values in column B. */
export const INFO = {
  format: 'Format',
  formatVersion: 'Formatversion',
  title: 'Titel',
  templateId: 'Mall-id',
  templateVersion: 'Mallversion',
  templateTitle: 'Mall',
  planFrom: 'Planperiod från',
  planTo: 'Planperiod till',
  boardId: 'Tavlans id',
  createdAt: 'Tavlan skapad',
  exportedAt: 'Exporterad',
} as const;

/** Widths (in characters) of the eight plan-table columns, matching TABLE_HEADINGS. */
export const TABLE_WIDTHS = [32, 48, 40, 26, 18, 20, 12, 18] as const;

const SHEET_NAME_MAX = 31;

/**
 * A sheet name Excel accepts: no []:*?/\ characters, at most 31 characters,
 * no apostrophe at either end, not "History", unique in the workbook (case-insensitively).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base =
    wanted
      .replace(/[[\]:*?/\\]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/^'+|'+$/g, '')
      .slice(0, SHEET_NAME_MAX)
      .trim() || 'Blad';
  let name = base.toLowerCase() === 'history' ? 'History 1' : base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${base.slice(0, SHEET_NAME_MAX - suffix.length).trim()}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
