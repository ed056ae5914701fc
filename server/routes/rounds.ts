/**
 * Follow-up round routes (README "Follow-up rounds"): the facilitator starts a
 * round (POST) or switches which one the board fills in (PUT …/current). Both
 * are server edits through the board's live room, so everyone connected sees
 * them at once and they are stored before the answer.
 */
import { Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { type RoundsAnswer, SetCurrentRoundBody, StartRoundBody } from '../../shared/api.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { BoardStore } from '../storage/store.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { RoundEditResult } from '../sync/round-edit.ts';

const REFUSAL_STATUS: Record<Extract<RoundEditResult, { refused: unknown }>['refused']['kind'], ContentfulStatusCode> =
  {
    invalid: 400,
    exists: 409,
    full: 422,
    unknown: 404,
    'too-large': 413,
  };

type EditAnswer = RoundsAnswer | Extract<RoundEditResult, { refused: unknown }>;

function answer(result: EditAnswer): RoundsAnswer {
  if ('refused' in result) throw new ApiError(REFUSAL_STATUS[result.refused.kind], result.refused.message);
  return result;
}

export function roundRoutes(store: BoardStore, rooms: RoomRegistry, failedAuth: FailedAuth): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  app.post('/boards/:id/rounds', facilitator, jsonLimit, async (c) => {
    const body = await readJsonBody(c, StartRoundBody);
    const round = {
      label: body.label,
      date: body.date ?? null,
      startedAt: new Date().toISOString(),
      startedBy: body.by?.trim() || 'facilitator',
    };
    const result = await rooms.withRoom(c.var.access.board.id, (room) => room.edits.editRounds({ op: 'start', round }));
    return c.json(answer(result), 201);
  });

  app.put('/boards/:id/rounds/current', facilitator, jsonLimit, async (c) => {
    const { label } = await readJsonBody(c, SetCurrentRoundBody);
    const result = await rooms.withRoom(c.var.access.board.id, (room) =>
      room.edits.editRounds({ op: 'set-current', label }),
    );
    return c.json(answer(result));
  });

  return app;
}
