/**
 * Status counts of a follow-up round, from plan data: what a follow-up report
 * shows per focus area and goal, and what a regional roll-up adds up per goal
 * and party over several boards. A card with no entry for the round counts as
 * `none` (not followed up yet), so the counts of a place always sum to its
 * cards. Pure functions of plan data: the server, the page and the CLI share them.
 */
import { FOLLOW_UP_STATUSES, type FollowUpStatus } from '../card-schema.ts';
import { placedCards } from './compare.ts';
import type { PlanCard, PlanData } from './schema.ts';

export type RoundStatus = FollowUpStatus | 'none';
export const ROUND_STATUSES: readonly RoundStatus[] = [...FOLLOW_UP_STATUSES, 'none'];
export type StatusCounts = Record<RoundStatus, number>;

export const noCounts = (): StatusCounts =>
  Object.fromEntries(ROUND_STATUSES.map((status) => [status, 0])) as StatusCounts;

/** The card's status in the round (a follow-up period label such as "2025"). */
export function roundStatus(card: PlanCard, round: string): RoundStatus {
  return card.followUp.find((entry) => entry.period === round)?.status ?? 'none';
}

export function countStatuses(cards: readonly PlanCard[], round: string, into = noCounts()): StatusCounts {
  for (const card of cards) into[roundStatus(card, round)]++;
  return into;
}

/** Every round the plan's cards have an entry for, in order ("2025" before "2025 H2" before "2026"). */
export function planRounds(plan: PlanData): string[] {
  const rounds = new Set(placedCards(plan).flatMap(({ card }) => card.followUp.map((entry) => entry.period)));
  return [...rounds].sort((a, b) => a.localeCompare(b, 'sv', { numeric: true }));
}

export interface PlaceCounts {
  id: string;
  title: string;
  cards: number;
  statuses: StatusCounts;
}

export interface AreaCounts extends PlaceCounts {
  /** The area's goals; an area without goals has none (its cards are its own). */
  goals: PlaceCounts[];
}

export interface FollowUpCounts {
  round: string;
  areas: AreaCounts[];
  unplaced: StatusCounts;
  total: StatusCounts;
}

/** A round's counts per focus area (its own cards and its goals') and goal, unplaced cards apart. */
export function followUpCounts(plan: PlanData, round: string): FollowUpCounts {
  const total = noCounts();
  const areas = plan.focusAreas.map((area): AreaCounts => {
    const goals = area.goals.map((goal) => ({
      id: goal.id,
      title: goal.title,
      cards: goal.cards.length,
      statuses: countStatuses(goal.cards, round),
    }));
    const statuses = countStatuses(area.cards, round);
    for (const goal of goals) for (const status of ROUND_STATUSES) statuses[status] += goal.statuses[status];
    const cards = area.cards.length + goals.reduce((sum, goal) => sum + goal.cards, 0);
    for (const status of ROUND_STATUSES) total[status] += statuses[status];
    return { id: area.id, title: area.title, cards, statuses, goals };
  });
  const unplaced = countStatuses(plan.unplaced, round);
  for (const status of ROUND_STATUSES) total[status] += unplaced[status];
  return { round, areas, unplaced, total };
}
