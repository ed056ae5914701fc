/**
 * Where the zones go: a pure function of the template, so every client lays a
 * board out identically and the card work can ask "which goal is under this
 * point?" without tldraw.
 *
 * Focus areas stand side by side (a wide board suits screens and projectors).
 * Inside an area, goals stack in columns of at most `rows` goals that share
 * the area's height, so a one-goal area gets one tall goal zone. `rows` is
 * picked per template so the whole board shows as large as possible on a
 * typical 16:9 screen: HSVO (at most two goals an area) gets one column per
 * area, NSU (up to four) gets two columns for its largest area.
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
  /** Room above the goals for the area's label and title (up to three lines). */
  areaHeader: 240,
  areaGap: 64,
} as const;

type TemplateShape = Pick<Template, 'focusAreas'>;

/** The free canvas of a 1920×1080 screen after the header and tldraw's panels; only its shape matters. */
const REFERENCE_VIEW = { w: 1700, h: 880 } as const;

/** How many goals go in each column of each area: `count` goals spread evenly over the fewest columns. */
export function goalColumns(count: number, rows: number): number[] {
  if (count === 0) return [];
  const columns = Math.ceil(count / rows);
  return Array.from({ length: columns }, (_, i) => Math.floor(count / columns) + (i < count % columns ? 1 : 0));
}

function layoutWithRows(template: TemplateShape, rows: number): ZoneLayout {
  const m = ZONE_METRICS;
  const innerHeight = rows * m.goalHeight + (rows - 1) * m.goalGap;
  const areaHeight = m.areaHeader + innerHeight + m.areaPadding;

  const areas: ZoneRect[] = [];
  const goals: ZoneRect[] = [];
  let x = 0;
  for (const area of template.focusAreas) {
    const columns = goalColumns(area.goals.length, rows);
    const columnCount = Math.max(1, columns.length);
    const areaWidth = columnCount * m.goalWidth + (columnCount - 1) * m.goalGap + 2 * m.areaPadding;
    areas.push({ id: area.id, kind: 'area', areaId: area.id, goalId: null, x, y: 0, w: areaWidth, h: areaHeight });
    let next = 0;
    columns.forEach((count, column) => {
      const goalHeight = (innerHeight - (count - 1) * m.goalGap) / count;
      for (let row = 0; row < count; row++) {
        const goal = area.goals[next++];
        if (!goal) break;
        goals.push({
          id: goal.id,
          kind: 'goal',
          areaId: area.id,
          goalId: goal.id,
          x: x + m.areaPadding + column * (m.goalWidth + m.goalGap),
          y: m.areaHeader + row * (goalHeight + m.goalGap),
          w: m.goalWidth,
          h: goalHeight,
        });
      }
    });
    x += areaWidth + m.areaGap;
  }
  return { areas, goals, bounds: { x: 0, y: 0, w: Math.max(0, x - m.areaGap), h: areaHeight } };
}

/** The zones of a template, in template order: areas left to right, goals top to bottom, column by column. */
export function layoutZones(template: TemplateShape): ZoneLayout {
  const mostGoals = Math.max(1, ...template.focusAreas.map((a) => a.goals.length));
  let best: { layout: ZoneLayout; scale: number } | null = null;
  for (let rows = 1; rows <= mostGoals; rows++) {
    const layout = layoutWithRows(template, rows);
    const scale = Math.min(REFERENCE_VIEW.w / layout.bounds.w, REFERENCE_VIEW.h / layout.bounds.h);
    // Strictly larger only: on a tie the fewer rows win, so the choice is stable.
    if (!best || scale > best.scale + 1e-9) best = { layout, scale };
  }
  return (best as { layout: ZoneLayout }).layout;
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
