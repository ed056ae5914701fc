/**
 * Board routes: create a board from a template; read, rename, lock, delete a
 * board and rotate its links. The role each needs is in README ("HTTP API").
 * Creation is limited per address; reading a board counts as its use (expiry).
 */
import { Hono } from 'hono';
import { type BoardView, CreateBoardBody, PatchBoardBody } from '../../shared/api.ts';
import { isRole } from '../../shared/roles.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import { createEmptyBoard } from '../boards/board-docs.ts';
import type { BoardExpiry } from '../boards/board-expiry.ts';
import type { FailedAuth, KeyedBuckets } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody, templateJsonLimit } from '../http/errors.ts';
import { rateLimited } from '../http/rate-limited.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import { CLOSE_BOARD_DELETED, CLOSE_TOKEN_REVOKED } from '../sync/limits.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import { ownTemplateId, templateFromBody } from '../templates/template-body.ts';
import type { TemplateCatalog } from '../templates/template-catalog.ts';

export interface BoardRouteDeps {
  store: BoardStore;
  rooms: RoomRegistry;
  log: Logger;
  /** Board creation and plan import share this per-address budget. */
  creations: KeyedBuckets;
  failedAuth: FailedAuth;
  expiry: BoardExpiry;
  catalog: TemplateCatalog;
}

export function boardRoutes({
  store,
  rooms,
  log,
  creations,
  failedAuth,
  expiry,
  catalog,
}: BoardRouteDeps): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  const anyRole = boardAccess(store, 'viewer', failedAuth);
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  // A board from a template this server offers, or from a whole template (a facilitator's own
  // design, an uploaded file): either way the board keeps its own copy (meta.template).
  app.post('/boards', rateLimited(creations, 'boards created'), templateJsonLimit, async (c) => {
    const body = await readJsonBody(c, CreateBoardBody);
    if ((body.templateId === undefined) === (body.template === undefined)) {
      throw new ApiError(
        400,
        'send either templateId (a template of GET /api/templates) or template (a whole template)',
      );
    }
    const offered = (id: string) => catalog.get(id);
    const template =
      body.templateId !== undefined
        ? catalog.get(body.templateId)
        : ownTemplateId(templateFromBody(body.template, 'template'), offered);
    if (!template) throw new ApiError(400, `templateId: unknown template "${String(body.templateId).slice(0, 100)}"`);
    const board = await createEmptyBoard(store, body.title, template);
    log.info(
      { event: 'board.created', board: board.id, templateId: board.templateId, address: c.get('address') },
      'board created',
    );
    return c.json(board, 201);
  });

  // The page reads this when it opens a board: that counts as use, so expiresAt is counted from now.
  app.get('/boards/:id', anyRole, async (c) => {
    const { board, role } = c.var.access;
    await expiry.touch(board.id);
    const expiresAt = await expiry.expiresAt(board.id);
    return c.json({ ...board, role, ...(expiresAt ? { expiresAt } : {}) } satisfies BoardView);
  });

  // Title and lock live in storage (what the server enforces) and in the document's meta (what
  // every open page shows, live); the document gets them through an update of the server's own.
  app.patch('/boards/:id', facilitator, jsonLimit, async (c) => {
    const patch = await readJsonBody(c, PatchBoardBody);
    const { board } = c.var.access;
    // Storage first: if it refuses, the open room has not changed either.
    await store.updateBoard(board.id, patch);
    if (patch.locked !== undefined) await rooms.setLocked(board.id, patch.locked);
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
    log.info({ event: 'board.deleted', board: board.id, address: c.get('address') }, 'board deleted');
    return c.body(null, 204);
  });

  return app;
}
