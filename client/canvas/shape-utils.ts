/**
 * Samtavla's own shapes, registered both in createTLStore and on <Tldraw>.
 * The activity-card shape (client/canvas/card/) joins this list.
 */
import { defaultShapeUtils, EmbedShapeUtil, type TLAnyShapeUtilConstructor } from 'tldraw';
import { ActivityCardShapeUtil } from './card/ActivityCardShapeUtil.tsx';
import { ZoneShapeUtil } from './zones/ZoneShapeUtil.tsx';

/**
 * An embed loads another site's page in a frame for everyone on the board, and
 * the server refuses records that load from another origin
 * (shared/canvas-contract.ts): none is offered, so a pasted link becomes a bookmark.
 */
const EmbedWithoutSites = EmbedShapeUtil.configure({ embedDefinitions: [] });

export const customShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ZoneShapeUtil,
  ActivityCardShapeUtil,
  EmbedWithoutSites,
];

const ownTypes = new Set(customShapeUtils.map((util) => util.type));

/** tldraw's default shapes with ours, ours replacing a default of the same type (as <Tldraw> merges them). */
export const boardShapeUtils: readonly TLAnyShapeUtilConstructor[] = [
  ...defaultShapeUtils.filter((util) => !ownTypes.has(util.type)),
  ...customShapeUtils,
];
