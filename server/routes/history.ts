/**
 * History routes (README "History"): versions of a board, restoring one, and
 * the trash of deleted cards. Versions are read by anyone with a link; saving
 * and restoring one is the facilitator's; the trash is for those who edit.
 */
import { Hono } from 'hono';
import { SaveVersionBody } from '../../shared/api.ts';
import type { Card } from '../../shared/card-schema.ts';
import { mayEdit } from '../../shared/roles.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

export function historyRoutes(
  store: BoardStore,
  rooms: RoomRegistry,
  failedAuth: FailedAuth,
  log: Logger,
): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  const anyRole = boardAccess(store, 'viewer', failedAuth);
  const editor = boardAccess(store, 'participant', failedAuth);
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  const versionOf = async (boardId: string, versionId: string) => {
    const version = (await store.listVersions(boardId)).find((v) => v.id === versionId);
    if (!version) throw new ApiError(404, 'no version with this id on this board');
    return version;
  };

  app.get('/boards/:id/versions', anyRole, async (c) => c.json(await store.listVersions(c.var.access.board.id)));

  app.post('/boards/:id/versions', facilitator, jsonLimit, async (c) => {
    const { name } = await readJsonBody(c, SaveVersionBody);
    const boardId = c.var.access.board.id;
    const version = await rooms.withRoom(boardId, (room) => room.history.saveVersion({ name, auto: false }));
    return c.json(version, 201);
  });

  app.get('/boards/:id/versions/:vid/state', anyRole, async (c) => {
    const state = await store.versionState(c.var.access.board.id, c.req.param('vid'));
    if (!state) throw new ApiError(404, 'no version with this id on this board');
    return new Response(state as BodyInit, { headers: { 'Content-Type': 'application/octet-stream' } });
  });

  app.post('/boards/:id/versions/:vid/restore', facilitator, async (c) => {
    const boardId = c.var.access.board.id;
    const restored = await versionOf(boardId, c.req.param('vid'));
    const state = await store.versionState(boardId, restored.id);
    if (!state) throw new ApiError(404, 'no version with this id on this board');
    const label = restored.name || restored.createdAt;
    const backup = await rooms.withRoom(boardId, (room) =>
      room.edits.restoreVersion({ versionId: restored.id, state }, `Före återställning till ${label}`.slice(0, 100)),
    );
    log.info(
      { event: 'board.restored', board: boardId, version: restored.id, backup: backup.id, address: c.get('address') },
      'board restored to a version',
    );
    return c.json({ restored, backup });
  });

  app.get('/boards/:id/deleted-cards', editor, async (c) => {
    const boardId = c.var.access.board.id;
    const listed = await store.listDeletedCards(boardId);
    // A deletion someone undid leaves its entry: cards back on the board are not in the trash.
    const back = new Set(await rooms.withRoom(boardId, (room) => room.liveCards(listed.map((d) => d.cardId))));
    const deleted = listed.filter((d) => !back.has(d.cardId));
    return c.json(
      deleted.map(({ cardId, deletedAt, deletedBy, card }) => ({
        cardId,
        title: (card as Card).title,
        goalId: (card as Card).goalId,
        deletedAt,
        deletedBy,
      })),
    );
  });

  app.post('/boards/:id/deleted-cards/:cardId/restore', editor, async (c) => {
    const { board, role } = c.var.access;
    if (!mayEdit(role, board.locked)) throw new ApiError(403, 'the board is locked by its facilitator');
    const cardId = c.req.param('cardId');
    const entry = (await store.listDeletedCards(board.id)).find((d) => d.cardId === cardId);
    if (!entry) throw new ApiError(404, 'no deleted card with this id on this board');
    await rooms.withRoom(board.id, async (room) => {
      // A workshop phase that locks the board or takes votes only holds for this trusted edit too.
      if (role === 'participant' && room.phaseRestriction() !== 'none')
        throw new ApiError(403, 'the current workshop phase does not allow restoring cards');
      if ((await room.liveCards([cardId])).length > 0) throw new ApiError(409, 'this card is on the board already');
      await room.edits.restoreCard(entry.card as Card);
    });
    await store.forgetDeletedCard(board.id, cardId);
    return c.json({ cardId });
  });

  return app;
}
