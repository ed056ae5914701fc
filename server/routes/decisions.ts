/**
 * The facilitator's decisions (README "Decisions"): POST /api/boards/:id/decisions marks a
 * card agreed or not with a note, as one server edit through the board's live room, so it is
 * stored before the answer and everyone connected sees it at once.
 */
import { Hono } from 'hono';
import { DecisionBody } from '../../shared/decisions/decision-api.ts';
import { DECISION_BY_MAX } from '../../shared/decisions/decisions.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { BoardStore } from '../storage/store.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';

export function decisionRoutes(
  store: BoardStore,
  rooms: RoomRegistry,
  failedAuth: FailedAuth,
): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  app.post('/boards/:id/decisions', facilitator, jsonLimit, async (c) => {
    const body = await readJsonBody(c, DecisionBody);
    const edit = {
      cardId: body.cardId,
      agreed: body.agreed,
      note: body.note.trim(),
      by: body.by?.trim().slice(0, DECISION_BY_MAX).trim() || 'facilitator',
    };
    const result = await rooms.withRoom(c.var.access.board.id, (room) => room.edits.editDecision(edit));
    if ('refused' in result) {
      if (result.refused.kind === 'unknown') throw new ApiError(404, result.refused.message);
      return c.json({ error: result.refused.message, missing: result.refused.missing }, 422);
    }
    const { note, by, at } = result.entry;
    return c.json({ entry: result.entry, decision: { note, by, at } });
  });

  return app;
}
