/**
 * Plan export and import:
 *   GET  /api/boards/:id/export?format=json|csv|xlsx|docx|md[&delimiter=,]
 *   POST /api/boards/import?format=json|csv|xlsx (or &filename=…)[&templateId=…][&title=…]
 *        body: the file's bytes, at most MAX_IMPORT_BYTES
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import {
  EXPORT_FORMATS,
  exportPlan,
  ImportError,
  importPlan,
  isPlanFormat,
  MAX_IMPORT_BYTES,
  planToDoc,
} from '../../shared/plan/index.ts';
import { getTemplate } from '../../shared/template.ts';
import { boardTemplate, loadBoardDoc, storeNewBoard } from '../boards/board-docs.ts';
import { ApiError } from '../http/errors.ts';
import type { BoardStore } from '../storage/store.ts';
import { requireBoard } from './boards.ts';

const importLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new ApiError(413, `the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the import limit`);
  },
});

/** RFC 6266 attachment header: an ASCII fallback plus the exact UTF-8 name. */
function attachment(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[^\x20-\x7e]/g, '')
    .replace(/["\\]/g, '');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

async function exportBoard(c: Context, store: BoardStore): Promise<Response> {
  const board = await requireBoard(store, c.req.param('id') ?? '');
  const format = c.req.query('format') ?? 'json';
  if (!isPlanFormat(format)) {
    throw new ApiError(400, `format: expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const delimiter = c.req.query('delimiter');
  if (delimiter !== undefined && delimiter !== ';' && delimiter !== ',') {
    throw new ApiError(400, 'delimiter: expected ";" or ","');
  }
  const template = boardTemplate(board);
  if (!template) throw new ApiError(409, `the board's template "${board.templateId}" is not installed here`);
  const doc = await loadBoardDoc(store, board.id);
  try {
    const result = await exportPlan(doc, template, format, {
      boardId: board.id,
      csv: delimiter ? { delimiter } : undefined,
    });
    return new Response(result.body as BodyInit, {
      headers: { 'Content-Type': result.contentType, 'Content-Disposition': attachment(result.fileName) },
    });
  } finally {
    doc.destroy();
  }
}

async function importBoard(c: Context, store: BoardStore): Promise<Response> {
  const formatOrName = c.req.query('format') ?? c.req.query('filename');
  if (!formatOrName) throw new ApiError(400, 'say what the file is: ?format=json|csv|xlsx or ?filename=plan.xlsx');
  const templateId = c.req.query('templateId');
  const chosen = templateId === undefined ? undefined : getTemplate(templateId);
  if (templateId !== undefined && !chosen)
    throw new ApiError(400, `templateId: unknown template "${templateId.slice(0, 100)}"`);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw new ApiError(400, 'the file is empty');

  const plan = await importPlan(bytes, formatOrName, { template: chosen, title: c.req.query('title') });
  const template = chosen ?? getTemplate(plan.template.id);
  if (!template) throw new ApiError(400, `template.id: unknown template "${plan.template.id.slice(0, 100)}"`);
  const doc = planToDoc(plan, template);
  try {
    const board = await storeNewBoard(store, doc);
    const cardCount = doc.getMap('cards').size;
    return c.json({ ...board, cardCount }, 201);
  } finally {
    doc.destroy();
  }
}

export function planRoutes(store: BoardStore): Hono {
  const app = new Hono();
  app.get('/boards/:id/export', (c) => exportBoard(c, store));
  app.post('/boards/import', importLimit, async (c) => {
    try {
      return await importBoard(c, store);
    } catch (error) {
      if (!(error instanceof ImportError)) throw error;
      const status = error.code === 'too-large' ? 413 : 400;
      return c.json({ error: error.message, code: error.code, location: error.location }, status);
    }
  });
  return app;
}
