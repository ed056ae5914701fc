/**
 * Where everything on the canvas goes: one pure function of the template and
 * the cards (their goal and order, as the document holds them), so every
 * client, the table and every export agree on the order and two clients
 * always draw the same board. Card and zone positions are never stored.
 *
 * Focus areas stand side by side (a wide board suits screens and projectors).
 * Inside an area, goals stack in columns of at most `rows` goals that share
 * the area's height; `rows` is picked per template (never per card count, so
 * adding a card never rearranges the columns) so that the empty board shows as
 * large as possible on a 16:9 screen. A goal's cards fill its zone below the
 * header in a grid, left to right, row by row, in their order. A goal zone
 * grows by rows as its cards need, its area grows with it (the other columns
 * of the area stretch to match) and shrinks back to the empty board's size
 * when cards go. An area without goals is itself one such zone (cardPlaces):
 * its cards' goalId is the area's id. Unplaced cards (no goal, or a goal the
 * template does not know) fill a strip below the board the same way.
 */
import { areaPlaceHeaderHeight, goalHeaderHeight } from './goal-header.ts';
import { cardPlaces, isAreaPlace, type Template } from './template.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface ZoneRect extends Rect {
  /** The area's or goal's id from the template ("A", "A1", "1.2" …); an area's own card zone: see placeZoneId. */
  id: string;
  kind: 'area' | 'goal';
  areaId: string;
  /** The id cards in the zone carry (a goal's, or a goal-less area's own); null for area zones. */
  goalId: string | null;
}

/** The zone id of a place: the goal's id, or for a goal-less area's own card zone "<area id>/cards" (unlike the area's). */
export const placeZoneId = (areaId: string, placeId: string): string =>
  placeId === areaId ? `${areaId}/cards` : placeId;

/** What the layout needs of a card, in the document's order (readCards' order). */
export interface LayoutCard {
  id: string;
  goalId: string | null;
  /** The card's size; the default card size when absent. */
  w?: number;
  h?: number;
}

/** A card's place: in its goal's zone, or (`zoneGoalId` null) in the unplaced strip. */
export interface CardSlot extends Rect {
  id: string;
  /** The goal zone the card is drawn in; null for the unplaced strip. */
  zoneGoalId: string | null;
  /** Its row in that zone's grid, from 0. */
  row: number;
}

export interface BoardLayout {
  areas: ZoneRect[];
  goals: ZoneRect[];
  /** The zones together (the strip of unplaced cards is below it). */
  bounds: Rect;
  /** The strip below the board for unplaced cards, as tall as they need (at least one row). */
  unplaced: Rect;
  /** Every card's slot, in input order. */
  cards: CardSlot[];
}

/** Page units (tldraw's coordinates). */
export const ZONE_METRICS = {
  goalWidth: 760,
  /** A goal's height on an empty board with one goal a column; goals grow from there as cards need. */
  goalHeight: 680,
  goalGap: 28,
  areaPadding: 28,
  /** Room above the goals for the area's label and title (up to three lines). */
  areaHeader: 240,
  areaGap: 64,
} as const;

/** Cards and their grid: three default cards side by side fill a goal zone. */
export const CARD_METRICS = { w: 232, h: 148, gap: 12, padding: 16, unplacedTop: 72, unplacedHeader: 64 } as const;

type TemplateShape = Pick<Template, 'focusAreas'>;

/** The free canvas of a 1920×1080 screen after the header and tldraw's panels; only its shape matters. */
const REFERENCE_VIEW = { w: 1700, h: 880 } as const;

/** How many goals go in each column of each area: `count` goals spread evenly over the fewest columns. */
export function goalColumns(count: number, rows: number): number[] {
  if (count === 0) return [];
  const columns = Math.ceil(count / rows);
  return Array.from({ length: columns }, (_, i) => Math.floor(count / columns) + (i < count % columns ? 1 : 0));
}

/** The goals' columns per row count; the one whose empty board best fits the reference view wins. */
function chooseRows(template: TemplateShape): number {
  const m = ZONE_METRICS;
  const mostGoals = Math.max(1, ...template.focusAreas.map((a) => cardPlaces(a).length));
  let best = { rows: 1, scale: 0 };
  for (let rows = 1; rows <= mostGoals; rows++) {
    const height = m.areaHeader + rows * m.goalHeight + (rows - 1) * m.goalGap + m.areaPadding;
    const width = template.focusAreas.reduce((sum, area) => {
      const columns = Math.max(1, goalColumns(cardPlaces(area).length, rows).length);
      return sum + columns * m.goalWidth + (columns - 1) * m.goalGap + 2 * m.areaPadding + m.areaGap;
    }, -m.areaGap);
    const scale = Math.min(REFERENCE_VIEW.w / width, REFERENCE_VIEW.h / height);
    // Strictly larger only: on a tie the fewer rows win, so the choice is stable.
    if (scale > best.scale + 1e-9) best = { rows, scale };
  }
  return best.rows;
}

interface Flow {
  /** Positions relative to the grid's top left, in input order. */
  slots: { x: number; y: number; w: number; h: number; row: number }[];
  height: number;
}

