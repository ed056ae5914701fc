/**
 * Samtavla's own shapes, registered both in createTLStore and on <Tldraw>.
 * The activity-card shape (client/canvas/card/) joins this list.
 */
import type { TLAnyShapeUtilConstructor } from 'tldraw';
import { ActivityCardShapeUtil } from './card/ActivityCardShapeUtil.tsx';
import { ZoneShapeUtil } from './zones/ZoneShapeUtil.tsx';

export const customShapeUtils: readonly TLAnyShapeUtilConstructor[] = [ZoneShapeUtil, ActivityCardShapeUtil];
