/**
 * The zone records a board should hold, built from the layout. Ids and
 * stacking indices are deterministic (`shape:zone-A`, `shape:zone-A1`), so two
 * clients opening a new board at the same moment write identical records and
 * converge instead of drawing every zone twice.
 */
import { getIndices, type IndexKey, type TLPageId, type TLShapeId } from 'tldraw';
import type { ZoneLayout, ZoneRect } from './layout.ts';
import { ZONE_TYPE, type ZoneShape } from './ZoneShape.ts';

export function zoneShapeId(zoneId: string): TLShapeId {
  return `shape:zone-${zoneId}` as TLShapeId;
}

/**
 * Areas first, then goals: the lowest indices on the page, so goals are drawn
 * over their area and everything people add lands above both.
 */
export function zoneRecords(layout: ZoneLayout, pageId: TLPageId): ZoneShape[] {
  const rects: ZoneRect[] = [...layout.areas, ...layout.goals];
  const indices: IndexKey[] = getIndices(rects.length + 1).slice(1);
  return rects.map((rect, i) => ({
    typeName: 'shape',
    id: zoneShapeId(rect.id),
    type: ZONE_TYPE,
    x: rect.x,
    y: rect.y,
    rotation: 0,
    index: indices[i] as IndexKey,
    parentId: pageId,
    isLocked: true,
    opacity: 1,
    props: { w: rect.w, h: rect.h, kind: rect.kind, areaId: rect.areaId, goalId: rect.goalId ?? '' },
    meta: {},
  }));
}

/** True when a stored zone still matches what the template says (position, size, lock, ids). */
export function zoneMatches(actual: ZoneShape | undefined, expected: ZoneShape): boolean {
  if (!actual) return false;
  return (
    actual.type === expected.type &&
    actual.x === expected.x &&
    actual.y === expected.y &&
    actual.rotation === expected.rotation &&
    actual.parentId === expected.parentId &&
    actual.isLocked === expected.isLocked &&
    actual.opacity === expected.opacity &&
    actual.index === expected.index &&
    actual.props.w === expected.props.w &&
    actual.props.h === expected.props.h &&
    actual.props.kind === expected.props.kind &&
    actual.props.areaId === expected.props.areaId &&
    actual.props.goalId === expected.props.goalId
  );
}

/** The records that must be (re)written so the board matches the template. */
export function zonesToRepair(
  expected: readonly ZoneShape[],
  get: (id: TLShapeId) => ZoneShape | undefined,
): ZoneShape[] {
  return expected.filter((zone) => !zoneMatches(get(zone.id), zone));
}
