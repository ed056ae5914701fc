/**
 * The zone layout, for the canvas: the layout itself is shared/board-layout.ts
 * (a pure function of the template and the cards, which the server may use too).
 */
export {
  areaAtPoint,
  type BoardLayout,
  goalAtPoint,
  goalColumns,
  goalZone,
  layoutZones,
  ZONE_METRICS,
  type ZoneRect,
} from '../../../shared/board-layout.ts';

import type { BoardLayout } from '../../../shared/board-layout.ts';

/** The zones of a layout, without its cards. */
export type ZoneLayout = Pick<BoardLayout, 'areas' | 'goals' | 'bounds'>;
