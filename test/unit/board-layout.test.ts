/**
 * The board layout (shared/board-layout.ts): cards of a goal in a grid in
 * their order, never overlapping, never outside their zone; zones grow and
 * shrink with their cards and the board reflows; drops find goal and index.
 */
import { describe, expect, it } from 'vitest';
import {
  type BoardLayout,
  CARD_METRICS,
  dropTarget,
  goalAtPoint,
  type LayoutCard,
  layoutBoard,
  layoutZones,
  type Rect,
  ZONE_METRICS,
} from '../../shared/board-layout.ts';
import { goalHeaderHeight } from '../../shared/goal-header.ts';
import { getTemplate, type Template, templateGoals } from '../../shared/template.ts';

const hsvo = getTemplate('hsvo-2024-2026') as Template;
const nsu = getTemplate('nsu-2019') as Template;

const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (inner: Rect, outer: Rect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

const cardsIn = (goalId: string | null, count: number, prefix = goalId ?? 'u'): LayoutCard[] =>
  Array.from({ length: count }, (_, i) => ({ id: `${prefix}-${String(i).padStart(3, '0')}`, goalId }));

/** Every check that must hold for any layout: no overlaps, each card inside its zone, goals inside areas. */
function expectSound(layout: BoardLayout) {
  // Cards of different zones cannot overlap when the zones do not and each card is inside its own.
  const byZone = new Map<string | null, BoardLayout['cards']>();
  for (const slot of layout.cards) byZone.set(slot.zoneGoalId, [...(byZone.get(slot.zoneGoalId) ?? []), slot]);
  const overlapping: string[] = [];
  for (const group of byZone.values()) {
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) if (overlaps(a, b)) overlapping.push(`${a.id} × ${b.id}`);
    }
  }
  expect(overlapping).toEqual([]);
  for (const a of layout.cards) {
    const zone = a.zoneGoalId ? layout.goals.find((g) => g.goalId === a.zoneGoalId) : layout.unplaced;
    expect(zone && inside(a, zone), `${a.id} inside ${a.zoneGoalId ?? 'the unplaced strip'}`).toBe(true);
    // Cards sit below the goal's header, never over its title.
    if (a.zoneGoalId) {
      const goal = templateGoals(hsvo).find(({ goal: g }) => g.id === a.zoneGoalId)?.goal;
      if (goal) expect(a.y).toBeGreaterThanOrEqual((zone as Rect).y + goalHeaderHeight(goal, ZONE_METRICS.goalWidth));
    }
  }
  for (const group of [layout.areas, layout.goals]) {
    for (const [i, a] of group.entries()) {
      for (const b of group.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
    }
  }
  for (const goal of layout.goals) {
    const area = layout.areas.find((a) => a.id === goal.areaId);
    expect(area && inside(goal, area), `${goal.id} inside its area`).toBe(true);
  }
  expect(layout.unplaced.y).toBeGreaterThan(layout.bounds.y + layout.bounds.h);
}

const zoneOf = (layout: BoardLayout, goalId: string) => layout.goals.find((g) => g.goalId === goalId) as Rect;
const slotOf = (layout: BoardLayout, id: string) =>
  layout.cards.find((c) => c.id === id) as BoardLayout['cards'][number];

describe.each([0, 1, 24, 200])('%i cards in every goal of HSVO', (count) => {
  const cards = templateGoals(hsvo).flatMap(({ goal }) => cardsIn(goal.id, count));
  const layout = layoutBoard(hsvo, cards);

  it('never overlaps two cards and keeps each inside its own goal zone, below the header', () => {
    expect(layout.cards).toHaveLength(cards.length);
    expectSound(layout);
    for (const slot of layout.cards) expect(slot.zoneGoalId).toBe(slot.id.split('-')[0]);
  });

  it("lays a goal's cards out in their order, left to right and row by row, three to a row", () => {
    const a1 = layout.cards.filter((c) => c.zoneGoalId === 'A1');
    expect(a1.map((c) => c.id)).toEqual(cardsIn('A1', count).map((c) => c.id));
    for (const [i, slot] of a1.entries()) {
      expect(slot.row).toBe(Math.floor(i / 3));
      const previous = a1[i - 1];
      if (previous && previous.row === slot.row) expect(slot.x).toBeGreaterThan(previous.x);
      if (previous && previous.row < slot.row) expect(slot.y).toBeGreaterThan(previous.y);
    }
  });

  it('is pure: the same input gives the same layout', () => {
    expect(layoutBoard(hsvo, cards)).toEqual(layout);
  });
});

