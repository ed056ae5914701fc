/**
 * The zone records a layout stands for. Ids and stacking indices are
 * deterministic (`shape:zone-A`, `shape:zone-A1`), so every client draws the
 * same records; each client derives them from the template and the cards
 * (client/canvas/layout/), none is stored.
 */
import type { IndexKey, TLPageId, TLShapeId } from 'tldraw';
import type { BoardLayout, ZoneRect } from '../../../shared/board-layout.ts';
import { ZONE_TYPE, type ZoneShape } from './ZoneShape.ts';

export function zoneShapeId(zoneId: string): TLShapeId {
  return `shape:zone-${zoneId}` as TLShapeId;
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The n-th layout shape's stacking index: "a1", "a2" … "az", then "b00", "b01" ….
 * tldraw's own getIndices() adds random jitter in production builds, which
 * would make every client's stacking differ.
 */
export function zoneIndex(n: number): IndexKey {
  const i = n + 1;
  if (i < 62) return `a${BASE62[i]}` as IndexKey;
  const j = i - 62;
  if (j < 62 * 62) return `b${BASE62[Math.floor(j / 62)]}${BASE62[j % 62]}` as IndexKey;
  const k = j - 62 * 62;
  return `c${BASE62[Math.floor(k / 3844) % 62]}${BASE62[Math.floor(k / 62) % 62]}${BASE62[k % 62]}` as IndexKey;
}

/**
 * Areas first, then goals: the lowest indices on the page, so goals are drawn
 * over their area and everything people add lands above both.
 */
export function zoneRecords(layout: Pick<BoardLayout, 'areas' | 'goals'>, pageId: TLPageId): ZoneShape[] {
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
