/**
 * Where the zones go: a pure function of the template, so every client lays a
 * board out identically and the card work can ask "which goal is under this
 * point?" without tldraw.
 *
 * Focus areas stand side by side as columns (a wide board suits screens and
 * projectors); each area's goals are stacked inside its column, and share the
 * column's height, so a one-goal area gets one tall goal zone.
 */
import type { Template } from '../../../shared/template.ts';

export interface ZoneRect {
  /** The area's or goal's id from the template ("A", "A1", "1.2" …). */
  id: string;
  kind: 'area' | 'goal';
  areaId: string;
  /** The goal's id for goal zones, null for area zones. */
  goalId: string | null;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ZoneLayout {
  areas: ZoneRect[];
  goals: ZoneRect[];
  bounds: { x: number; y: number; w: number; h: number };
}

/** Page units (tldraw's coordinates). Roomy goal zones: activity cards go inside them. */
export const ZONE_METRICS = {
  goalWidth: 760,
  goalHeight: 680,
  goalGap: 28,
  areaPadding: 28,
  /** Room above the goals for the area's label and title (two lines). */
  areaHeader: 210,
  areaGap: 64,
} as const;

type TemplateShape = Pick<Template, 'focusAreas'>;

export function layoutZones(template: TemplateShape): ZoneLayout {
  const m = ZONE_METRICS;
  const mostGoals = Math.max(1, ...template.focusAreas.map((a) => a.goals.length));
  const innerHeight = mostGoals * m.goalHeight + (mostGoals - 1) * m.goalGap;
  const areaWidth = m.goalWidth + 2 * m.areaPadding;
  const areaHeight = m.areaHeader + innerHeight + m.areaPadding;

  const areas: ZoneRect[] = [];
  const goals: ZoneRect[] = [];
  template.focusAreas.forEach((area, column) => {
    const x = column * (areaWidth + m.areaGap);
    areas.push({ id: area.id, kind: 'area', areaId: area.id, goalId: null, x, y: 0, w: areaWidth, h: areaHeight });
    const count = area.goals.length;
    const goalHeight = count > 0 ? (innerHeight - (count - 1) * m.goalGap) / count : 0;
    area.goals.forEach((goal, row) => {
      goals.push({
        id: goal.id,
        kind: 'goal',
        areaId: area.id,
        goalId: goal.id,
        x: x + m.areaPadding,
        y: m.areaHeader + row * (goalHeight + m.goalGap),
        w: m.goalWidth,
        h: goalHeight,
      });
    });
  });

  const columns = template.focusAreas.length;
  return {
    areas,
    goals,
    bounds: { x: 0, y: 0, w: columns * areaWidth + (columns - 1) * m.areaGap, h: areaHeight },
  };
}

function contains(rect: ZoneRect, x: number, y: number): boolean {
  return x >= rect.x && x <= rect.x + rect.w && y >= rect.y && y <= rect.y + rect.h;
}

/** The goal whose zone holds the point (page coordinates), or null when it is outside every goal. */
export function goalAtPoint(layout: ZoneLayout, x: number, y: number): string | null {
  return layout.goals.find((goal) => contains(goal, x, y))?.goalId ?? null;
}

/** The focus area whose zone holds the point, or null: for cards dropped on an area but not on a goal. */
export function areaAtPoint(layout: ZoneLayout, x: number, y: number): string | null {
  return layout.areas.find((area) => contains(area, x, y))?.areaId ?? null;
}