/** Cards left to right in rows of `width`, each row as tall as its tallest card. */
function flow(cards: readonly LayoutCard[], width: number): Flow {
  const { gap } = CARD_METRICS;
  const slots: Flow['slots'] = [];
  let x = 0;
  let top = 0;
  let rowHeight = 0;
  let row = 0;
  for (const card of cards) {
    const w = Math.min(card.w ?? CARD_METRICS.w, width);
    const h = card.h ?? CARD_METRICS.h;
    if (x > 0 && x + w > width) {
      top += rowHeight + gap;
      x = 0;
      rowHeight = 0;
      row++;
    }
    slots.push({ x, y: top, w, h, row });
    x += w + gap;
    rowHeight = Math.max(rowHeight, h);
  }
  return { slots, height: slots.length === 0 ? 0 : top + rowHeight };
}

/** The board for a template and its cards (in the document's order): zones, strip and every card's slot. */
export function layoutBoard(template: TemplateShape, cards: readonly LayoutCard[] = []): BoardLayout {
  const m = ZONE_METRICS;
  const { padding } = CARD_METRICS;
  const rows = chooseRows(template);
  const baseInner = rows * m.goalHeight + (rows - 1) * m.goalGap;
  const known = new Set(template.focusAreas.flatMap((area) => cardPlaces(area).map((goal) => goal.id)));
  const byGoal = new Map<string | null, LayoutCard[]>();
  for (const card of cards) {
    const key = card.goalId !== null && known.has(card.goalId) ? card.goalId : null;
    const list = byGoal.get(key) ?? [];
    list.push(card);
    byGoal.set(key, list);
  }
  const gridWidth = m.goalWidth - 2 * padding;
  const slotById = new Map<string, CardSlot>();

  const areas: ZoneRect[] = [];
  const goals: ZoneRect[] = [];
  let x = 0;
  let boardHeight = 0;
  for (const area of template.focusAreas) {
    const places = cardPlaces(area);
    const columns = goalColumns(places.length, rows);
    // Each goal's natural height: its empty-board share of the column, or what its header and cards need.
    let next = 0;
    const planned = columns.map((count) => {
      const base = (baseInner - (count - 1) * m.goalGap) / count;
      const column = places.slice(next, next + count);
      next += count;
      return column.map((goal) => {
        // An area's own zone sits under the area's title: its header shows the description only.
        const header = isAreaPlace(area, goal)
          ? areaPlaceHeaderHeight(goal, m.goalWidth)
          : goalHeaderHeight(goal, m.goalWidth);
        const grid = flow(byGoal.get(goal.id) ?? [], gridWidth);
        const needed = grid.height > 0 ? header + grid.height + padding : 0;
        return { goal, header, grid, h: Math.max(base, needed) };
      });
    });
    const columnHeight = (column: { h: number }[]) =>
      column.reduce((sum, goal) => sum + goal.h, 0) + (column.length - 1) * m.goalGap;
    const inner = Math.max(baseInner, ...planned.map(columnHeight));
    const columnCount = Math.max(1, columns.length);
    const areaWidth = columnCount * m.goalWidth + (columnCount - 1) * m.goalGap + 2 * m.areaPadding;
    const areaHeight = m.areaHeader + inner + m.areaPadding;
    areas.push({ id: area.id, kind: 'area', areaId: area.id, goalId: null, x, y: 0, w: areaWidth, h: areaHeight });
    planned.forEach((column, c) => {
      // A shorter column stretches its goals to the area's height, as on the empty board.
      const extra = (inner - columnHeight(column)) / column.length;
      let y = m.areaHeader;
      for (const { goal, header, grid, h } of column) {
        const zone: ZoneRect = {
          id: placeZoneId(area.id, goal.id),
          kind: 'goal',
          areaId: area.id,
          goalId: goal.id,
          x: x + m.areaPadding + c * (m.goalWidth + m.goalGap),
          y,
          w: m.goalWidth,
          h: h + extra,
        };
        goals.push(zone);
        const left = zone.x + padding;
        const top = zone.y + header;
        (byGoal.get(goal.id) ?? []).forEach((card, i) => {
          const at = grid.slots[i] as Flow['slots'][number];
          slotById.set(card.id, { ...at, id: card.id, zoneGoalId: goal.id, x: left + at.x, y: top + at.y });
        });
        y += zone.h + m.goalGap;
      }
    });
    boardHeight = Math.max(boardHeight, areaHeight);
    x += areaWidth + m.areaGap;
  }
  const bounds = { x: 0, y: 0, w: Math.max(0, x - m.areaGap), h: boardHeight };

  const stripWidth = Math.max(bounds.w, CARD_METRICS.w + 2 * padding);
  const strip = flow(byGoal.get(null) ?? [], stripWidth - 2 * padding);
  const stripTop = bounds.h + CARD_METRICS.unplacedTop;
  const unplaced = {
    x: 0,
    y: stripTop,
    w: stripWidth,
    h: CARD_METRICS.unplacedHeader + Math.max(CARD_METRICS.h, strip.height) + padding,
  };
  (byGoal.get(null) ?? []).forEach((card, i) => {
    const at = strip.slots[i] as Flow['slots'][number];
    slotById.set(card.id, {
      ...at,
      id: card.id,
      zoneGoalId: null,
      x: padding + at.x,
      y: stripTop + CARD_METRICS.unplacedHeader + at.y,
    });
  });
  return { areas, goals, bounds, unplaced, cards: cards.map((card) => slotById.get(card.id) as CardSlot) };
}

/** The zones of an empty board: what the camera fits to before any card is known. */
export function layoutZones(template: TemplateShape): BoardLayout {
  return layoutBoard(template, []);
}

export { areaAtPoint, dropTarget, goalAtPoint, goalZone } from './board-layout-hits.ts';
