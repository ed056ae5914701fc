/**
 * The one import call: bytes + a file name (or format) → validated plan data.
 * JSON files carry their template; for CSV and XLSX the caller's template is
 * used, else the one named in the workbook, else the built-in template that
 * knows every goal id in the file, else the default template.
 */
import { BOARD_TITLE_MAX } from '../api.ts';
import { MAX_CARDS_PER_BOARD } from '../limits.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate, listTemplates, placeIds, type Template } from '../template.ts';
import { ImportError, MAX_IMPORT_BYTES } from './errors.ts';
import { tableToPlan } from './from-table.ts';
import { Notices, unknownPlaceNotice } from './notices.ts';
import type { PlanShell } from './plan-shell.ts';
import { readCsvTable } from './read-csv.ts';
import { readJson, schemaError } from './read-json.ts';
import { readXlsxTable } from './read-xlsx.ts';
import { type PlanData, PlanSchema } from './schema.ts';
import { locateHeader } from './table-header.ts';
import { unknownPlaces } from './to-doc.ts';
import { toTimestamp } from './to-plan.ts';

export const IMPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /** The template to place CSV/XLSX rows on (JSON files name their own). */
  template?: Template;
  /** Board title for CSV files, which carry none. */
  title?: string;
  now?: Date;
  /** Most cards the plan may have; a server passes its live board limit (default MAX_CARDS_PER_BOARD). */
  maxCards?: number;
  /**
   * Receives what the person should know about a file that was read (columns Samtavla did not know, goals
   * the template lacks …): at most NOTICES_MAX (notices.ts) of at most NOTICE_MAX characters, then "… and N more".
   */
  notices?: string[];
}

/** "json", "csv" or "xlsx" from a format name or a file name; an ImportError for anything else. */
export function importFormat(formatOrFileName: string): ImportFormat {
  const lower = formatOrFileName.trim().toLowerCase();
  const extension = lower.includes('.') ? lower.slice(lower.lastIndexOf('.') + 1) : lower;
  if ((IMPORT_FORMATS as readonly string[]).includes(extension)) return extension as ImportFormat;
  if (extension === 'xls') {
    throw new ImportError('unknown-format', 'Old Excel files (.xls) cannot be imported; save the file as .xlsx.');
  }
  throw new ImportError(
    'unknown-format',
    `Samtavla imports plan files in JSON, CSV or Excel (.xlsx) format; "${formatOrFileName}" is none of these.`,
  );
}

/** Which template a table's rows belong on: the one that knows all their goal ids. */
function inferTemplate(table: string[][], namedId: string | undefined): Template {
  const named = namedId ? getTemplate(namedId) : undefined;
  if (named) return named;
  const header = locateHeader(table);
  const at = header?.columns.get('goalId');
  const rows = header && at !== undefined ? table.slice(header.row + 1) : [];
  const ids = new Set(rows.map((row) => (row[at ?? 0] ?? '').trim()).filter((id) => id !== ''));
  const fits = listTemplates().find((template) => {
    const known = placeIds(template);
    return ids.size > 0 && [...ids].every((id) => known.has(id));
  });
  return fits ?? (getTemplate(DEFAULT_TEMPLATE_ID) as Template);
}

/** A file name without folders and extension, as a last-resort board title. */
const stem = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

/** Reads an import file. Throws ImportError with a message for the person who chose the file. */
export async function importPlan(
  bytes: Uint8Array,
  formatOrFileName: string,
  options: ImportOptions = {},
): Promise<PlanData> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);
  }
  const format = importFormat(formatOrFileName);
  const notices = new Notices();
  const plan =
    format === 'json'
      ? readJsonPlan(bytes, options, notices)
      : await readTable(bytes, format, { ...options, fileName: formatOrFileName }, notices);
  options.notices?.push(...notices.list());
  return plan;
}

async function readTable(
  bytes: Uint8Array,
  format: 'csv' | 'xlsx',
  options: ImportOptions & { fileName: string },
  notices: Notices,
): Promise<PlanData> {
  const plan = format === 'csv' ? readCsv(bytes, options, notices) : await readXlsx(bytes, options, notices);
  const fallbackTitle = options.fileName.includes('.') ? stem(options.fileName) : 'Importerad plan';
  // Cards were checked row by row (so errors name rows); this checks what the file says about the board.
  const result = PlanSchema.safeParse(titled(plan, fallbackTitle));
  if (!result.success) throw schemaError(result.error);
  return result.data;
}

function readJsonPlan(bytes: Uint8Array, options: ImportOptions, notices: Notices): PlanData {
  const plan = readJson(bytes, options.maxCards ?? MAX_CARDS_PER_BOARD, notices);
  // The caller places the cards on its template, else the file's; ids neither knows leave cards unplaced.
  const template = options.template ?? getTemplate(plan.template.id);
  for (const place of template ? unknownPlaces(plan, template) : []) {
    notices.add(unknownPlaceNotice(undefined, place.id, template as Template, { count: place.cards }));
  }
  return plan;
}

/** The board title: the caller's, else the file's own, else the file name. */
function titled(plan: PlanData, fallbackTitle: string): PlanData {
  const title = (plan.board.title.trim() || fallbackTitle).slice(0, BOARD_TITLE_MAX);
  return { ...plan, board: { ...plan.board, title } };
}

function readCsv(bytes: Uint8Array, options: ImportOptions, notices: Notices): PlanData {
  const table = readCsvTable(bytes);
  const shell: PlanShell = { title: options.title, now: options.now };
  const template = options.template ?? inferTemplate(table, undefined);
  const maxCards = options.maxCards ?? MAX_CARDS_PER_BOARD;
  return tableToPlan(table, template, { name: 'CSV' }, shell, maxCards, notices);
}

async function readXlsx(bytes: Uint8Array, options: ImportOptions, notices: Notices): Promise<PlanData> {
  const { table, info, sheet } = await readXlsxTable(bytes);
  const shell: PlanShell = {
    title: options.title ?? info.title,
    planPeriod: info.planPeriod ?? null,
    boardId: info.boardId ?? null,
    createdAt: toTimestamp(info.createdAt ?? ''),
    now: options.now,
  };
  const template = options.template ?? inferTemplate(table, info.templateId);
  const source = { name: `Excel sheet "${sheet}"`, sheet };
  const maxCards = options.maxCards ?? MAX_CARDS_PER_BOARD;
  return tableToPlan(table, template, source, shell, maxCards, notices);
}
