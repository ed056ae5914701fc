/**
 * The table view's grouping, as a pure function: focus areas and their goals
 * (a goal-less area: the area itself as its one group, cardPlaces) in template order, each goal's cards in card order, and the cards that sit
 * in no goal of the template ("unplaced", including goal ids the template
 * does not know) at the end.
 */
import type { Card } from '../../shared/card-schema.ts';
import { cardPlaces, type FocusArea, type Goal, type Template } from '../../shared/template.ts';

export interface GoalGroup {
  area: FocusArea;
  goal: Goal;
  cards: Card[];
}

export interface AreaGroup {
  area: FocusArea;
  goals: GoalGroup[];
}

export interface CardGroups {
  areas: AreaGroup[];
  unplaced: Card[];
}

/** Groups `cards` (already in card order) by the template's focus areas and goals. */
export function groupCards(template: Pick<Template, 'focusAreas'>, cards: readonly Card[]): CardGroups {
  const byGoal = new Map<string, Card[]>();
  for (const area of template.focusAreas) for (const goal of cardPlaces(area)) byGoal.set(goal.id, []);
  const unplaced: Card[] = [];
  for (const card of cards) {
    const list = card.goalId === null ? undefined : byGoal.get(card.goalId);
    if (list) list.push(card);
    else unplaced.push(card);
  }
  return {
    areas: template.focusAreas.map((area) => ({
      area,
      goals: cardPlaces(area).map((goal) => ({ area, goal, cards: byGoal.get(goal.id) ?? [] })),
    })),
    unplaced,
  };
}

/** The card ids in the order the table shows them: goal by goal in template order, the unplaced last. */
export function tableOrder(groups: CardGroups): string[] {
  const ids = groups.areas.flatMap(({ goals }) => goals.flatMap(({ cards }) => cards.map((card) => card.id)));
  return [...ids, ...groups.unplaced.map((card) => card.id)];
}
