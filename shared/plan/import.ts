/**
 * The one import call: bytes + a file name (or format) → validated plan data.
 * JSON files carry their template; for CSV and XLSX the caller's template is
 * used, else the one named in the workbook, else the built-in template that
 * knows every goal id in the file, else the default template.
 */
import { BOARD_TITLE_MAX } from '../api.ts';
import { MAX_CARDS_PER_BOARD } from '../limits.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate, listTemplates, type Template } from '../template.ts';
import { ImportError, MAX_IMPORT_BYTES } from './errors.ts';
import { COLUMNS } from './flat.ts';
import { tableToPlan } from './from-table.ts';
import type { PlanShell } from './plan-shell.ts';
import { readCsvTable } from './read-csv.ts';
import { readJson, schemaError } from './read-json.ts';
import { readXlsxTable } from './read-xlsx.ts';
import { type PlanData, PlanSchema } from './schema.ts';
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
  /** Receives what the person should know about a file that was read (columns Samtavla did not know). */
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
  const [header = [], ...rows] = table;
  const goalHeader = COLUMNS.find((c) => c.key === 'goalId')?.header.toLowerCase();
  const at = header.findIndex((cell) => cell.trim().toLowerCase() === goalHeader || cell.trim() === 'goalId');
  const ids = new Set(rows.map((row) => (row[at] ?? '').trim()).filter((id) => at >= 0 && id !== ''));
  const fits = listTemplates().find((template) => {
    const known = new Set(template.focusAreas.flatMap((area) => [area.id, ...area.goals.map((g) => g.id)]));
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
  if (format === 'json') return readJson(bytes, options.maxCards ?? MAX_CARDS_PER_BOARD);
  const fallbackTitle = formatOrFileName.includes('.') ? stem(formatOrFileName) : 'Importerad plan';
  const plan =
    format === 'csv' ? readCsv(bytes, options, fallbackTitle) : await readXlsx(bytes, options, fallbackTitle);
  // Cards were checked row by row (so errors name rows); this checks what the file says about the board.
  const result = PlanSchema.safeParse(plan);
  if (!result.success) throw schemaError(result.error);
  return result.data;
}

/** The board title: the caller's, else the file's own, else the file name. */
function titled(plan: PlanData, fallbackTitle: string): PlanData {
  const title = (plan.board.title.trim() || fallbackTitle).slice(0, BOARD_TITLE_MAX);
  return { ...plan, board: { ...plan.board, title } };
}

function readCsv(bytes: Uint8Array, options: ImportOptions, fallbackTitle: string): PlanData {
  const table = readCsvTable(bytes);
  const shell: PlanShell = { title: options.title, now: options.now };
  const template = options.template ?? inferTemplate(table, undefined);
  const maxCards = options.maxCards ?? MAX_CARDS_PER_BOARD;
  return titled(tableToPlan(table, template, { name: 'CSV' }, shell, maxCards, options.notices), fallbackTitle);
}

async function readXlsx(bytes: Uint8Array, options: ImportOptions, fallbackTitle: string): Promise<PlanData> {
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
  return titled(tableToPlan(table, template, source, shell, maxCards, options.notices), fallbackTitle);
}
