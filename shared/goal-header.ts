/**
 * How tall a goal zone's header (badge, title, direction) is, estimated from
 * the template's texts rather than measured in the page, so every client
 * (whatever its fonts or language) lays the board out identically.
 */
import type { Goal } from './template.ts';

/**
 * The header's type in page units (zones.css: title 28px/1.25, direction
 * 19px/1.4), with character widths fitted on the shipped templates' headers as
 * Chromium draws them, erring on the tall side.
 */
const HEADER_TYPE = { top: 68, titleLine: 35, titleChar: 19.75, directionLine: 26.6, directionChar: 13.75, gap: 12 };

/**
 * The header of a goal-less area's own card zone: no badge or title (the area's
 * title is right above), only the area's description when it has one.
 */
export function areaPlaceHeaderHeight(place: Pick<Goal, 'direction'>, zoneWidth: number): number {
  if (!place.direction) return 24;
  // zones.css .zone__area-description: 23px/1.4 type, 26px side and 16px top padding; erring on the tall side.
  const textWidth = zoneWidth - 52;
  const chars = Math.max(place.direction.sv.length, place.direction.en.length);
  return Math.ceil(16 + Math.ceil((chars * 16.6) / textWidth) * 33 + 16);
}

/** The header's height for the longest wording (Swedish or English) of the goal's texts. */
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
