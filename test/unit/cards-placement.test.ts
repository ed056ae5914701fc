import { describe, expect, it } from 'vitest';
import {
  cardArea,
  freeSlot,
  goalForCard,
  goalHeaderHeight,
  isPlacedConsistently,
  placeAt,
  unplacedArea,
} from '../../client/canvas/card/card-placement.ts';
import { layoutZones } from '../../client/canvas/zones/layout.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

const hsvo = getTemplate('hsvo-2024-2026') as Template;
const layout = layoutZones(hsvo);
const zone = (id: string) => {
  const found = layout.goals.find((goal) => goal.goalId === id);
  if (!found) throw new Error(`no zone ${id}`);
  return found;
};
const size = { w: 232, h: 148 };

describe('zone membership: a card belongs to the goal under its centre', () => {
  it('puts a card whose centre is inside A1 in A1, even when its edge sticks out', () => {
    const a1 = zone('A1');
    expect(goalForCard(layout, { x: a1.x + 20, y: a1.y + 250, ...size })).toBe('A1');
    // Three quarters outside to the left, but the centre is still inside.
    expect(goalForCard(layout, { x: a1.x - size.w / 2 + 2, y: a1.y + 250, ...size })).toBe('A1');
  });

  it('moves the card to B1 when its centre crosses into B1', () => {
    const b1 = zone('B1');
    expect(goalForCard(layout, { x: b1.x + b1.w / 2 - size.w / 2, y: b1.y + 300, ...size })).toBe('B1');
  });

  it('says unplaced (null) for a card outside every goal: the gap between areas, an area header, below the board', () => {
    const a1 = zone('A1');
    const b1 = zone('B1');
    const gapX = (a1.x + a1.w + b1.x) / 2;
    expect(goalForCard(layout, { x: gapX - size.w / 2, y: a1.y + 200, ...size })).toBeNull();
    expect(goalForCard(layout, { x: a1.x + 100, y: 10, ...size })).toBeNull();
    expect(goalForCard(layout, { x: 0, y: layout.bounds.h + 500, ...size })).toBeNull();
  });

  it('checks a shape against its card: in its goal, or outside all goals when the card has none or an unknown one', () => {
    const a1 = zone('A1');
    const inA1 = { x: a1.x + 40, y: a1.y + 260, ...size };
    const below = { x: 0, y: layout.bounds.h + 200, ...size };
    expect(isPlacedConsistently(layout, 'A1', inA1)).toBe(true);
    expect(isPlacedConsistently(layout, 'B1', inA1)).toBe(false);
    expect(isPlacedConsistently(layout, null, inA1)).toBe(false);
    expect(isPlacedConsistently(layout, null, below)).toBe(true);
    expect(isPlacedConsistently(layout, '9.9', below)).toBe(true);
  });
});

describe('card slots', () => {
  it('keeps cards clear of the goal header, which grows with the goal texts', () => {
    const short = goalHeaderHeight({ title: { sv: 'Kort mål', en: 'Short goal' }, direction: null }, 760);
    const long = goalHeaderHeight({ title: { sv: 'x'.repeat(250), en: 'x' }, direction: null }, 760);
    const withDirection = goalHeaderHeight(
      { title: { sv: 'Kort mål', en: 'Short goal' }, direction: { sv: 'y'.repeat(200), en: 'y' } },
      760,
    );
    expect(long).toBeGreaterThan(short);
    expect(withDirection).toBeGreaterThan(short);
    const area = cardArea(layout, 'A1', () => 240);
    expect(area.y).toBe(zone('A1').y + 240);
  });

  it('fills the first free slot, left to right then top to bottom', () => {
    const area = { x: 0, y: 0, w: 760, h: 400 };
    const first = freeSlot(area, size, []);
    expect(first).toEqual({ x: 0, y: 0 });
    const second = freeSlot(area, size, [{ ...first, ...size }]);
    expect(second).toEqual({ x: size.w + 12, y: 0 });
    const row = [0, 1, 2].map((i) => ({ x: i * (size.w + 12), y: 0, ...size }));
    expect(freeSlot(area, size, row)).toEqual({ x: 0, y: size.h + 12 });
  });

  it('cascades over a full zone but never leaves it, so a full goal keeps its cards', () => {
    const a1 = zone('A1');
    const area = cardArea(layout, 'A1', () => 230);
    const occupied = [];
    for (let i = 0; i < 40; i++) {
      const at = freeSlot(area, size, occupied);
      occupied.push({ ...at, ...size });
      expect(goalForCard(layout, { ...at, ...size })).toBe('A1');
      expect(at.y + size.h).toBeLessThanOrEqual(a1.y + a1.h);
    }
  });

  it('lays unplaced cards out below the board, outside every zone', () => {
    const strip = unplacedArea(layout);
    expect(strip.y).toBeGreaterThan(layout.bounds.h);
    const at = freeSlot(cardArea(layout, null), size, []);
    expect(goalForCard(layout, { ...at, ...size })).toBeNull();
    expect(cardArea(layout, 'no-such-goal')).toEqual(strip);
  });

  it('centres a new card on the double-clicked point, pulled inside the zone near its edge', () => {
    const b1 = zone('B1');
    expect(placeAt(layout, { x: b1.x + 400, y: b1.y + 300 }, size)).toEqual({
      x: b1.x + 400 - size.w / 2,
      y: b1.y + 300 - size.h / 2,
    });
    const nearCorner = placeAt(layout, { x: b1.x + 5, y: b1.y + b1.h - 5 }, size);
    expect(nearCorner).toEqual({ x: b1.x, y: b1.y + b1.h - size.h });
    expect(goalForCard(layout, { ...nearCorner, ...size })).toBe('B1');
    expect(placeAt(layout, { x: -500, y: -500 }, size)).toEqual({ x: -500 - size.w / 2, y: -500 - size.h / 2 });
  });
});
