/**
 * Where a flat-table row goes on the template: by its goal id, else (a hand-made
 * list with no ids) by the goal it names in a "Delmål"/"Mål" column — its
 * number ("3.1", "3.1 Vård och omsorg …") or its exact title — else by its
 * focus-area id, else by the focus area it names the same way.
 */
import type { Template } from '../template.ts';
import type { PlanData, PlanFocusArea, PlanGoal } from './schema.ts';

export interface RowPlace {
  goalId: string;
  focusAreaId: string;
  /** The derived title columns, read only when the ids are empty. */
  goalText: string;
  focusAreaText: string;
}

export type Placement =
  | { goal: PlanGoal; byTitle: boolean }
  | { area: PlanFocusArea; byTitle: boolean }
  /** An id the template does not know. */
  | { unknown: string }
  /** No id and no title that names a place. */
  | { none: true };

const fold = (text: string) => text.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/** "Delmål 3.1: Vård …" → "3.1": the first word, without a leading level name or trailing punctuation. */
const leadingId = (text: string) =>
  fold(text)
    .replace(/^(delmål|mål|goal|fokusområde|focus area)\s+/, '')
    .split(' ')[0]
    ?.replace(/[.:),]+$/, '') ?? '';

/** A lookup of places by id, by the leading number of a title cell, and by every title the template gives them. */
function lookup<T extends { id: string }>(items: readonly T[], titles: (item: T) => string[]) {
  const byId = new Map(items.map((item) => [item.id, item]));
  const byFolded = new Map<string, T>();
  for (const item of items) {
    byFolded.set(`id\u0000${fold(item.id)}`, item);
    for (const title of titles(item)) byFolded.set(`title\u0000${fold(title)}`, item);
  }
  const byText = (text: string) =>
    text.trim() === ''
      ? undefined
      : (byFolded.get(`title\u0000${fold(text)}`) ?? byFolded.get(`id\u0000${leadingId(text)}`));
  return { byId, byText };
}

/** A placer for the rows of one table on `plan` (an empty plan of `template`). */
export function placer(template: Template, plan: PlanData): (row: RowPlace) => Placement {
  const templateGoals = new Map(template.focusAreas.flatMap((a) => a.goals.map((g) => [g.id, g] as const)));
  const templateAreas = new Map(template.focusAreas.map((a) => [a.id, a] as const));
  const goals = lookup(
    plan.focusAreas.flatMap((area) => area.goals),
    (goal) => Object.values(templateGoals.get(goal.id)?.title ?? {}),
  );
  const areas = lookup(plan.focusAreas, (area) => Object.values(templateAreas.get(area.id)?.title ?? {}));
  return (row) => {
    const goalId = row.goalId.trim();
    const areaId = row.focusAreaId.trim();
    if (goalId !== '') {
      const goal = goals.byId.get(goalId);
      if (goal) return { goal, byTitle: false };
      // An area without goals is itself the place of its cards (template.ts cardPlaces): its id is a goal id too.
      const area = areas.byId.get(goalId);
      return area && area.goals.length === 0 ? { area, byTitle: false } : { unknown: goalId };
    }
    const named = goals.byText(row.goalText);
    if (named) return { goal: named, byTitle: true };
    if (areaId !== '') {
      const area = areas.byId.get(areaId);
      return area ? { area, byTitle: false } : { unknown: areaId };
    }
    const area = areas.byText(row.focusAreaText);
    return area ? { area, byTitle: true } : { none: true };
  };
}
