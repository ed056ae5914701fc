/**
 * The regional roll-up (README "Regional roll-up"):
 *   POST /api/rollups[?format=json|xlsx|docx][&lang=sv|en]  { boards: [{ id, token }], round? }  → the roll-up
 * Each board is opened with its own share link's token (a viewer's is enough),
 * so a roll-up shows nobody a board they could not open themselves. Every token
 * is checked before any plan is read, so a wrong one costs no exports; the plans
 * are mapped in the plan worker pool, one board after another, and added up here;
 * the Word document (charts rendered as PNGs) is written in the pool as well.
 */
import { Hono } from 'hono';
import * as z from 'zod';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import { defaultRollupRound, rollUp, unmatchedPlans } from '../../shared/plan/rollup.ts';
import type { PlanData } from '../../shared/plan/schema.ts';
import { xmlSafePlan } from '../../shared/plan/xml-safe.ts';
import { REPORT_LANGS, type ReportLang } from '../../shared/report/labels.ts';
import { writeRollupXlsx } from '../../shared/report/write-rollup-xlsx.ts';
import { isRefusal, REFUSED, resolveAccess } from '../auth/board-access.ts';
import type { FailedAuth } from '../http/address-limits.ts';
import { attachment } from '../http/attachment.ts';
import { ApiError, jsonLimit, readJsonBody } from '../http/errors.ts';
import type { AppEnv } from '../http/request-context.ts';
import { isPlanRefusal, type PlanPool } from '../plans/plan-pool.ts';
import type { BoardStore } from '../storage/store.ts';
import { refusedJob } from './plans.ts';

/** Boards one roll-up combines: a county's municipalities and region, with room to spare. */
export const ROLLUP_BOARDS_MAX = 30;

const ROLLUP_FORMATS = ['json', 'xlsx', 'docx'] as const;
const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

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
    const wait = failedAuth.blocked(address);
    if (wait > 0) {
      return c.json({ error: `too many wrong tokens from this address; try again in ${wait} s` }, 429, {
        'Retry-After': String(wait),
      });
    }
    const format = c.req.query('format') ?? 'json';
    if (!(ROLLUP_FORMATS as readonly string[]).includes(format))
      throw new ApiError(400, `format: expected one of ${ROLLUP_FORMATS.join(', ')}`);
    const lang = c.req.query('lang') ?? 'sv';
    if (!(REPORT_LANGS as readonly string[]).includes(lang)) throw new ApiError(400, 'lang: expected "sv" or "en"');
    const body = await readJsonBody(c, RollupBody);
    const ids = body.boards.map((named) => named.id);
    const twice = ids.findIndex((id, at) => ids.indexOf(id) !== at);
    if (twice >= 0) throw new ApiError(400, `boards[${twice}]: the board is named twice`);
    const boardIds: string[] = [];
    for (const [at, named] of body.boards.entries()) {
      const access = await resolveAccess(store, named.id, named.token);
      if (access === REFUSED.badToken) failedAuth.note(address);
      if (isRefusal(access))
        throw new ApiError(access.status, `boards[${at}] (${named.id.slice(0, 64)}): ${access.error}`);
      boardIds.push(access.board.id);
    }
    const read: PlanData[] = [];
    for (const [at, boardId] of boardIds.entries()) {
      const { updates } = await store.loadBoard(boardId);
      let outcome: Awaited<ReturnType<PlanPool['export']>>;
      try {
        outcome = await plans.export({ updates, boardId, format: 'json' });
      } catch (error) {
        if (isPlanRefusal(error)) throw new ApiError(503, `boards[${at}]: ${error.message}; try again shortly`);
        throw error;
      }
      if ('unknownTemplate' in outcome) throw new ApiError(409, `boards[${at}]: its template is not installed here`);
      const plan = JSON.parse(String(outcome.body)) as PlanData;
      // Word and Excel cannot hold every character a board can (shared/plan/xml-safe.ts).
      read.push(format === 'json' ? plan : xmlSafePlan(plan));
    }
    const unmatched = unmatchedPlans(read);
    if (unmatched.length > 0) {
      const names = unmatched.map((at) => `boards[${at}] "${read[at]?.board.title ?? ''}"`).join(', ');
      throw new ApiError(
        422,
        `${names} share no focus area or goal with "${read[0]?.board.title ?? ''}": boards are combined by their goals, so they need the same template (or a copy of it)`,
      );
    }
    const rollup = rollUp(read, body.round ?? defaultRollupRound(read) ?? '');
    if (format === 'json') return c.json(rollup);
    const fileName = `regional-sammanstallning-${new Date().toISOString().slice(0, 10)}.${format}`;
    let file: Uint8Array;
    if (format === 'xlsx') file = await writeRollupXlsx(rollup, lang as ReportLang);
    else {
      try {
        file = await plans.rollupDocx({ rollup, lang: lang as ReportLang });
      } catch (error) {
        return refusedJob(c, error);
      }
    }
    return new Response(file as BodyInit, {
      headers: { 'Content-Type': CONTENT_TYPE[format as 'xlsx' | 'docx'], 'Content-Disposition': attachment(fileName) },
    });
  });
  return app;
}
