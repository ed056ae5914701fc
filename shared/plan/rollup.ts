/**
 * A regional roll-up: several boards' plans (one per municipality, say) added
 * up per goal and per party — how many activities, and their statuses in one
 * follow-up round (follow-up-counts.ts). Goals are matched by id, so boards on
 * templates that share goal ids (an edited copy of HSVO keeps A1 … D1) roll up
 * together; the answer names each plan's template, so a caller can refuse a mix.
 * Areas' own cards count under the area's id, like a goal of its own.
 *
 * What may be combined (README "Regional roll-up"): boards are matched by goal id,
 * so a municipality's edited copy of a template rolls up with the others; a board
 * that shares no focus area or goal id with the first one is refused.
 */
import { countStatuses, noCounts, planRounds, ROUND_STATUSES, type StatusCounts } from './follow-up-counts.ts';
import type { PlanCard, PlanData } from './schema.ts';

/** One board's part of a place or an area. */
export interface RollupShare {
  cards: number;
  statuses: StatusCounts;
}

export interface RollupPlace {
  id: string;
  title: string;
  /** The focus area the place belongs to (an area's own cards: the area's id). */
  areaId: string;
  /** How many of the plans have the place (the others lack it in their template). */
  plans: number;
  cards: number;
  statuses: StatusCounts;
  /** Each plan's part, in the order of `plans`; null where the plan lacks the place. */
  boards: (RollupShare | null)[];
}

/** A focus area over all its places, for the roll-up's chart per area (a bar per board). */
export interface RollupArea {
  id: string;
  title: string;
  cards: number;
  statuses: StatusCounts;
  boards: (RollupShare | null)[];
}

export interface RollupParty {
  name: string;
  cards: number;
  statuses: StatusCounts;
}

export interface Rollup {
  round: string;
  plans: { title: string; templateId: string; cards: number }[];
  /** Every place of every plan, in the order the plans give them (the first plan's first). */
  places: RollupPlace[];
  /** Every focus area of every plan, in the same order; its places are those with its `areaId`. */
  areas: RollupArea[];
  parties: RollupParty[];
  total: StatusCounts;
}

function add(into: StatusCounts, from: StatusCounts): void {
  for (const status of ROUND_STATUSES) into[status] += from[status];
}

const noShares = (plans: number): (RollupShare | null)[] => Array.from({ length: plans }, () => null);

function addShare(shares: (RollupShare | null)[], at: number, statuses: StatusCounts, cards: number): void {
  const share = shares[at] ?? { cards: 0, statuses: noCounts() };
  share.cards += cards;
  add(share.statuses, statuses);
  shares[at] = share;
}

export function rollUp(plans: readonly PlanData[], round: string): Rollup {
  const places = new Map<string, RollupPlace>();
  const areas = new Map<string, RollupArea>();
  const parties = new Map<string, RollupParty>();
  const total = noCounts();
  const countParties = (cards: readonly PlanCard[]) => {
    for (const card of cards) {
      for (const name of new Set(card.parties)) {
        const party = parties.get(name) ?? { name, cards: 0, statuses: noCounts() };
        party.cards++;
        countStatuses([card], round, party.statuses);
        parties.set(name, party);
      }
    }
  };
  const count = (at: number, areaId: string, id: string, title: string, cards: readonly PlanCard[]) => {
    const place = places.get(id) ?? {
      id,
      title,
      areaId,
      plans: 0,
      cards: 0,
      statuses: noCounts(),
      boards: noShares(plans.length),
    };
    const statuses = countStatuses(cards, round);
    place.plans++;
    place.cards += cards.length;
    add(place.statuses, statuses);
    addShare(place.boards, at, statuses, cards.length);
    places.set(id, place);
    const area = areas.get(areaId);
    if (area) {
      area.cards += cards.length;
      add(area.statuses, statuses);
      addShare(area.boards, at, statuses, cards.length);
    }
    countParties(cards);
  };
  const summaries = plans.map((plan, at) => {
    let cards = 0;
    for (const area of plan.focusAreas) {
      if (!areas.has(area.id)) {
        const boards = noShares(plans.length);
        areas.set(area.id, { id: area.id, title: area.title, cards: 0, statuses: noCounts(), boards });
      }
      // A board's area counts even when empty, so its bar shows 0 rather than nothing.
      addShare(areas.get(area.id)?.boards ?? [], at, noCounts(), 0);
      if (area.goals.length === 0 || area.cards.length > 0) count(at, area.id, area.id, area.title, area.cards);
      for (const goal of area.goals) count(at, area.id, goal.id, goal.title, goal.cards);
      cards += area.cards.length + area.goals.reduce((sum, goal) => sum + goal.cards.length, 0);
    }
    // Unplaced cards count in the total and for their parties, under no place.
    add(total, countStatuses(plan.unplaced, round));
    countParties(plan.unplaced);
    return { title: plan.board.title, templateId: plan.template.id, cards: cards + plan.unplaced.length };
  });
  for (const place of places.values()) add(total, place.statuses);
  return {
    round,
    plans: summaries,
    places: [...places.values()],
    areas: [...areas.values()],
    parties: [...parties.values()].sort((a, b) => b.cards - a.cards || a.name.localeCompare(b.name, 'sv')),
    total,
  };
}

/** The ids of a plan's focus areas and goals. */
const placeIds = (plan: PlanData): Set<string> =>
  new Set(plan.focusAreas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]));

/** The indexes of the plans that share no focus area or goal id with the first: they cannot be combined. */
export function unmatchedPlans(plans: readonly PlanData[]): number[] {
  const [first, ...rest] = plans;
  if (!first) return [];
  const ids = placeIds(first);
  return rest.flatMap((plan, at) => ([...placeIds(plan)].some((id) => ids.has(id)) ? [] : [at + 1]));
}

/** The round a roll-up counts when none is named: the first plan's current round, else its last. */
export function defaultRollupRound(plans: readonly PlanData[]): string | null {
  const [first] = plans;
  if (!first) return null;
  const current = first.rounds.find((round) => round.current)?.label;
  return current ?? first.rounds.at(-1)?.label ?? planRounds(first).at(-1) ?? null;
}
