/**
 * The export registry: format → content type, extension and writer, and the
 * one call the server and the client make to export a board.
 */
import type * as Y from 'yjs';
import type { Template } from '../template.ts';
import { planFileName } from './file-name.ts';
import type { PlanLang } from './labels.ts';
import type { PlanData } from './schema.ts';
import { docToPlan, type ToPlanOptions } from './to-plan.ts';
import { type CsvOptions, writeCsv } from './write-csv.ts';
import { writeDocx } from './write-docx.ts';
import { writeJson } from './write-json.ts';
import { writeMarkdown } from './write-md.ts';
import { writeXlsx } from './write-xlsx.ts';

export interface WriteOptions {
  csv?: CsvOptions;
  /**
   * The language of the headings, labels, status words and dates (README "Export and import");
   * Swedish when absent. JSON is data and has none: it is the same in every language.
   */
  lang?: PlanLang;
}

export interface PlanWriter {
  contentType: string;
  extension: string;
  /** Text formats resolve to a string, binary ones to bytes. */
  write: (plan: PlanData, options?: WriteOptions) => Promise<Uint8Array | string>;
}

export const PLAN_FORMATS = {
  json: { contentType: 'application/json; charset=utf-8', extension: 'json', write: async (plan) => writeJson(plan) },
  csv: {
    contentType: 'text/csv; charset=utf-8',
    extension: 'csv',
    write: async (plan, options) => writeCsv(plan, { ...options?.csv, lang: options?.lang }),
  },
  xlsx: {
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extension: 'xlsx',
    write: (plan, options) => writeXlsx(plan, options?.lang),
  },
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
    write: (plan, options) => writeDocx(plan, options?.lang),
  },
  md: {
    contentType: 'text/markdown; charset=utf-8',
    extension: 'md',
    write: async (plan, options) => writeMarkdown(plan, options?.lang),
  },
} as const satisfies Record<string, PlanWriter>;

export type PlanFormat = keyof typeof PLAN_FORMATS;
export const EXPORT_FORMATS = Object.keys(PLAN_FORMATS) as PlanFormat[];

export const isPlanFormat = (value: string): value is PlanFormat => Object.hasOwn(PLAN_FORMATS, value);

export interface ExportOptions extends ToPlanOptions, WriteOptions {
  /** Time zone of the date in the file name; Swedish time by default. */
  timeZone?: string;
}

export interface ExportResult {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
  plan: PlanData;
}

/** Exports a board document in one format. */
export async function exportPlan(
  doc: Y.Doc,
  template: Template,
  format: PlanFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  // The template's texts follow the export's language too; JSON keeps the template's own.
  const plan = docToPlan(doc, template, format === 'json' ? { ...options, lang: undefined } : options);
  return writePlan(plan, format, options);
}

/** Writes plan data (e.g. one just imported) in one format. */
export async function writePlan(
  plan: PlanData,
  format: PlanFormat,
  options: ExportOptions = {},
): Promise<ExportResult> {
  const writer: PlanWriter = PLAN_FORMATS[format];
  return {
    body: await writer.write(plan, options),
    contentType: writer.contentType,
    fileName: planFileName(plan.board.title, new Date(plan.exportedAt), writer.extension, options.timeZone),
    plan,
  };
}
