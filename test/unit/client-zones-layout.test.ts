import { describe, expect, it } from 'vitest';
import {
  areaAtPoint,
  goalAtPoint,
  goalColumns,
  layoutZones,
  ZONE_METRICS,
  type ZoneRect,
} from '../../client/canvas/zones/layout.ts';
import { getTemplate, type Template, templateGoals } from '../../shared/template.ts';

function template(id: string): Template {
  const found = getTemplate(id);
  if (!found) throw new Error(`missing template ${id}`);
  return found;
}

const overlaps = (a: ZoneRect, b: ZoneRect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

const inside = (inner: ZoneRect, outer: ZoneRect) =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.w <= outer.x + outer.w &&
  inner.y + inner.h <= outer.y + outer.h;

const centre = (r: ZoneRect) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

describe.each([
  ['hsvo-2024-2026', 4, 6],
  ['nsu-2019', 3, 10],
])('layoutZones(%s)', (id, areaCount, goalCount) => {
  const tpl = template(id);
  const layout = layoutZones(tpl);

  it('has one zone per focus area and one per goal, in template order', () => {
    expect(layout.areas.map((a) => a.id)).toEqual(tpl.focusAreas.map((a) => a.id));
    expect(layout.goals.map((g) => g.goalId)).toEqual(templateGoals(tpl).map(({ goal }) => goal.id));
    expect(layout.areas).toHaveLength(areaCount);
    expect(layout.goals).toHaveLength(goalCount);
  });

  it('never overlaps two areas or two goals', () => {
    for (const group of [layout.areas, layout.goals]) {
      for (const [i, a] of group.entries()) {
        for (const b of group.slice(i + 1)) expect(overlaps(a, b), `${a.id} overlaps ${b.id}`).toBe(false);
      }
    }
  });

  it("puts every goal inside its own area, below the area's title", () => {
    for (const goal of layout.goals) {
      const area = layout.areas.find((a) => a.id === goal.areaId);
      expect(area, goal.id).toBeDefined();
      if (!area) continue;
      expect(inside(goal, area), `${goal.id} inside ${area.id}`).toBe(true);
      expect(goal.y).toBeGreaterThanOrEqual(area.y + ZONE_METRICS.areaHeader);
      expect(goal.w).toBeGreaterThan(0);
      expect(goal.h).toBeGreaterThan(0);
    }
  });

  it('gives every area the same height and keeps all zones inside the bounds', () => {
    expect(new Set(layout.areas.map((a) => a.h)).size).toBe(1);
    const bounds = { id: 'bounds', kind: 'area' as const, areaId: '', goalId: null, ...layout.bounds };
    for (const zone of [...layout.areas, ...layout.goals]) expect(inside(zone, bounds), zone.id).toBe(true);
  });

  it('finds the goal under a point, and none between goals or outside the board', () => {
    for (const goal of layout.goals) {
      const { x, y } = centre(goal);
      expect(goalAtPoint(layout, x, y)).toBe(goal.goalId);
      expect(areaAtPoint(layout, x, y)).toBe(goal.areaId);
    }
    const firstArea = layout.areas[0];
    if (!firstArea) throw new Error('no areas');
    // The area's title band belongs to the area but to no goal.
    expect(goalAtPoint(layout, firstArea.x + 50, firstArea.y + 20)).toBeNull();
    expect(areaAtPoint(layout, firstArea.x + 50, firstArea.y + 20)).toBe(firstArea.areaId);
    expect(goalAtPoint(layout, -100, -100)).toBeNull();
    expect(areaAtPoint(layout, layout.bounds.w + 100, 10)).toBeNull();
  });

  it('is a pure function: the same template always gives the same layout', () => {
    expect(layoutZones(tpl)).toEqual(layout);
  });
});

describe('layoutZones with unusual templates', () => {
  const base = template('hsvo-2024-2026');

  it('lays out a focus area without goals as one card zone of its own (goalId: the area id)', () => {
    const noGoals: Template = {
      ...base,
      focusAreas: base.focusAreas.map((area) => ({ ...area, goals: [] })),
    };
    const layout = layoutZones(noGoals);
    expect(layout.areas).toHaveLength(4);
    expect(layout.goals.map((zone) => zone.goalId)).toEqual(base.focusAreas.map((area) => area.id));
    const { x, y } = centre(layout.areas[1] as ZoneRect);
    expect(goalAtPoint(layout, x, y)).toBe(base.focusAreas[1]?.id);
    expect(areaAtPoint(layout, x, y)).toBe(base.focusAreas[1]?.id);
  });

  it('splits a column evenly between its goals', () => {
    const layout = layoutZones(base);
    const [a1, a2] = layout.goals.filter((g) => g.areaId === 'A');
    const c1 = layout.goals.find((g) => g.areaId === 'C');
    if (!a1 || !a2 || !c1) throw new Error('missing goals');
    expect(a1.h).toBe(a2.h);
    expect(c1.h).toBe(a1.h * 2 + ZONE_METRICS.goalGap);
  });
});

describe('goalColumns', () => {
  it('spreads goals evenly over the fewest columns of at most `rows` goals', () => {
    expect(goalColumns(0, 2)).toEqual([]);
    expect(goalColumns(1, 2)).toEqual([1]);
    expect(goalColumns(2, 2)).toEqual([2]);
    expect(goalColumns(3, 2)).toEqual([2, 1]);
    expect(goalColumns(4, 3)).toEqual([2, 2]);
    expect(goalColumns(7, 3)).toEqual([3, 2, 2]);
  });
});

describe('the board shape', () => {
  it('is landscape for both shipped templates, so it reads well on a projector', () => {
    for (const id of ['hsvo-2024-2026', 'nsu-2019']) {
      const { bounds } = layoutZones(template(id));
      expect(bounds.w / bounds.h, id).toBeGreaterThan(1.2);
    }
  });

  it("gives NSU's four-goal area two columns rather than one very tall one", () => {
    const layout = layoutZones(template('nsu-2019'));
    const columnsOfArea1 = new Set(layout.goals.filter((g) => g.areaId === '1').map((g) => g.x));
    expect(columnsOfArea1.size).toBe(2);
  });
});
