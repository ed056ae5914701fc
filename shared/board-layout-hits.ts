/**
 * Questions asked of a laid-out board (shared/board-layout.ts): which goal or
 * area is under a point, a goal's zone, and where a dropped card goes.
 */
import { type BoardLayout, CARD_METRICS, type Rect, type ZoneRect } from './board-layout.ts';

const contains = (rect: Rect, x: number, y: number) =>
  x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;

/** The goal whose zone holds the point (page coordinates), or null when it is outside every goal. */
export function goalAtPoint(layout: Pick<BoardLayout, 'goals'>, x: number, y: number): string | null {
  return layout.goals.find((goal) => contains(goal, x, y))?.goalId ?? null;
}

/** The focus area whose zone holds the point, or null. */
export function areaAtPoint(layout: Pick<BoardLayout, 'areas'>, x: number, y: number): string | null {
  return layout.areas.find((area) => contains(area, x, y))?.areaId ?? null;
}

export function goalZone(layout: Pick<BoardLayout, 'goals'>, goalId: string): ZoneRect | undefined {
  return layout.goals.find((goal) => goal.goalId === goalId);
}

/** How far the point is from the rectangle (0 inside it). */
const distanceTo = (rect: Rect, x: number, y: number) =>
  Math.hypot(Math.max(rect.x - x, 0, x - rect.x - rect.w), Math.max(rect.y - y, 0, y - rect.y - rect.h));

/** The goal nearest to the point; for a point between goals, where a drop there belongs. */
function nearestGoal(layout: Pick<BoardLayout, 'goals'>, x: number, y: number): string | null {
  let best: { goalId: string | null; distance: number } = { goalId: null, distance: Number.POSITIVE_INFINITY };
  for (const goal of layout.goals) {
    const distance = distanceTo(goal, x, y);
    if (distance < best.distance) best = { goalId: goal.goalId, distance };
  }
  return best.goalId;
}

/**
 * Where a card dropped (or double-clicked) at `point` goes: the goal under the
 * point, or the nearest one when the point is on the board between goals (a
 * gap, an area's header: aiming a little beside a goal must not unplace the
 * card), null outside the board; and its index among that goal's cards, read
 * like text: rows above the point come first, then the cards of the point's
 * row whose centre is left of it. `layout` must be laid out without the cards
 * being moved, so the index counts only the others.
 */
export function dropTarget(
  layout: BoardLayout,
  point: { x: number; y: number },
): { goalId: string | null; index: number } {
  const onBoard = contains(layout.bounds, point.x, point.y);
  const goalId = goalAtPoint(layout, point.x, point.y) ?? (onBoard ? nearestGoal(layout, point.x, point.y) : null);
  const group = layout.cards.filter((slot) => slot.zoneGoalId === goalId);
  const half = CARD_METRICS.gap / 2;
  const rowTop = new Map<number, number>();
  const rowBottom = new Map<number, number>();
  for (const slot of group) {
    rowTop.set(slot.row, Math.min(rowTop.get(slot.row) ?? slot.y, slot.y));
    rowBottom.set(slot.row, Math.max(rowBottom.get(slot.row) ?? 0, slot.y + slot.h));
  }
  let row = -1;
  for (const [r, top] of rowTop) if (top - half <= point.y) row = Math.max(row, r);
  if (row >= 0 && point.y > (rowBottom.get(row) ?? 0) + half) row = Number.POSITIVE_INFINITY;
  const index = group.filter((slot) => slot.row < row || (slot.row === row && slot.x + slot.w / 2 < point.x)).length;
  return { goalId, index };
}
