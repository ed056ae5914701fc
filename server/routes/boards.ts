/** Board routes: create a board from a template, read a board's info (with its expiry when boards expire). */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type BoardInfo, CreateBoardBody } from '../../shared/api.ts';
import { BOARD_ID_PATTERN } from '../../shared/ids.ts';
import { MAX_JSON_BODY_BYTES } from '../../shared/limits.ts';
import { getTemplate, listTemplates } from '../../shared/template.ts';
import { createEmptyBoard } from '../boards/board-docs.ts';
import type { BoardExpiry } from '../boards/board-expiry.ts';
import type { KeyedBuckets } from '../http/address-limits.ts';
import { ApiError, readJsonBody } from '../http/errors.ts';
import { rateLimited } from '../http/rate-limited.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, `the body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
  },
});

/** The stored info of a board, or a 404 ApiError. Ids of the wrong shape never reach storage. */
export async function requireBoard(store: BoardStore, id: string): Promise<BoardInfo> {
  const board = BOARD_ID_PATTERN.test(id) ? await store.getBoard(id) : undefined;
  if (!board) throw new ApiError(404, 'no board with this id');
  return board;
}

export interface BoardRouteDeps {
  store: BoardStore;
  log: Logger;
  /** Board creation and plan import share this per-address budget. */
  creations: KeyedBuckets;
  expiry: BoardExpiry;
}

export function boardRoutes({ store, log, creations, expiry }: BoardRouteDeps): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/templates', (c) =>
    c.json(listTemplates().map((t) => ({ id: t.id, version: t.version, title: t.title, shortTitle: t.shortTitle }))),
  );

  app.post('/boards', rateLimited(creations, 'boards created'), jsonLimit, async (c) => {
    const body = await readJsonBody(c, CreateBoardBody);
    const template = getTemplate(body.templateId);
    if (!template) throw new ApiError(400, `templateId: unknown template "${body.templateId.slice(0, 100)}"`);
    const board = await createEmptyBoard(store, body.title, template);
    log.info(
      { event: 'board.created', board: board.id, templateId: board.templateId, address: c.get('address') },
      'board created',
    );
    return c.json(board, 201);
  });

  // The page reads this when it opens a board: that counts as use, so expiresAt is counted from now.
  app.get('/boards/:id', async (c) => {
    const board = await requireBoard(store, c.req.param('id'));
    await expiry.touch(board.id);
    const expiresAt = await expiry.expiresAt(board.id);
    return c.json(expiresAt ? { ...board, expiresAt } : board);
  });

  return app;
}
