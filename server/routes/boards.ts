/** Board routes: create a board from a template, read a board's info. */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type BoardInfo, CreateBoardBody } from '../../shared/api.ts';
import { BOARD_ID_PATTERN } from '../../shared/ids.ts';
import { MAX_JSON_BODY_BYTES } from '../../shared/limits.ts';
import { getTemplate, listTemplates } from '../../shared/template.ts';
import { createEmptyBoard } from '../boards/board-docs.ts';
import { ApiError, readJsonBody } from '../http/errors.ts';
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

export function boardRoutes(store: BoardStore): Hono {
  const app = new Hono();

  app.get('/templates', (c) =>
    c.json(listTemplates().map((t) => ({ id: t.id, version: t.version, title: t.title, shortTitle: t.shortTitle }))),
  );

  app.post('/boards', jsonLimit, async (c) => {
    const body = await readJsonBody(c, CreateBoardBody);
    const template = getTemplate(body.templateId);
    if (!template) throw new ApiError(400, `templateId: unknown template "${body.templateId.slice(0, 100)}"`);
    return c.json(await createEmptyBoard(store, body.title, template), 201);
  });

  app.get('/boards/:id', async (c) => c.json(await requireBoard(store, c.req.param('id'))));

  return app;
}
