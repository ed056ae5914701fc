/**
 * What changed between two plans (two versions of a board, or a version and
 * now): cards matched by id, each changed card with the plan-data fields that
 * differ. `place` ("A1", "B", or null for unplaced) counts as a field, so a card
 * moved to another goal is changed. Pure; used by the history summaries on the
 * server and the compare view in the page.
 */
import type { PlanCard, PlanData } from './schema.ts';

export interface PlacedCard {
  card: PlanCard;
  /** The focus area the card is under, or null for unplaced cards. */
  areaId: string | null;
  /** The goal (or, for cards on an area itself, the area) id; null when unplaced. */
  place: string | null;
}

export interface ChangedCard {
  before: PlanCard;
  after: PlanCard;
  areaId: string | null;
  /** Plan-data keys that differ, plus "place" when the card moved. */
  fields: string[];
}

export interface PlanComparison {
  added: PlanCard[];
  removed: PlanCard[];
  changed: ChangedCard[];
}

export interface ChangeCounts {
  added: number;
  removed: number;
  changed: number;
}

export interface ChangeSummary extends ChangeCounts {
  /** Counts per focus area id (unplaced cards under "unplaced"). */
  areas: Record<string, ChangeCounts>;
}

/** Every card of a plan with where it sits. */
export function placedCards(plan: PlanData): PlacedCard[] {
  const placed: PlacedCard[] = [];
  for (const area of plan.focusAreas) {
    for (const card of area.cards) placed.push({ card, areaId: area.id, place: area.id });
    for (const goal of area.goals)
      for (const card of goal.cards) placed.push({ card, areaId: area.id, place: goal.id });
  }
  for (const card of plan.unplaced) placed.push({ card, areaId: null, place: null });
  return placed;
}

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

function differingFields(before: PlacedCard, after: PlacedCard): string[] {
  const fields = (Object.keys(after.card) as (keyof PlanCard)[]).filter(
    (key) => !same(before.card[key], after.card[key]),
  );
  return before.place === after.place ? fields : [...fields, 'place'];
}

export function comparePlans(before: PlanData, after: PlanData): PlanComparison {
  const old = new Map(placedCards(before).map((placed) => [placed.card.id, placed]));
  const result: PlanComparison = { added: [], removed: [], changed: [] };
  const seen = new Set<string>();
  for (const now of placedCards(after)) {
    seen.add(now.card.id);
    const was = old.get(now.card.id);
    if (!was) {
      result.added.push(now.card);
      continue;
    }
    const fields = differingFields(was, now);
    if (fields.length > 0) result.changed.push({ before: was.card, after: now.card, areaId: now.areaId, fields });
  }
  for (const [id, was] of old) if (!seen.has(id)) result.removed.push(was.card);
  return result;
}

/** A card as a version summary sees it: where it sits and a key that differs when any of its plan data does. */
export interface CardSummaryKey {
  areaId: string | null;
  place: string | null;
  key: string;
}

/** Summary keys of a plan's cards: the key is the card's plan data itself, as JSON. */
export function summaryKeys(plan: PlanData): Map<string, CardSummaryKey> {
  return new Map(
    placedCards(plan).map(({ card, areaId, place }) => [card.id, { areaId, place, key: JSON.stringify(card) }]),
  );
}

/**
 * Counts, in total and per focus area, of the cards added, removed and changed (in their plan data
 * or their place) between two versions given as summary keys. The server keeps digests as keys
 * (server/sync/plan-fingerprint.ts), so it can count against a version without rebuilding it.
 */
export function countChanges(
  before: ReadonlyMap<string, CardSummaryKey>,
  after: ReadonlyMap<string, CardSummaryKey>,
): ChangeSummary {
  const summary: ChangeSummary = { added: 0, removed: 0, changed: 0, areas: {} };
  const count = (kind: keyof ChangeCounts, areaId: string | null) => {
    const area = areaId ?? 'unplaced';
    summary.areas[area] ??= { added: 0, removed: 0, changed: 0 };
    summary.areas[area][kind]++;
    summary[kind]++;
  };
  for (const [id, now] of after) {
    const was = before.get(id);
    if (!was) count('added', now.areaId);
    else if (was.key !== now.key || was.place !== now.place) count('changed', now.areaId);
  }
  for (const [id, was] of before) if (!after.has(id)) count('removed', was.areaId);
  return summary;
}

/** Counts of a comparison, in total and per focus area, for version lists. */
export function summarizeChanges(before: PlanData, after: PlanData): ChangeSummary {
  return countChanges(summaryKeys(before), summaryKeys(after));
}
