/**
 * The one import call: bytes + a file name (or format) → validated plan data
 * and the template the board is laid out on. JSON files name their template;
 * for CSV and XLSX the caller's template is used, else the one named in the
 * workbook, else a template that places every row. When none fits, the board
 * is laid out on the file's own focus areas and goals (own-template.ts), and
 * a notice says so; the caller can ask for that too (`template: 'file'`).
 */
import { BOARD_TITLE_MAX } from '../api.ts';
import { MAX_CARDS_PER_BOARD } from '../limits.ts';
import { DEFAULT_TEMPLATE_ID, getTemplate, listTemplates, type Template } from '../template.ts';
import { ImportError, MAX_IMPORT_BYTES } from './errors.ts';
import { tableToPlan } from './from-table.ts';
import { Notices, unknownPlaceNotice } from './notices.ts';
import { ownTemplateNotice, ownTemplateRefusedNotice, templateFromPlan, templateFromTable } from './own-template.ts';
import type { PlanShell } from './plan-shell.ts';
import { readCsvTable } from './read-csv.ts';
import { readJson, schemaError } from './read-json.ts';
import { readXlsxTable } from './read-xlsx.ts';
import { type PlanData, PlanSchema } from './schema.ts';
import { namedPlaces, placesAll } from './table-fit.ts';
import { unknownPlaces } from './to-doc.ts';
import { toTimestamp } from './to-plan.ts';

export const IMPORT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportOptions {
  /**
   * The template to place the cards on (CSV/XLSX; a JSON file's cards too), or 'file': lay the
   * board out on the file's own focus areas and goals. Absent: the file's template, else one that fits.
   */
  template?: Template | 'file';
  /** The templates a file may name or fit (default: the built-in ones; a server adds TEMPLATES_DIR's). */
  templates?: readonly Template[];
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

/**
 * Which template a table's rows go on: the caller's, the one the workbook
 * names, one that places every row naming a place, else the file's own areas
 * and goals (when it names any), else the default template (rows unplaced).
 */
function tableTemplate(
  table: string[][],
  namedId: string | undefined,
  options: ImportOptions & { fileName: string },
  notices: Notices,
): Template {
  if (options.template && options.template !== 'file') return options.template;
  const candidates = options.templates ?? listTemplates();
  const named = options.template === 'file' ? undefined : candidates.find((t) => t.id === namedId);
  if (named) return named;
  const places = namedPlaces(table);
  const fits =
    options.template === 'file' || places.length === 0
      ? undefined
      : candidates.find((template) => placesAll(places, template));
  if (fits) return fits;
  const own = places.length > 0 ? templateFromTable(table, options.title || stem(options.fileName)) : null;
  if (own) {
    notices.add(ownTemplateNotice(own));
    return own;
  }
  if (places.length > 0) notices.add(ownTemplateRefusedNotice());
  return getTemplate(DEFAULT_TEMPLATE_ID) as Template;
}

/** A file name without folders and extension, as a last-resort board title. */
const stem = (fileName: string) => fileName.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '');

/** Reads an import file. Throws ImportError with a message for the person who chose the file. */
export async function importPlan(
  bytes: Uint8Array,
  formatOrFileName: string,
  options: ImportOptions = {},
): Promise<PlanData> {
  return (await importPlanAndTemplate(bytes, formatOrFileName, options)).plan;
}

/**
 * Reads an import file with the template its board is laid out on: null for a JSON file
 * that names a template this server does not know and has no focus areas of its own to use.
 */
export async function importPlanAndTemplate(
  bytes: Uint8Array,
  formatOrFileName: string,
  options: ImportOptions = {},
): Promise<{ plan: PlanData; template: Template | null }> {
  if (bytes.byteLength > MAX_IMPORT_BYTES) {
    throw new ImportError('too-large', `The file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB.`);
  }
  const format = importFormat(formatOrFileName);
  const notices = new Notices();
  const read =
    format === 'json'
      ? readJsonPlan(bytes, options, notices)
      : await readTable(bytes, format, { ...options, fileName: formatOrFileName }, notices);
  options.notices?.push(...notices.list());
  return read;
}

async function readTable(
  bytes: Uint8Array,
  format: 'csv' | 'xlsx',
  options: ImportOptions & { fileName: string },
  notices: Notices,
): Promise<{ plan: PlanData; template: Template }> {
  const { plan, template } =
    format === 'csv' ? readCsv(bytes, options, notices) : await readXlsx(bytes, options, notices);
  const fallbackTitle = options.fileName.includes('.') ? stem(options.fileName) : 'Importerad plan';
  // Cards were checked row by row (so errors name rows); this checks what the file says about the board.
  const result = PlanSchema.safeParse(titled(plan, fallbackTitle));
  if (!result.success) throw schemaError(result.error);
  return { plan: result.data, template };
}

function readJsonPlan(
  bytes: Uint8Array,
  options: ImportOptions,
  notices: Notices,
): { plan: PlanData; template: Template | null } {
  const plan = readJson(bytes, options.maxCards ?? MAX_CARDS_PER_BOARD, notices);
  // The caller's template, else the file's; ids it does not know leave cards unplaced. A template this
  // server does not know: the board is laid out on the file's own focus areas and goals.
  const candidates = options.templates ?? listTemplates();
  let template: Template | null =
    options.template === 'file'
      ? null
      : (options.template ?? candidates.find((t) => t.id === plan.template.id) ?? null);
  if (!template) {
    template = templateFromPlan(plan);
    if (template) notices.add(ownTemplateNotice(template));
  }
  for (const place of template ? unknownPlaces(plan, template) : []) {
    notices.add(unknownPlaceNotice(undefined, place.id, template as Template, { count: place.cards }));
  }
  return { plan, template };
}

/** The board title: the caller's, else the file's own, else the file name. */
function titled(plan: PlanData, fallbackTitle: string): PlanData {
  const title = (plan.board.title.trim() || fallbackTitle).slice(0, BOARD_TITLE_MAX);
  return { ...plan, board: { ...plan.board, title } };
}

function readCsv(
  bytes: Uint8Array,
  options: ImportOptions & { fileName: string },
  notices: Notices,
): { plan: PlanData; template: Template } {
  const table = readCsvTable(bytes);
  const shell: PlanShell = { title: options.title, now: options.now };
  const template = tableTemplate(table, undefined, options, notices);
  const maxCards = options.maxCards ?? MAX_CARDS_PER_BOARD;
  return { plan: tableToPlan(table, template, { name: 'CSV' }, shell, maxCards, notices), template };
}

async function readXlsx(
  bytes: Uint8Array,
  options: ImportOptions & { fileName: string },
  notices: Notices,
): Promise<{ plan: PlanData; template: Template }> {
  const { table, info, sheet } = await readXlsxTable(bytes);
  const shell: PlanShell = {
    title: options.title ?? info.title,
    planPeriod: info.planPeriod ?? null,
    boardId: info.boardId ?? null,
    createdAt: toTimestamp(info.createdAt ?? ''),
    now: options.now,
  };
  const template = tableTemplate(table, info.templateId, { ...options, title: options.title ?? info.title }, notices);
  const source = { name: `Excel sheet "${sheet}"`, sheet };
  const maxCards = options.maxCards ?? MAX_CARDS_PER_BOARD;
  return { plan: tableToPlan(table, template, source, shell, maxCards, notices), template };
}
