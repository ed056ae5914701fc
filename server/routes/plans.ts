/**
 * Plan export and import:
 *   GET  /api/boards/:id/export?format=json|csv|xlsx|docx|md[&delimiter=,][&version=<id>][&lang=sv|en]
 *   POST /api/boards/import?format=json|csv|xlsx (or &filename=…, or the body's Content-Type)[&templateId=…|&layout=file][&title=…]
 *        body: the file's bytes, at most MAX_IMPORT_BYTES
 *   GET  /api/boards/:id/report?format=docx|md|xlsx|json[&round=<label>][&lang=sv|en]: the follow-up report
 * The work itself runs in the plan worker pool (see plans/plan-pool.ts).
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { EXPORT_FORMATS, isPlanFormat, MAX_IMPORT_BYTES } from '../../shared/plan/index.ts';
import { isPlanLang } from '../../shared/plan/labels.ts';
import { isReportFormat, REPORT_FORMATS, REPORT_LANGS, type ReportLang } from '../../shared/report/index.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import { storeNewBoardState } from '../boards/board-docs.ts';
import type { FailedAuth, KeyedBuckets } from '../http/address-limits.ts';
import { attachment } from '../http/attachment.ts';
import { ApiError } from '../http/errors.ts';
import { rateLimited } from '../http/rate-limited.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { Logger } from '../log/logger.ts';
import { isPlanRefusal, PlanBusy, type PlanPool } from '../plans/plan-pool.ts';
import type { BoardStore } from '../storage/store.ts';
import type { TemplateCatalog } from '../templates/template-catalog.ts';

const importLimit = bodyLimit({
  maxSize: MAX_IMPORT_BYTES,
  onError: () => {
    throw new ApiError(413, `the file is larger than ${MAX_IMPORT_BYTES / (1024 * 1024)} MB, the import limit`);
  },
});

/**
 * A job the pool refused: its queue was full (429) or it ran past the time
 * limit (503). Anything else is rethrown for the ordinary error handler.
 */
export function refusedJob(c: Context, error: unknown): Response {
  if (!isPlanRefusal(error)) throw error;
  const status = error instanceof PlanBusy ? 429 : 503;
  const retryAfter = error instanceof PlanBusy ? error.retryAfterSeconds : 10;
  return c.json({ error: error.message }, status, { 'Retry-After': String(retryAfter) });
}

/**
 * Media types an import accepts. Anything else — above all the three a cross-site
 * HTML form can send (text/plain, urlencoded, multipart) — is refused with 415.
 */
const IMPORT_MEDIA_TYPES = [
  'application/json',
  'text/csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/octet-stream',
];

/** The format a media type names, when the request says no `?format` or `?filename`. */
const FORMAT_OF_MEDIA_TYPE: Record<string, string> = {
  'application/json': 'json',
  'text/csv': 'csv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
};

async function exportBoard(
  c: Context<AccessEnv & AppEnv>,
  store: BoardStore,
  pool: PlanPool,
  log: Logger,
): Promise<Response> {
  const { board } = c.var.access;
  const versionState = async (versionId: string) => {
    const state = await store.versionState(board.id, versionId);
    if (!state) throw new ApiError(404, 'version: no version with this id on this board');
    return state;
  };
  const format = c.req.query('format') ?? 'json';
  if (!isPlanFormat(format)) {
    throw new ApiError(400, `format: expected one of ${EXPORT_FORMATS.join(', ')}`);
  }
  const delimiter = c.req.query('delimiter');
  if (delimiter !== undefined && delimiter !== ';' && delimiter !== ',') {
    throw new ApiError(400, 'delimiter: expected ";" or ","');
  }
  const lang = c.req.query('lang') ?? 'sv';
  if (!isPlanLang(lang)) throw new ApiError(400, 'lang: expected "sv" or "en"');
  // Stored updates are every acknowledged edit: the server stores an update before relaying it.
  const versionId = c.req.query('version');
  const updates = versionId === undefined ? (await store.loadBoard(board.id)).updates : [await versionState(versionId)];
  let result: Awaited<ReturnType<PlanPool['export']>>;
  try {
    result = await pool.export({ updates, boardId: board.id, format, delimiter, lang });
  } catch (error) {
    return refusedJob(c, error);
  }
  if ('unknownTemplate' in result) {
    throw new ApiError(409, `the board's template "${result.unknownTemplate.slice(0, 100)}" is not installed here`);
  }
  log.info({ event: 'board.exported', board: board.id, format, address: c.get('address') }, 'board exported');
  return new Response(result.body as BodyInit, {
    headers: { 'Content-Type': result.contentType, 'Content-Disposition': attachment(result.fileName) },
  });
}

