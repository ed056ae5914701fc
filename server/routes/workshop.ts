/**
 * The workshop routes (README "Running the workshop"): the facilitator's timer
 * and agenda, written as server edits through the board's live room so
 * everyone connected sees them at once; and the server's clock, which every
 * page uses to count down to the same moment.
 */
import { Hono } from 'hono';
import { type Phase, phasesProblem } from '../../shared/workshop/agenda.ts';
import { DraftingBody, type DraftingRound } from '../../shared/workshop/drafting.ts';
import { type Summon, SummonBody } from '../../shared/workshop/summon.ts';
import type { TimerAction } from '../../shared/workshop/timer.ts';
import { AgendaBody, CurrentPhaseBody, TimerBody, type WorkshopAnswer } from '../../shared/workshop/workshop-api.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { BoardStore } from '../storage/store.ts';
import type { RoomRegistry } from '../sync/room-registry.ts';
import type { WorkshopEdit } from '../sync/workshop-edit.ts';

/** A drafting edit's answer also carries the round (README "Running the workshop"). */
type DraftingAnswer = { drafting?: DraftingRound | null };

const REFUSAL_STATUS = { conflict: 409, unknown: 404 } as const;

export function workshopRoutes(
  store: BoardStore,
  rooms: RoomRegistry,
  failedAuth: FailedAuth,
): Hono<AccessEnv & AppEnv> {
  const app = new Hono<AccessEnv & AppEnv>();
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  // No token: the time is no secret, and a page asks before it knows anything else.
  app.get('/time', (c) => {
    c.header('Cache-Control', 'no-store');
    return c.json({ now: Date.now() });
  });

  const edit = async (boardId: string, change: WorkshopEdit): Promise<WorkshopAnswer & DraftingAnswer> => {
    const result = await rooms.withRoom(boardId, async (room) => {
      const done = await room.edits.editWorkshop(change);
      room.phaseChanged();
      return done;
    });
    if ('refused' in result) throw new ApiError(REFUSAL_STATUS[result.refused.kind], result.refused.message);
    return result;
  };

  app.post('/boards/:id/timer', facilitator, jsonLimit, async (c) => {
    const body = await readJsonBody(c, TimerBody);
    const { by, ...action } = body as TimerBody & { by?: string };
    const change: WorkshopEdit = { op: 'timer', action: action as TimerAction, by: by?.trim() || 'facilitator' };
    return c.json(await edit(c.var.access.board.id, change));
  });

  app.put('/boards/:id/agenda', facilitator, jsonLimit, async (c) => {
    const { phases } = await readJsonBody(c, AgendaBody);
    const problem = phasesProblem(phases);
    if (problem) throw new ApiError(400, problem);
    return c.json(await edit(c.var.access.board.id, { op: 'phases', phases: phases as Phase[] }));
  });

  app.post('/boards/:id/agenda/current', facilitator, jsonLimit, async (c) => {
    const { phaseId } = await readJsonBody(c, CurrentPhaseBody);
    return c.json(await edit(c.var.access.board.id, { op: 'current', phaseId }));
  });

  // Everyone's canvas view to the facilitator's, once (README "Following and summoning").
  app.post('/boards/:id/summon', facilitator, jsonLimit, async (c) => {
    const { bounds, by, follow } = await readJsonBody(c, SummonBody);
    const summon: Summon = { id: crypto.randomUUID(), by: by?.trim() || 'facilitator', at: Date.now(), bounds };
    if (follow) summon.follow = follow;
    await edit(c.var.access.board.id, { op: 'summon', summon });
    return c.json({ summon });
  });

  // Private drafting (README "Running the workshop"): only the round; the drafts stay in each browser.
  app.post('/boards/:id/drafting', facilitator, jsonLimit, async (c) => {
    const { action, by } = await readJsonBody(c, DraftingBody);
    const roundId = crypto.randomUUID();
    const change: WorkshopEdit = { op: 'drafting', action, by: by?.trim() || 'facilitator', roundId };
    const { drafting = null, now } = await edit(c.var.access.board.id, change);
    return c.json({ drafting, now });
  });

  return app;
}
