/**
 * "Ny plan från den här" (README "Follow-up rounds"):
 *   POST /api/boards/:id/next-plan  { title?, round?, cardIds? }  facilitator → 201 the new board, with its tokens
 * The new board is built from the source board's stored plan (every acknowledged edit) by the
 * same path as an import, so it holds exactly what an export and re-import would.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { BOARD_TITLE_MAX } from '../../shared/api.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { ID_MAX } from '../../shared/card-schema.ts';
import { nextPeriod, nextPlanData } from '../../shared/follow-up/next-plan.ts';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import { docToPlan, planToDoc } from '../../shared/plan/index.ts';
import { type AccessEnv, boardAccess } from '../auth/board-access.ts';
import { loadBoardDoc, storeNewBoard } from '../boards/board-docs.ts';
import type { FailedAuth, KeyedBuckets } from '../http/address-limits.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import { rateLimited } from '../http/rate-limited.ts';
import type { AppEnv } from '../http/request-context.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';

const NextPlanBody = z.object({
  title: z.string().trim().min(1).max(BOARD_TITLE_MAX).optional(),
  round: z.string().min(1).max(ROUND_LABEL_MAX).optional(),
  cardIds: z.array(z.string().max(ID_MAX)).max(10_000).optional(),
});

export function nextPlanRoutes(deps: {
  store: BoardStore;
  creations: KeyedBuckets;
  failedAuth: FailedAuth;
  log: Logger;
}): Hono<AccessEnv & AppEnv> {
  const { store, creations, failedAuth, log } = deps;
  const app = new Hono<AccessEnv & AppEnv>();
  const facilitator = boardAccess(store, 'facilitator', failedAuth);

  app.post('/boards/:id/next-plan', facilitator, rateLimited(creations, 'boards created'), jsonLimit, async (c) => {
    const body = await readJsonBody(c, NextPlanBody);
    const source = c.var.access.board;
    const doc = await loadBoardDoc(store, source.id);
    let next: ReturnType<typeof planToDoc>;
    try {
      const template = readBoardTemplate(doc);
      if (!template) throw new ApiError(409, "the board's template is not installed here");
      const plan = docToPlan(doc, template, { boardId: source.id });
      if (body.round && !plan.rounds.some((round) => round.label === body.round)) {
        throw new ApiError(404, `the board has no round "${body.round}"`);
      }
      const period = nextPeriod(plan.board.planPeriod);
      const years =
        period.from.slice(0, 4) === period.to.slice(0, 4)
          ? period.from.slice(0, 4)
          : `${period.from.slice(0, 4)}–${period.to.slice(0, 4)}`;
      const title = body.title ?? `${plan.board.title} ${years}`.slice(0, BOARD_TITLE_MAX);
      next = planToDoc(nextPlanData(plan, { title, round: body.round, cardIds: body.cardIds }), template, { title });
    } finally {
      doc.destroy();
    }
    try {
      const board = await storeNewBoard(store, next);
      const cardCount = next.getMap('cards').size;
      log.info({ event: 'board.next-plan', board: board.id, source: source.id, cardCount }, 'next plan created');
      return c.json({ ...board, cardCount }, 201);
    } finally {
      next.destroy();
    }
  });
  return app;
}
