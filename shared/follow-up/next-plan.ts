/**
 * "Ny plan från den här": the plan data of a new board for the next period,
 * from a board's plan. The new board keeps the template, layout and the cards
 * chosen (by default every card not done or ended in the round), each as a new
 * draft without follow-up or votes, one plan period on, and names its source.
 */
import type { FollowUpStatus } from '../card-schema.ts';
import { roundStatus } from '../plan/follow-up-counts.ts';
import type { PlanCard, PlanData } from '../plan/schema.ts';

/** Statuses whose cards the next plan leaves behind unless chosen: the work is done or stopped. */
export const FINISHED_STATUSES: readonly FollowUpStatus[] = ['done', 'cancelled'];

export interface NextPlanChoice {
  /** The round whose statuses choose the cards (the plan's current round, else its last). */
  round?: string | null;
  /** Exactly these cards, when given. */
  cardIds?: readonly string[];
  title: string;
}

/** The same span of time, right after it: 2025 → 2026, 2024–2026 → 2027–2029. */
export function nextPeriod(period: { from: string; to: string }): { from: string; to: string } {
  const fromYear = Number(period.from.slice(0, 4));
  const toYear = Number(period.to.slice(0, 4));
  const span = toYear - fromYear + 1;
  const shift = (date: string) => `${String(Number(date.slice(0, 4)) + span).padStart(4, '0')}${date.slice(4)}`;
  return { from: shift(period.from), to: shift(period.to) };
}

export function nextPlanData(plan: PlanData, choice: NextPlanChoice): PlanData {
  const round = choice.round ?? plan.rounds.find((r) => r.current)?.label ?? plan.rounds.at(-1)?.label ?? null;
  const chosen = choice.cardIds ? new Set(choice.cardIds) : null;
  const keeps = (card: PlanCard) =>
    chosen
      ? chosen.has(card.id)
      : round === null || !FINISHED_STATUSES.includes(roundStatus(card, round) as FollowUpStatus);
  const fresh = (cards: PlanCard[]) =>
    cards.filter(keeps).map((card): PlanCard => ({ ...card, status: 'draft', followUp: [], votes: 0, decision: null }));
  return {
    ...plan,
    board: {
      ...plan.board,
      id: null,
      title: choice.title,
      planPeriod: nextPeriod(plan.board.planPeriod),
      createdAt: null,
      source: plan.board.id ? { id: plan.board.id, title: plan.board.title } : null,
    },
    rounds: [],
    focusAreas: plan.focusAreas.map((area) => ({
      ...area,
      cards: fresh(area.cards),
      notes: [],
      goals: area.goals.map((goal) => ({ ...goal, cards: fresh(goal.cards), notes: [] })),
    })),
    unplaced: fresh(plan.unplaced),
    warnings: [],
  };
}
