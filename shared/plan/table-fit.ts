/**
 * Whether a table's rows fit a template: the places the rows name (goal or
 * area ids, or their titles in the "Delmål"/"Fokusområde" columns), read once,
 * and whether a template finds every one of them (table-places.ts decides).
 */
import type { Template } from '../template.ts';
import { emptyPlan } from './plan-shell.ts';
import { locateHeader } from './table-header.ts';
import { placer, type RowPlace } from './table-places.ts';

/** The places the rows of `table` name, one per row that names any (empty: the table names none). */
export function namedPlaces(table: string[][]): RowPlace[] {
  const header = locateHeader(table);
  if (!header) return [];
  const cell = (row: string[], key: string) => {
    const at = header.columns.get(key) ?? header.derived.get(key);
    return at === undefined ? '' : (row[at] ?? '');
  };
  return table
    .slice(header.row + 1)
    .map((row) => ({
      goalId: cell(row, 'goalId'),
      focusAreaId: cell(row, 'focusAreaId'),
      goalText: cell(row, 'goal'),
      focusAreaText: cell(row, 'focusArea'),
    }))
    .filter((place) => Object.values(place).some((value) => value.trim() !== ''));
}

/** Whether `template` has a place for every one of `places`. */
export function placesAll(places: readonly RowPlace[], template: Template): boolean {
  const place = placer(template, emptyPlan(template));
  return places.every((row) => {
    const placement = place(row);
    return !('unknown' in placement) && !('none' in placement);
  });
}
