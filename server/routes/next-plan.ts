/**
 * "Ny plan från den här" (README "Follow-up rounds"):
 *   POST /api/boards/:id/next-plan  { title?, round?, cardIds? }  facilitator → 201 the new board, with its tokens
 * The new board is built in the plan worker pool (plans/next-plan-task.ts) from the source board's
 * stored plan, by the import's own writer, so it holds exactly what an export and re-import would.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { BOARD_TITLE_MAX } from '../../shared/api.ts';
import { ID_MAX } from '../../shared/card-schema.ts';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import { storeNewBoardState } from '../boards/board-docs.ts';
import type { FailedAuth, KeyedBuckets } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import { rateLimited } from '../http/rate-limited.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { Logger } from '../log/logger.ts';
import { isPlanRefusal, PlanBusy, type PlanPool } from '../plans/plan-pool.ts';
import type { BoardStore } from '../storage/store.ts';

const NextPlanBody = z.object({
  title: z.string().trim().min(1).max(BOARD_TITLE_MAX).optional(),
  round: z.string().min(1).max(ROUND_LABEL_MAX).optional(),
  cardIds: z.array(z.string().max(ID_MAX)).max(10_000).optional(),
});

export function nextPlanRoutes(deps: {
  store: BoardStore;
  plans: PlanPool;
  creations: KeyedBuckets;
  failedAuth: FailedAuth;
  log: Logger;
}): Hono<AccessEnv & AppEnv> {
  const { store, plans, creations, failedAuth, log } = deps;
  const app = new Hono<AccessEnv & AppEnv>();
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  app.post('/boards/:id/next-plan', facilitator, rateLimited(creations, 'boards created'), jsonLimit, async (c) => {
    const body = await readJsonBody(c, NextPlanBody);
    const source = c.var.access.board;
    // Stored updates are every acknowledged edit: the server stores an update before relaying it.
    const { updates } = await store.loadBoard(source.id);
    let outcome: Awaited<ReturnType<PlanPool['nextPlan']>>;
    try {
      outcome = await plans.nextPlan({ updates, boardId: source.id, ...body });
    } catch (error) {
      if (!isPlanRefusal(error)) throw error;
      throw new ApiError(error instanceof PlanBusy ? 429 : 503, `${error.message}; try again shortly`);
    }
    if (!outcome.ok) throw new ApiError(outcome.status, outcome.message);
    const { board, cardCount } = await storeNewBoardState(store, outcome.state);
    log.info({ event: 'board.next-plan', board: board.id, source: source.id, cardCount }, 'next plan created');
    return c.json({ ...board, cardCount }, 201);
  });
  return app;
}
