/**
 * The follow-up report as data: a chosen round beside the one before it, per
 * focus area and goal the status counts and the round comment, and each
 * card's status, comment, effect and indicator values in both rounds. Pure, from
 * plan data; the Markdown, Word and Excel writers and the JSON answer share it.
 */

import { placeCode } from '../place-codes.ts';
import {
  countStatuses,
  followUpCounts,
  planRounds,
  type RoundStatus,
  type StatusCounts,
} from '../plan/follow-up-counts.ts';
import type { PlanCard, PlanData } from '../plan/schema.ts';

export interface ReportIndicator {
  text: string;
  value: boolean | number | string | null;
  previous: boolean | number | string | null;
}

export interface ReportCard {
  id: string;
  title: string;
  status: RoundStatus;
  previousStatus: RoundStatus | null;
  comment: string;
  effect: string;
  indicators: ReportIndicator[];
}

export interface ReportPlace {
  id: string;
  code: string | null;
  title: string;
  counts: StatusCounts;
  previousCounts: StatusCounts | null;
  /** The round comment the group wrote about this place ("" when none). */
  comment: string;
  cards: ReportCard[];
}

export interface ReportArea extends ReportPlace {
  /** The cards on the area itself are in `cards`; the goals' own in theirs. Counts cover both. */
  goals: ReportPlace[];
}

export interface FollowUpReport {
  boardTitle: string;
  templateTitle: string;
  /** Every round of the plan, in order. */
  rounds: string[];
  round: string;
  previousRound: string | null;
  areas: ReportArea[];
  unplaced: { counts: StatusCounts; previousCounts: StatusCounts | null; cards: ReportCard[] };
  total: StatusCounts;
  previousTotal: StatusCounts | null;
}

/** The plan's rounds in order: the started rounds, then periods of entries no round names (older boards, imports). */
export function reportRounds(plan: PlanData): string[] {
  const started = plan.rounds.map((round) => round.label);
  return [...started, ...planRounds(plan).filter((label) => !started.includes(label))];
}

/** The round a report shows by default: the current round, else the last one; null when there is none. */
export function defaultRound(plan: PlanData): string | null {
  const rounds = reportRounds(plan);
  return plan.rounds.find((round) => round.current)?.label ?? rounds[rounds.length - 1] ?? null;
}

export class UnknownRound extends Error {}

function cardTitle(card: PlanCard): string {
  return card.title || card.activity.split('\n')[0]?.trim() || card.id;
}

function reportCard(card: PlanCard, round: string, previous: string | null): ReportCard {
  const entry = card.followUp.find((e) => e.period === round);
  const before = previous === null ? undefined : card.followUp.find((e) => e.period === previous);
  const valueIn = (list: { text: string; value: boolean | number | string }[] | undefined, text: string) =>
    list?.find((i) => i.text === text)?.value ?? null;
  // The card's indicators in order, then any value whose wording left the card.
  const texts = [...card.indicators.map((i) => i.text)];
  for (const value of [...(entry?.indicators ?? []), ...(before?.indicators ?? [])]) {
    if (!texts.includes(value.text)) texts.push(value.text);
  }
  return {
    id: card.id,
    title: cardTitle(card),
    status: entry?.status ?? 'none',
    previousStatus: previous === null ? null : (before?.status ?? 'none'),
    comment: entry?.comment ?? '',
    effect: entry?.effect ?? '',
    indicators: texts
      .map((text) => ({ text, value: valueIn(entry?.indicators, text), previous: valueIn(before?.indicators, text) }))
      .filter((i) => i.value !== null || i.previous !== null || card.indicators.some((c) => c.text === i.text)),
  };
}

/** The report of `round` (default: defaultRound) beside the round before it. Throws UnknownRound. */
export function followUpReport(plan: PlanData, wanted?: string): FollowUpReport {
  const rounds = reportRounds(plan);
  const round = wanted ?? defaultRound(plan);
  if (round === null) throw new UnknownRound('round: the board has no follow-up round yet');
  if (!rounds.includes(round)) throw new UnknownRound(`round: no round "${round.slice(0, 40)}" on this board`);
  const previous = rounds[rounds.indexOf(round) - 1] ?? null;
  const now = followUpCounts(plan, round);
  const before = previous === null ? null : followUpCounts(plan, previous);
  const comments = new Map(
    (plan.rounds.find((r) => r.label === round)?.comments ?? []).map((c) => [c.placeId, c.text]),
  );
  const cards = (list: PlanCard[]) => list.map((card) => reportCard(card, round, previous));
  const code = (id: string) => placeCode(plan.focusAreas, id);
  const areas = plan.focusAreas.map((area, a): ReportArea => {
    const counts = now.areas[a];
    const prior = before?.areas[a];
    return {
      id: area.id,
      code: code(area.id),
      title: area.title,
      counts: counts?.statuses ?? countStatuses([], round),
      previousCounts: prior?.statuses ?? null,
      comment: comments.get(area.id) ?? '',
      cards: cards(area.cards),
      goals: area.goals.map((goal, g) => ({
        id: goal.id,
        code: code(goal.id),
        title: goal.title,
        counts: counts?.goals[g]?.statuses ?? countStatuses([], round),
        previousCounts: prior?.goals[g]?.statuses ?? null,
        comment: comments.get(goal.id) ?? '',
        cards: cards(goal.cards),
      })),
    };
  });
  return {
    boardTitle: plan.board.title,
    templateTitle: plan.template.title,
    rounds,
    round,
    previousRound: previous,
    areas,
    unplaced: { counts: now.unplaced, previousCounts: before?.unplaced ?? null, cards: cards(plan.unplaced) },
    total: now.total,
    previousTotal: before?.total ?? null,
  };
}
