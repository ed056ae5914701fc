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
};

/** The sheets and info keys of a workbook exported in each language; the reader knows both. */
export const XLSX_NAMES: Record<'sv' | 'en', { all: string; info: string; keys: typeof INFO }> = {
  sv: { all: ALL_SHEET, info: INFO_SHEET, keys: INFO },
  en: {
    all: 'All',
    info: 'About the plan',
    keys: {
      format: 'Format',
      formatVersion: 'Format version',
      title: 'Title',
      templateId: 'Template id',
      templateVersion: 'Template version',
      templateTitle: 'Template',
      planFrom: 'Plan period from',
      planTo: 'Plan period to',
      boardId: 'Board id',
      createdAt: 'Board created',
      exportedAt: 'Exported',
    },
  },
};

import { DOCUMENT_FIELDS } from '../fields/card-fields.ts';

/** Width of the status column, the last of every plan table. */
const STATUS_WIDTH = 24;

/**
 * Widths (in characters) of the plan-table columns, matching TABLE_HEADINGS (the
 * registry's document widths, then the status);
 * the Word table shares them as proportions. Wide enough that "Tidsram" and
 * "Överenskommen" do not break inside the word on an A4 landscape page (the
 * status column is ≈ 77 pt in Word with the nine columns of 2024's Effektmått,
 * 86 pt with eight; "Överenskommen" in 9 pt Calibri with the cell margins takes
 * ≈ 71 pt, which 20 units of eight columns only just held). A new column takes its
 * share from every other: check the status column still holds the word.
 */
export const TABLE_WIDTHS: readonly number[] = [...DOCUMENT_FIELDS.map((f) => f.document.width), STATUS_WIDTH];

const SHEET_NAME_MAX = 31;

/** Cuts at a word boundary with an ellipsis, so "A Förebyggande och…" rather than "…hälsofrämjan". */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space >= max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/**
 * A sheet name Excel accepts: no []:*?/\ characters, at most 31 characters,
 * no apostrophe at either end, not "History", unique in the workbook (case-insensitively).
 */
export function sheetName(wanted: string, taken: Set<string>): string {
  const cleaned = wanted
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^'+|'+$/g, '');
  const base = shorten(cleaned, SHEET_NAME_MAX) || 'Blad';
  let name = base.toLowerCase() === 'history' ? 'History 1' : base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) {
    const suffix = ` (${n})`;
    name = `${shorten(base, SHEET_NAME_MAX - suffix.length)}${suffix}`;
  }
  taken.add(name.toLowerCase());
  return name;
}