/** The follow-up report of the board's round (default: its current round, else the last). */
async function reportBoard(c: Context<AccessEnv & AppEnv>, store: BoardStore, pool: PlanPool): Promise<Response> {
  const { board } = c.var.access;
  const format = c.req.query('format') ?? 'docx';
  if (!isReportFormat(format)) throw new ApiError(400, `format: expected one of ${REPORT_FORMATS.join(', ')}`);
  const lang = c.req.query('lang') ?? 'sv';
  if (!(REPORT_LANGS as readonly string[]).includes(lang)) throw new ApiError(400, 'lang: expected "sv" or "en"');
  const round = c.req.query('round');
  const { updates } = await store.loadBoard(board.id);
  let result: Awaited<ReturnType<PlanPool['report']>>;
  try {
    result = await pool.report({ updates, boardId: board.id, format, round, lang: lang as ReportLang });
  } catch (error) {
    return refusedJob(c, error);
  }
  if ('unknownRound' in result) throw new ApiError(404, result.unknownRound);
  if ('unknownTemplate' in result) {
    throw new ApiError(409, `the board's template "${result.unknownTemplate.slice(0, 100)}" is not installed here`);
  }
  return new Response(result.body as BodyInit, {
    headers: { 'Content-Type': result.contentType, 'Content-Disposition': attachment(result.fileName) },
  });
}

async function importBoard(
  c: Context<AccessEnv & AppEnv>,
  store: BoardStore,
  pool: PlanPool,
  maxCards: number,
  log: Logger,
  catalog: TemplateCatalog,
): Promise<Response> {
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!IMPORT_MEDIA_TYPES.includes(mediaType)) {
    throw new ApiError(415, `send the file with Content-Type ${IMPORT_MEDIA_TYPES.join(', ')}`);
  }
  const formatOrFileName = c.req.query('format') ?? c.req.query('filename') ?? FORMAT_OF_MEDIA_TYPE[mediaType];
  if (!formatOrFileName) {
    throw new ApiError(
      400,
      'say what the file is: ?format=json|csv|xlsx, ?filename=plan.xlsx, or a Content-Type of the format',
    );
  }
  const templateId = c.req.query('templateId');
  const layout = c.req.query('layout');
  if (layout !== undefined && layout !== 'file') throw new ApiError(400, 'layout: expected "file" (or leave it out)');
  if (layout === 'file' && templateId !== undefined) {
    throw new ApiError(400, 'layout=file lays the board out on the file itself: send no templateId with it');
  }
  const named = templateId === undefined ? undefined : catalog.get(templateId);
  if (templateId !== undefined && !named) {
    throw new ApiError(400, `templateId: unknown template "${templateId.slice(0, 100)}"`);
  }
  const template = layout === 'file' ? 'file' : named;
  const templates = catalog.list().map((entry) => entry.template);
  const bytes = new Uint8Array(await c.req.arrayBuffer());
  if (bytes.byteLength === 0) throw new ApiError(400, 'the file is empty');

  let outcome: Awaited<ReturnType<PlanPool['import']>>;
  try {
    outcome = await pool.import({
      bytes,
      formatOrFileName,
      template,
      templates,
      title: c.req.query('title'),
      maxCards,
    });
  } catch (error) {
    return refusedJob(c, error);
  }
  if (!outcome.ok) {
    log.info(
      { event: 'board.import-refused', code: outcome.code, address: c.get('address') },
      `import refused: ${outcome.code}`,
    );
    const status = outcome.code === 'too-large' || outcome.code === 'too-many-cards' ? 413 : 400;
    return c.json({ error: outcome.message, code: outcome.code, location: outcome.location }, status);
  }
  const { board, cardCount } = await storeNewBoardState(store, outcome.state);
  log.info({ event: 'board.imported', board: board.id, cardCount, address: c.get('address') }, 'board imported');
  return c.json({ ...board, cardCount, notices: outcome.notices }, 201);
}

export interface PlanRouteDeps {
  store: BoardStore;
  plans: PlanPool;
  log: Logger;
  /** Shared with board creation: an import creates a board. */
  creations: KeyedBuckets;
  failedAuth: FailedAuth;
  /** The live rooms' card limit (server/sync/limits.ts), which imports hold too. */
  maxCardsPerBoard: number;
  catalog: TemplateCatalog;
}

export function planRoutes(deps: PlanRouteDeps): Hono<AccessEnv & AppEnv> {
  const { store, plans, log, creations, failedAuth, maxCardsPerBoard, catalog } = deps;
  const app = new Hono<AccessEnv & AppEnv>();
  // Viewers may export: a read-only link is for reading the plan, in any format.
  app.get('/boards/:id/export', boardAccess(store, 'viewer', failedAuth), (c) => exportBoard(c, store, plans, log));
  app.get('/boards/:id/report', boardAccess(store, 'viewer', failedAuth), (c) => reportBoard(c, store, plans));
  app.post('/boards/import', rateLimited(creations, 'boards created'), importLimit, (c) =>
    importBoard(c, store, plans, maxCardsPerBoard, log, catalog),
  );
  return app;
}
