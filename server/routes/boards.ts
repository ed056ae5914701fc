/**
 * Board routes: create a board from a template; read, rename, lock, delete a
 * board and rotate its links. The role each needs is in README ("HTTP API").
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { type BoardView, CreateBoardBody, PatchBoardBody } from '../../shared/api.ts';
import { MAX_JSON_BODY_BYTES } from '../../shared/limits.ts';
import { isRole } from '../../shared/roles.ts';
import { getTemplate, listTemplates } from '../../shared/template.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { createEmptyBoard } from '../boards/board-docs.ts';
import { ApiError, readJsonBody } from '../http/errors.ts';
import type { BoardStore } from '../storage/store.ts';
import { CLOSE_BOARD_DELETED, CLOSE_TOKEN_REVOKED } from '../sync/limits.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

const jsonLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new ApiError(413, `the body is larger than ${MAX_JSON_BODY_BYTES} bytes`);
  },
});

export function boardRoutes(store: BoardStore, rooms: RoomRegistry): Hono<AccessEnv> {
  const app = new Hono<AccessEnv>();
  const anyRole = boardAccess(store, 'viewer');
  const facilitator = boardAccess(store, 'facilitator');

  app.get('/templates', (c) =>
    c.json(listTemplates().map((t) => ({ id: t.id, version: t.version, title: t.title, shortTitle: t.shortTitle }))),
  );

  app.post('/boards', jsonLimit, async (c) => {
    const body = await readJsonBody(c, CreateBoardBody);
    const template = getTemplate(body.templateId);
    if (!template) throw new ApiError(400, `templateId: unknown template "${body.templateId.slice(0, 100)}"`);
    return c.json(await createEmptyBoard(store, body.title, template), 201);
  });

  app.get('/boards/:id', anyRole, (c) => {
    const { board, role } = c.var.access;
    return c.json({ ...board, role } satisfies BoardView);
  });

  // Title and lock live in storage (what the server enforces) and in the document's meta (what
  // every open page shows, live); the document gets them through an update of the server's own.
  app.patch('/boards/:id', facilitator, jsonLimit, async (c) => {
    const patch = await readJsonBody(c, PatchBoardBody);
    const { board } = c.var.access;
    if (patch.locked !== undefined) await rooms.setLocked(board.id, patch.locked);
    await store.updateBoard(board.id, patch);
    const entries = Object.entries(patch).filter(([, value]) => value !== undefined) as [string, string | boolean][];
    if (entries.length > 0) await rooms.withRoom(board.id, (room) => room.edits.setMeta(entries));
    const updated = { ...board, ...patch };
    return c.json({ ...updated, role: 'facilitator' } satisfies BoardView);
  });

  app.post('/boards/:id/tokens/:role/rotate', facilitator, async (c) => {
    const role = c.req.param('role');
    if (!isRole(role)) throw new ApiError(404, 'no such role: expected facilitator, participant or viewer');
    const { board } = c.var.access;
    const token = newToken();
    await store.setTokenHash(board.id, role, hashToken(token));
    await rooms.closeRoles(board.id, [role], CLOSE_TOKEN_REVOKED, 'this link is no longer valid');
    return c.json({ role, token });
  });

  app.delete('/boards/:id', facilitator, async (c) => {
    const { board } = c.var.access;
    await rooms.deleteBoard(board.id, CLOSE_BOARD_DELETED, () => store.deleteBoard(board.id));
    return c.body(null, 204);
  });

  return app;
}
