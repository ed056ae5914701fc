/**
 * What differs between two plans of one board (a version and now): cards
 * matched by id, changed fields named by their plan-data key. Pure, so the
 * history's compare view and tests share it. Where a card sits (its goal) is
 * not a card field; cardPlaces says that.
 */
import type { PlanCard, PlanData } from './schema.ts';

export interface ChangedCard {
  before: PlanCard;
  after: PlanCard;
  /** PlanCard keys whose values differ, in the card's key order. */
  fields: string[];
}

export interface PlanComparison {
  /** In `after`, not in `before`; in `after`'s order. */
  added: PlanCard[];
  /** In `before`, not in `after`; in `before`'s order. */
  removed: PlanCard[];
  changed: ChangedCard[];
}

/** Every card of a plan in plan order: per focus area its goals' cards, then the area's own; then unplaced. */
export function planCards(plan: PlanData): PlanCard[] {
  return [
    ...plan.focusAreas.flatMap((area) => [...area.goals.flatMap((goal) => goal.cards), ...area.cards]),
    ...plan.unplaced,
  ];
}

/** Where each card sits: its goal id, its focus area id (under no goal), or null (unplaced). */
export function cardPlaces(plan: PlanData): Map<string, string | null> {
  const places = new Map<string, string | null>();
  for (const area of plan.focusAreas) {
    for (const goal of area.goals) for (const card of goal.cards) places.set(card.id, goal.id);
    for (const card of area.cards) places.set(card.id, area.id);
  }
  for (const card of plan.unplaced) places.set(card.id, null);
  return places;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function comparePlans(before: PlanData, after: PlanData): PlanComparison {
  const beforeCards = planCards(before);
  const afterCards = planCards(after);
  const beforeById = new Map(beforeCards.map((card) => [card.id, card]));
  const afterIds = new Set(afterCards.map((card) => card.id));
  const added: PlanCard[] = [];
  const changed: ChangedCard[] = [];
  for (const card of afterCards) {
    const old = beforeById.get(card.id);
    if (!old) {
      added.push(card);
      continue;
    }
    const fields = (Object.keys(card) as (keyof PlanCard)[]).filter((key) => !same(old[key], card[key]));
    if (fields.length > 0) changed.push({ before: old, after: card, fields });
  }
  const removed = beforeCards.filter((card) => !afterIds.has(card.id));
  return { added, removed, changed };
}
