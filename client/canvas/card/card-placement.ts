/**
 * Where cards go on the board, as pure functions of the zone layout (tested
 * without tldraw). The zone-membership rule: a card belongs to the goal whose
 * zone holds the card's centre; outside every goal zone it is unplaced.
 */
import { findGoal, type Goal, type Template } from '../../../shared/template.ts';
import { goalAtPoint, type ZoneLayout, type ZoneRect } from '../zones/layout.ts';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Size {
  w: number;
  h: number;
}

/** Spacing of card slots; `header` is the room kept above cards when a goal's header height is unknown. */
export const SLOT_METRICS = { header: 230, padding: 16, gap: 12, unplacedTop: 72, lowestRow: 180 } as const;

/**
 * The goal header's type in page units (zones.css: title 28px/1.25, direction
 * 19px/1.4), with character widths fitted on the shipped templates' headers as
 * Chromium draws them, erring on the tall side.
 */
const HEADER_TYPE = { top: 68, titleLine: 35, titleChar: 19.75, directionLine: 26.6, directionChar: 13.75, gap: 12 };

/**
 * An estimate of how tall a goal zone's header is (badge, title, direction),
 * from the longest wording of its texts, so cards are placed below it. An
 * estimate from the template, not a DOM measurement, so every client (whatever
 * its fonts or language) computes the same slots.
 */
export function goalHeaderHeight(goal: Pick<Goal, 'title' | 'direction'>, zoneWidth: number): number {
  const textWidth = zoneWidth - 140;
  const lines = (chars: number, charWidth: number) => Math.ceil((chars * charWidth) / textWidth);
  const title = Math.max(goal.title.sv.length, goal.title.en.length);
  let height = HEADER_TYPE.top + lines(title, HEADER_TYPE.titleChar) * HEADER_TYPE.titleLine;
  if (goal.direction) {
    // The direction starts with its label ("Inriktning: "), about a dozen characters.
    const direction = Math.max(goal.direction.sv.length, goal.direction.en.length) + 12;
    height += HEADER_TYPE.gap + lines(direction, HEADER_TYPE.directionChar) * HEADER_TYPE.directionLine;
  }
  return Math.max(130, Math.ceil(height));
}

/** The goal a card at `rect` belongs to, or null when its centre is outside every goal zone. */
export function goalForCard(layout: ZoneLayout, rect: Rect): string | null {
  return goalAtPoint(layout, rect.x + rect.w / 2, rect.y + rect.h / 2);
}

/** Whether a card's shape sits where its goal says: in that goal's zone, or outside all of them when it has none. */
export function isPlacedConsistently(layout: ZoneLayout, goalId: string | null, rect: Rect): boolean {
  const zone = goalId ? goalZone(layout, goalId) : undefined;
  return goalForCard(layout, rect) === (zone ? goalId : null);
}

export function goalZone(layout: ZoneLayout, goalId: string): ZoneRect | undefined {
  return layout.goals.find((goal) => goal.goalId === goalId);
}

/** The strip below the board where unplaced cards land. */
export function unplacedArea(layout: ZoneLayout): Rect {
  const { bounds } = layout;
  return { x: bounds.x, y: bounds.y + bounds.h + SLOT_METRICS.unplacedTop, w: bounds.w, h: Number.POSITIVE_INFINITY };
}

/**
 * The card area of a goal zone (below its header, `headerOf` gives the
 * header's height) or, for no goal or an unknown one, the unplaced strip.
 */
export function cardArea(
  layout: ZoneLayout,
  goalId: string | null,
  headerOf: (goalId: string) => number = () => SLOT_METRICS.header,
): Rect {
  const zone = goalId ? goalZone(layout, goalId) : undefined;
  if (!zone) return unplacedArea(layout);
  const { padding } = SLOT_METRICS;
  // However tall the header, one row of cards fits below it (overlapping the header's last lines if need be).
  const top = Math.max(0, Math.min(headerOf(zone.goalId ?? ''), zone.h - SLOT_METRICS.lowestRow));
  return { x: zone.x + padding, y: zone.y + top, w: zone.w - 2 * padding, h: zone.h - top - padding };
}

/** `cardArea` for a template's own goal headers: where new cards of each goal go. */
export function cardAreaOf(layout: ZoneLayout, template: Template): (goalId: string | null) => Rect {
  const headerOf = (goalId: string) => {
    const goal = findGoal(template, goalId)?.goal;
    return goal ? goalHeaderHeight(goal, goalZone(layout, goalId)?.w ?? 760) : 0;
  };
  return (goalId) => cardArea(layout, goalId, headerOf);
}

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/**
 * The first grid slot in `area` that no `occupied` rect overlaps. When every
 * slot is taken, cards cascade over the grid with a small offset, staying
 * inside the area (so they stay in their goal).
 */
export function freeSlot(area: Rect, size: Size, occupied: readonly Rect[]): { x: number; y: number } {
  const { gap } = SLOT_METRICS;
  const columns = Math.max(1, Math.floor((area.w + gap) / (size.w + gap)));
  const rows = Number.isFinite(area.h) ? Math.max(1, Math.floor((area.h + gap) / (size.h + gap))) : 1_000;
  const slot = (i: number) => ({
    x: area.x + (i % columns) * (size.w + gap),
    y: area.y + Math.floor(i / columns) * (size.h + gap),
  });
  const count = columns * rows;
  for (let i = 0; i < count; i++) {
    const at = slot(i);
    if (!occupied.some((rect) => overlaps(rect, { ...at, ...size }))) return at;
  }
  const cascade = occupied.length - count;
  const base = slot(((cascade % count) + count) % count);
  const offset = 14 * (1 + (Math.floor(cascade / count) % 4));
  return { x: base.x + offset, y: Math.min(base.y + offset, area.y + area.h - size.h) };
}

/**
 * Top-left for a card centred on `point`, moved just enough to lie wholly
 * inside the goal zone under the point (so its centre, and its goal, stay put).
 */
export function placeAt(layout: ZoneLayout, point: { x: number; y: number }, size: Size): { x: number; y: number } {
  const x = point.x - size.w / 2;
  const y = point.y - size.h / 2;
  const goalId = goalAtPoint(layout, point.x, point.y);
  const zone = goalId ? goalZone(layout, goalId) : undefined;
  if (!zone) return { x, y };
  const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), Math.max(min, max));
  return { x: clamp(x, zone.x, zone.x + zone.w - size.w), y: clamp(y, zone.y, zone.y + zone.h - size.h) };
}