describe('zones grow with their cards and shrink back', () => {
  const empty = layoutZones(hsvo);

  it('keeps the empty board as it was, and a handful of cards fits without growing', () => {
    expect(layoutBoard(hsvo, cardsIn('A1', 6)).goals).toEqual(empty.goals);
  });

  it('grows A1, its area A and the board as A1 gets 24 cards, and the other areas stay put', () => {
    const grown = layoutBoard(hsvo, cardsIn('A1', 24));
    expectSound(grown);
    expect(zoneOf(grown, 'A1').h).toBeGreaterThan(zoneOf(empty, 'A1').h);
    // A2 moves down under the taller A1; its column keeps the area's height.
    expect(zoneOf(grown, 'A2').y).toBeGreaterThan(zoneOf(empty, 'A2').y);
    const [areaA, ...others] = grown.areas;
    expect(areaA?.h).toBeGreaterThan(empty.areas[0]?.h ?? 0);
    expect(others).toEqual(empty.areas.slice(1));
    expect(grown.bounds.h).toBe(areaA?.h);
    // Everything below moved down with it: the unplaced strip too.
    expect(grown.unplaced.y).toBeGreaterThan(empty.unplaced.y);
    // Shrinks back when the cards go.
    expect(layoutBoard(hsvo, cardsIn('A1', 2))).toEqual(layoutBoard(hsvo, cardsIn('A1', 2)));
    expect(layoutBoard(hsvo, []).goals).toEqual(empty.goals);
  });

  it('grows by exactly the rows the cards need', () => {
    const rowsOf = (n: number) => Math.ceil(n / 3);
    const need = (n: number) =>
      goalHeaderHeight(hsvo.focusAreas[0]?.goals[0] as never, ZONE_METRICS.goalWidth) +
      rowsOf(n) * CARD_METRICS.h +
      (rowsOf(n) - 1) * CARD_METRICS.gap +
      CARD_METRICS.padding;
    const a1 = (n: number) => zoneOf(layoutBoard(hsvo, cardsIn('A1', n)), 'A1').h;
    expect(a1(30)).toBe(need(30));
    expect(a1(33) - a1(30)).toBe(CARD_METRICS.h + CARD_METRICS.gap);
  });

  it('gives NSU its two columns in area 1 and stretches the shorter column to the area', () => {
    const layout = layoutBoard(nsu, cardsIn('1.1', 40));
    expectSound(layout);
    const area1 = layout.goals.filter((g) => g.areaId === '1');
    const columns = new Map<number, Rect[]>();
    for (const goal of area1) columns.set(goal.x, [...(columns.get(goal.x) ?? []), goal]);
    expect(columns.size).toBe(2);
    const bottoms = [...columns.values()].map((column) => Math.max(...column.map((g) => g.y + g.h)));
    expect(new Set(bottoms).size).toBe(1);
  });
});

describe('mixed card sizes', () => {
  const sizes = [
    { w: 232, h: 148 },
    { w: 360, h: 200 },
    { w: 180, h: 110 },
    { w: 900, h: 160 },
  ];
  const cards: LayoutCard[] = Array.from({ length: 40 }, (_, i) => ({
    id: `c${i}`,
    goalId: i % 5 === 4 ? null : 'B1',
    ...sizes[i % sizes.length],
  }));
  const layout = layoutBoard(hsvo, cards);

  it('packs them without overlaps, all inside their zone, wider ones cut to the zone', () => {
    expectSound(layout);
    const placed = layout.cards.filter((c) => c.zoneGoalId !== null);
    expect(Math.max(...placed.map((c) => c.w))).toBe(ZONE_METRICS.goalWidth - 2 * CARD_METRICS.padding);
  });

  it('puts unplaced cards in the strip below the board', () => {
    for (const slot of layout.cards.filter((c) => c.zoneGoalId === null)) {
      expect(slot.y).toBeGreaterThan(layout.bounds.h);
    }
  });

  it('treats a goal the template does not know as unplaced', () => {
    const odd = layoutBoard(hsvo, [{ id: 'x', goalId: 'Z9' }]);
    expect(odd.cards[0]?.zoneGoalId).toBeNull();
    expectSound(odd);
  });
});

