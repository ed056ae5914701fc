/**
 * The zone records a board should hold, built from the layout. Ids and
 * stacking indices are deterministic (`shape:zone-A`, `shape:zone-A1`), so two
 * clients opening a new board at the same moment write identical records and
 * converge instead of drawing every zone twice.
 */
import type { IndexKey, TLPageId, TLShapeId } from 'tldraw';
import type { ZoneLayout, ZoneRect } from './layout.ts';
import { ZONE_TYPE, type ZoneShape } from './ZoneShape.ts';

export function zoneShapeId(zoneId: string): TLShapeId {
  return `shape:zone-${zoneId}` as TLShapeId;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The n-th zone's stacking index: "a1", "a2" … "az", then "b00", "b01" ….
 * tldraw's own getIndices() adds random jitter in production builds, which
 * would make every client's zones differ and "repair" each other forever.
 */
export function zoneIndex(n: number): IndexKey {
  const i = n + 1;
  if (i < 62) return `a${BASE62[i]}` as IndexKey;
  const j = i - 62;
  return `b${BASE62[Math.floor(j / 62) % 62]}${BASE62[j % 62]}` as IndexKey;
}

/**
 * Areas first, then goals: the lowest indices on the page, so goals are drawn
 * over their area and everything people add lands above both.
 */
export function zoneRecords(layout: ZoneLayout, pageId: TLPageId): ZoneShape[] {
  const rects: ZoneRect[] = [...layout.areas, ...layout.goals];
  return rects.map((rect, i) => ({
    typeName: 'shape',
    id: zoneShapeId(rect.id),
    type: ZONE_TYPE,
    x: rect.x,
    y: rect.y,
    rotation: 0,
    index: zoneIndex(i),
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

/** The zones the board does not hold at all: what anyone who may edit writes when opening a board. */
export function missingZones(
  expected: readonly ZoneShape[],
  get: (id: TLShapeId) => ZoneShape | undefined,
): ZoneShape[] {
  return expected.filter((zone) => get(zone.id) === undefined);
}
