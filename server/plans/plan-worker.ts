/**
 * Runs in a worker thread (see plan-pool.ts): exports and imports of large
 * plans take seconds of synchronous work inside exceljs/docx, which must not
 * stall the live rooms on the main thread.
 */
import * as Y from 'yjs';
import { readBoardTemplate } from '../../shared/board-template.ts';
import {
  exportPlan,
  ImportError,
  type ImportErrorLocation,
  importPlanAndTemplate,
  type PlanFormat,
  planToDoc,
} from '../../shared/plan/index.ts';
import type { Template } from '../../shared/template.ts';

export interface ExportTask {
  kind: 'export';
  /** The board's stored updates (state first, then the log). */
  updates: Uint8Array[];
  boardId: string;
  format: PlanFormat;
  delimiter?: ';' | ',';
}

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

async function runExport(task: ExportTask): Promise<ExportOutcome> {
  const doc = new Y.Doc();
  try {
    doc.transact(() => {
      for (const update of task.updates) Y.applyUpdate(doc, update);
    });
    // The board's own copy of its template (older boards: the built-in one of its id).
    const template: Template | null = readBoardTemplate(doc);
    if (!template) return { unknownTemplate: String(doc.getMap('meta').get('templateId') ?? '') };
    const { body, contentType, fileName } = await exportPlan(doc, template, task.format, {
      boardId: task.boardId,
      csv: task.delimiter ? { delimiter: task.delimiter } : undefined,
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

export default function run(task: ExportTask | ImportTask): Promise<ExportOutcome | ImportOutcome> {
  return task.kind === 'export' ? runExport(task) : runImport(task);
}
