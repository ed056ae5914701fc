/**
 * The follow-up report of a plan in a chosen format: the model (report-model.ts)
 * written as Markdown, Word or Excel, or the model itself as JSON.
 */
import { planFileName } from '../plan/file-name.ts';
import type { PlanData } from '../plan/schema.ts';
import { xmlSafePlan } from '../plan/xml-safe.ts';
import type { ReportLang } from './labels.ts';
import { followUpReport } from './report-model.ts';
import { type ChartPng, writeReportDocx } from './write-report-docx.ts';
import { writeReportMarkdown } from './write-report-md.ts';
import { writeReportXlsx } from './write-report-xlsx.ts';

export { REPORT_LABELS, REPORT_LANGS, type ReportLang } from './labels.ts';
export { defaultRound, type FollowUpReport, followUpReport, reportRounds, UnknownRound } from './report-model.ts';
export type { ChartPng } from './write-report-docx.ts';

export const REPORT_FORMATS = ['docx', 'md', 'xlsx', 'json'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];
export const isReportFormat = (value: string): value is ReportFormat =>
  (REPORT_FORMATS as readonly string[]).includes(value);

const CONTENT_TYPE: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  md: 'text/markdown; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  json: 'application/json; charset=utf-8',
};

export interface ReportFileOptions {
  round?: string;
  lang?: ReportLang;
  /** For Word: the PNG chart of each focus area, made by whoever can render SVG (the server). */
  charts?: (report: ReturnType<typeof followUpReport>) => ReadonlyMap<string, ChartPng>;
  now?: Date;
}

export interface ReportFile {
  body: Uint8Array | string;
  contentType: string;
  fileName: string;
}

/** "uppfoljning-heby-2025-2026-03-01.docx": the plan export's name with "uppfoljning" in front. */
export function reportFileName(boardTitle: string, at: Date, extension: string): string {
  return planFileName(boardTitle, at, extension).replace(/^samverkansplan-/, 'uppfoljning-');
}

/** Throws UnknownRound for a round the plan does not have. */
export async function writeReport(
  plan: PlanData,
  format: ReportFormat,
  options: ReportFileOptions = {},
): Promise<ReportFile> {
  const lang = options.lang ?? 'sv';
  // Word and Excel cannot hold every character a board can; the text outputs keep them.
  const report = followUpReport(format === 'docx' || format === 'xlsx' ? xmlSafePlan(plan) : plan, options.round);
  let body: Uint8Array | string;
  if (format === 'md') body = writeReportMarkdown(report, lang);
  else if (format === 'json') body = `${JSON.stringify(report, null, 2)}\n`;
  else if (format === 'xlsx') body = await writeReportXlsx(report, lang);
  else body = await writeReportDocx(report, options.charts?.(report) ?? new Map(), lang);
  return {
    body,
    contentType: CONTENT_TYPE[format],
    fileName: reportFileName(plan.board.title, options.now ?? new Date(), format),
  };
}