describe('reordering and inserting', () => {
  const cards = cardsIn('A1', 7);
  const layout = layoutBoard(hsvo, cards);

  it('moves the others along when a card is inserted or reordered, never onto each other', () => {
    const inserted = [...cards.slice(0, 2), { id: 'new', goalId: 'A1' }, ...cards.slice(2)];
    const after = layoutBoard(hsvo, inserted);
    expectSound(after);
    expect(slotOf(after, 'new')).toMatchObject({ x: slotOf(layout, 'A1-002').x, y: slotOf(layout, 'A1-002').y });
    expect(slotOf(after, 'A1-002')).toMatchObject({ x: slotOf(layout, 'A1-003').x, y: slotOf(layout, 'A1-003').y });
    const reversed = layoutBoard(hsvo, [...cards].reverse());
    expectSound(reversed);
    expect(slotOf(reversed, 'A1-006')).toMatchObject({ x: slotOf(layout, 'A1-000').x, y: slotOf(layout, 'A1-000').y });
  });

  it('finds the goal and index under a drop point, reading the grid like text', () => {
    const at = (id: string, dx: number, dy: number) => {
      const slot = slotOf(layout, id);
      return { x: slot.x + slot.w * dx, y: slot.y + slot.h * dy };
    };
    expect(dropTarget(layout, at('A1-000', 0.2, 0.5))).toEqual({ goalId: 'A1', index: 0 });
    expect(dropTarget(layout, at('A1-000', 0.8, 0.5))).toEqual({ goalId: 'A1', index: 1 });
    expect(dropTarget(layout, at('A1-004', 0.9, 0.5))).toEqual({ goalId: 'A1', index: 5 });
    // The header comes before every card; below the last row, after every card.
    const a1 = zoneOf(layout, 'A1');
    expect(dropTarget(layout, { x: a1.x + 40, y: a1.y + 20 })).toEqual({ goalId: 'A1', index: 0 });
    expect(dropTarget(layout, { x: a1.x + 40, y: a1.y + a1.h - 4 })).toEqual({ goalId: 'A1', index: 7 });
    // Another goal, empty; outside every goal, unplaced.
    const b1 = zoneOf(layout, 'B1');
    expect(dropTarget(layout, { x: b1.x + 100, y: b1.y + b1.h / 2 })).toEqual({ goalId: 'B1', index: 0 });
    expect(dropTarget(layout, { x: -500, y: -500 })).toEqual({ goalId: null, index: 0 });
  });

  it('sends a drop between goals to the nearest goal, and only one off the board to the unplaced strip', () => {
    const layout = layoutBoard(hsvo, cardsIn('A1', 5));
    const a1 = zoneOf(layout, 'A1');
    const a2 = zoneOf(layout, 'A2');
    const gap = ZONE_METRICS.goalGap;
    // A2 is below A1 in the same column: just under A1 is nearer A1 (last), just above A2 nearer A2 (first).
    expect(a2.y).toBeGreaterThan(a1.y + a1.h);
    expect(dropTarget(layout, { x: a1.x + 100, y: a1.y + a1.h + gap * 0.25 })).toEqual({ goalId: 'A1', index: 5 });
    expect(dropTarget(layout, { x: a2.x + 100, y: a2.y - gap * 0.25 })).toEqual({ goalId: 'A2', index: 0 });
    // In the area's header, above its first goal; in the padding left of a goal.
    const area = layout.areas.find((zone) => zone.areaId === 'A') as Rect;
    expect(dropTarget(layout, { x: a1.x + 100, y: area.y + 10 }).goalId).toBe('A1');
    expect(dropTarget(layout, { x: area.x + 4, y: a2.y + 50 }).goalId).toBe('A2');
    // Between two areas: the goal on the nearer side.
    const next = layout.areas[1] as Rect;
    const between = (area.x + area.w + next.x) / 2;
    expect(dropTarget(layout, { x: between - 4, y: a1.y + 50 }).goalId).toBe('A1');
    // Below the board (the unplaced strip) and beside it: unplaced.
    expect(dropTarget(layout, { x: a1.x + 100, y: layout.unplaced.y + 80 }).goalId).toBeNull();
    expect(dropTarget(layout, { x: layout.bounds.w + 200, y: 100 }).goalId).toBeNull();
  });

  it('exposes goalAtPoint for notes and drawings dropped on the board', () => {
    const grown = layoutBoard(hsvo, cardsIn('A1', 24));
    const a2 = zoneOf(grown, 'A2');
    expect(goalAtPoint(grown, a2.x + 10, a2.y + 10)).toBe('A2');
    // Where A2 was on the empty board is now inside the grown A1.
    const emptyA2 = zoneOf(layoutZones(hsvo), 'A2');
    expect(goalAtPoint(grown, emptyA2.x + 10, emptyA2.y + 10)).toBe('A1');
  });
});
