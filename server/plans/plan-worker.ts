/**
 * Runs in a worker thread (see plan-pool.ts): exports and imports of large
 * plans take seconds of synchronous work inside exceljs/docx, which must not
 * stall the live rooms on the main thread.
 */
import * as Y from 'yjs';
import { migrateBoardDoc } from '../../shared/board-migration.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import {
  docToPlan,
  exportPlan,
  ImportError,
  type ImportErrorLocation,
  importPlanAndTemplate,
  type PlanFormat,
  planToDoc,
} from '../../shared/plan/index.ts';
import type { PlanLang } from '../../shared/plan/labels.ts';
import type { Rollup } from '../../shared/plan/rollup.ts';
import { type ReportFormat, type ReportLang, UnknownRound, writeReport } from '../../shared/report/index.ts';
import { writeRollupDocx } from '../../shared/report/write-rollup-docx.ts';
import type { Template } from '../../shared/template.ts';
import { reportCharts, rollupCharts } from './chart-png.ts';
import { buildNextPlan, type NextPlanOutcome, type NextPlanTask } from './next-plan-task.ts';

export interface ExportTask {
  kind: 'export';
  /** The board's stored updates (state first, then the log). */
  updates: Uint8Array[];
  boardId: string;
  format: PlanFormat;
  delimiter?: ';' | ',';
  /** Headings, labels and statuses in this language; Swedish when absent. */
  lang?: PlanLang;
}

export interface ReportTask {
  kind: 'report';
  updates: Uint8Array[];
  boardId: string;
  format: ReportFormat;
  /** The round to report; absent: the current round, else the last. */
  round?: string;
  lang?: ReportLang;
}

/** The regional roll-up as a Word document: already added up (on the main thread, cheap); its charts and the document are the heavy part. */
export interface RollupDocxTask {
  kind: 'rollup-docx';
  rollup: Rollup;
  lang?: ReportLang;
}

export type ReportOutcome = ExportOutcome | { unknownRound: string };

export interface ImportTask {
  kind: 'import';
  bytes: Uint8Array;
  formatOrFileName: string;
  /** The template the user named (built-in or the server's), or 'file': the file's own areas; absent: chosen from the file. */
  template?: Template | 'file';
  /** The templates a file may name or fit: the server's catalog. */
  templates: readonly Template[];
  title?: string;
  /** The server's live card limit: an import may not make a board the live room would refuse. */
  maxCards: number;
}

export type ExportOutcome =
  | { body: Uint8Array | string; contentType: string; fileName: string }
  /** The document names a template it holds no copy of and this server does not ship. */
  | { unknownTemplate: string };
export type ImportOutcome =
  | { ok: true; state: Uint8Array; notices: string[] }
  | { ok: false; code: string; message: string; location: ImportErrorLocation }
  | { ok: false; code: 'unknown-template'; message: string; location: ImportErrorLocation };

/** The board of stored updates, read with this server's fields (a migration in memory only). */
function boardDoc(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  doc.transact(() => {
    for (const update of updates) Y.applyUpdate(doc, update);
  });
  migrateBoardDoc(doc);
  return doc;
}

async function runReport(task: ReportTask): Promise<ReportOutcome> {
  const doc = boardDoc(task.updates);
  try {
    const template: Template | null = readBoardTemplate(doc);
    if (!template) return { unknownTemplate: String(doc.getMap('meta').get('templateId') ?? '') };
    const plan = docToPlan(doc, template, { boardId: task.boardId });
    const lang = task.lang ?? 'sv';
    const { body, contentType, fileName } = await writeReport(plan, task.format, {
      round: task.round,
      lang,
      charts: (report) => reportCharts(report, lang),
    });
    return { body, contentType, fileName };
  } catch (error) {
    if (error instanceof UnknownRound) return { unknownRound: error.message };
    throw error;
  } finally {
    doc.destroy();
  }
}

async function runExport(task: ExportTask): Promise<ExportOutcome> {
  const doc = boardDoc(task.updates);
  try {
    // The board's own copy of its template (older boards: the built-in one of its id).
    const template: Template | null = readBoardTemplate(doc);
    if (!template) return { unknownTemplate: String(doc.getMap('meta').get('templateId') ?? '') };
    const { body, contentType, fileName } = await exportPlan(doc, template, task.format, {
      boardId: task.boardId,
      csv: task.delimiter ? { delimiter: task.delimiter } : undefined,
      lang: task.lang,
    });
    return { body, contentType, fileName };
  } finally {
    doc.destroy();
  }
}

async function runImport(task: ImportTask): Promise<ImportOutcome> {
  const notices: string[] = [];
  try {
    const { plan, template } = await importPlanAndTemplate(task.bytes, task.formatOrFileName, {
      template: task.template,
      templates: task.templates,
      title: task.title,
      maxCards: task.maxCards,
      notices,
    });
    if (!template) {
      const message = `template.id: unknown template "${plan.template.id.slice(0, 100)}"`;
      return { ok: false, code: 'unknown-template', message, location: { field: 'template.id' } };
    }
    const doc = planToDoc(plan, template);
    const state = Y.encodeStateAsUpdate(doc);
    doc.destroy();
    return { ok: true, state, notices };
  } catch (error) {
    // ImportError does not survive the thread boundary as a class; its fields do.
    if (error instanceof ImportError) {
      return { ok: false, code: error.code, message: error.message, location: error.location };
    }
    throw error;
  }
}

async function runNextPlan(task: NextPlanTask): Promise<NextPlanOutcome> {
  const doc = boardDoc(task.updates);
  try {
    return buildNextPlan(task, doc);
  } finally {
    doc.destroy();
  }
}

function runRollupDocx(task: RollupDocxTask): Promise<Uint8Array> {
  const lang = task.lang ?? 'sv';
  return writeRollupDocx(task.rollup, rollupCharts(task.rollup, lang), lang);
}

export default function run(
  task: ExportTask | ImportTask | ReportTask | NextPlanTask | RollupDocxTask,
): Promise<ExportOutcome | ImportOutcome | ReportOutcome | NextPlanOutcome | Uint8Array> {
  if (task.kind === 'report') return runReport(task);
  if (task.kind === 'rollup-docx') return runRollupDocx(task);
  if (task.kind === 'next-plan') return runNextPlan(task);
  return task.kind === 'export' ? runExport(task) : runImport(task);
}
