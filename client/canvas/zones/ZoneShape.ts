/**
 * The zone shape: a focus area or one of its goals, drawn from the template.
 * Its record holds only geometry and ids, never titles: titles are looked up
 * in the template in each viewer's own language, so two people with different
 * interface languages never overwrite each other's zones.
 */
import { createShapePropsMigrationSequence, type RecordProps, T, type TLShape } from 'tldraw';

export const ZONE_TYPE = 'zone' as const;

export interface ZoneShapeProps {
  w: number;
  h: number;
  kind: 'area' | 'goal';
  areaId: string;
  /** The goal's template id; empty for an area zone. */
  goalId: string;
}

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [ZONE_TYPE]: ZoneShapeProps;
  }
}

export type ZoneShape = TLShape<typeof ZONE_TYPE>;

export const zoneShapeProps: RecordProps<ZoneShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.literalEnum('area', 'goal'),
  areaId: T.string,
  goalId: T.string,
};

/** Append-only: each change to the props gets a migration here, never an edit of an old one. */
export const zoneShapeMigrations = createShapePropsMigrationSequence({ sequence: [] });

export function isZoneShape(shape: { type: string }): shape is ZoneShape {
  return shape.type === ZONE_TYPE;
}
