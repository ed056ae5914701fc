/**
 * "Ny plan från den här" as a plan worker job: the source board's stored updates
 * → the state of the new board (README "Follow-up, the next plan and the regional
 * roll-up"). Mapping and rebuilding a 5,000-card board takes long enough that it
 * must not run beside the live rooms on the main thread.
 */
import * as Y from 'yjs';
import { BOARD_TITLE_MAX } from '../../shared/api.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { nextPeriod, nextPlanData } from '../../shared/follow-up/next-plan.ts';
import { docToPlan, planToDoc } from '../../shared/plan/index.ts';

export interface NextPlanTask {
  kind: 'next-plan';
  updates: Uint8Array[];
  boardId: string;
  title?: string;
  round?: string;
  cardIds?: string[];
}

export type NextPlanOutcome = { ok: true; state: Uint8Array } | { ok: false; status: 404 | 409; message: string };

/** "2026" or "2027–2029": the years of a period, for the new board's default title. */
const years = ({ from, to }: { from: string; to: string }) =>
  from.slice(0, 4) === to.slice(0, 4) ? from.slice(0, 4) : `${from.slice(0, 4)}–${to.slice(0, 4)}`;

export function buildNextPlan(task: NextPlanTask, doc: Y.Doc): NextPlanOutcome {
  const template = readBoardTemplate(doc);
  if (!template) return { ok: false, status: 409, message: "the board's template is not installed here" };
  const plan = docToPlan(doc, template, { boardId: task.boardId });
  if (task.round && !plan.rounds.some((round) => round.label === task.round)) {
    return { ok: false, status: 404, message: `the board has no round "${task.round}"` };
  }
  const title =
    task.title ?? `${plan.board.title} ${years(nextPeriod(plan.board.planPeriod))}`.slice(0, BOARD_TITLE_MAX);
  const next = planToDoc(nextPlanData(plan, { title, round: task.round, cardIds: task.cardIds }), template, { title });
  try {
    return { ok: true, state: Y.encodeStateAsUpdate(next) };
  } finally {
    next.destroy();
  }
}
