/**
 * The regional roll-up (README "Regional roll-up"):
 *   POST /api/rollups  { boards: [{ id, token }], round? }  → the roll-up as JSON
 * Each board is opened with its own share link's token (a viewer's is enough),
 * so a roll-up shows nobody a board they could not open themselves. The plans
 * are read in the plan worker pool, one board after another.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import { defaultRollupRound, rollUp, unmatchedPlans } from '../../shared/plan/rollup.ts';
import type { PlanData } from '../../shared/plan/schema.ts';
import { isRefusal, REFUSED, resolveAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import { isPlanRefusal, type PlanPool } from '../plans/plan-pool.ts';
import type { BoardStore } from '../storage/store.ts';

/** Boards one roll-up combines: a county's municipalities and region, with room to spare. */
export const ROLLUP_BOARDS_MAX = 30;

const RollupBody = z.object({
  boards: z
    .array(z.object({ id: z.string().max(64), token: z.string().max(200) }))
    .min(1, 'name at least one board')
    .max(ROLLUP_BOARDS_MAX, `a roll-up combines at most ${ROLLUP_BOARDS_MAX} boards`),
  round: z.string().min(1).max(ROUND_LABEL_MAX).optional(),
});

export function rollupRoutes(deps: { store: BoardStore; plans: PlanPool; failedAuth: FailedAuth }): Hono<AppEnv> {
  const { store, plans, failedAuth } = deps;
  const app = new Hono<AppEnv>();

  app.post('/rollups', jsonLimit, async (c) => {
    const address = c.get('address');
    if (failedAuth.blocked(address) > 0) throw new ApiError(429, 'too many wrong tokens from this address');
    const body = await readJsonBody(c, RollupBody);
    const read: PlanData[] = [];
    for (const [at, named] of body.boards.entries()) {
      const access = await resolveAccess(store, named.id, named.token);
      if (access === REFUSED.badToken) failedAuth.note(address);
      if (isRefusal(access))
        throw new ApiError(access.status, `boards[${at}] (${named.id.slice(0, 64)}): ${access.error}`);
      const { updates } = await store.loadBoard(access.board.id);
      let outcome: Awaited<ReturnType<PlanPool['export']>>;
      try {
        outcome = await plans.export({ updates, boardId: access.board.id, format: 'json' });
      } catch (error) {
        if (isPlanRefusal(error)) throw new ApiError(503, `boards[${at}]: ${error.message}; try again shortly`);
        throw error;
      }
      if ('unknownTemplate' in outcome) throw new ApiError(409, `boards[${at}]: its template is not installed here`);
      read.push(JSON.parse(String(outcome.body)) as PlanData);
    }
    const unmatched = unmatchedPlans(read);
    if (unmatched.length > 0) {
      const names = unmatched.map((at) => `boards[${at}] "${read[at]?.board.title ?? ''}"`).join(', ');
      throw new ApiError(
        422,
        `${names} share no focus area or goal with "${read[0]?.board.title ?? ''}": boards are combined by their goals, so they need the same template (or a copy of it)`,
      );
    }
    const round = body.round ?? defaultRollupRound(read) ?? '';
    return c.json(rollUp(read, round));
  });
  return app;
}
