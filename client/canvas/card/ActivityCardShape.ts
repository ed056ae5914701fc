/**
 * The activity-card shape, declared once: type, props, migrations and id rule.
 * A card shape is only a view: it carries the card's id and its size; the
 * content lives in the document's `cards` map and is read from there.
 */

import { createShapePropsMigrationSequence, type RecordProps, T, type TLShape, type TLShapeId } from 'tldraw';
import { CARD_METRICS } from '../../../shared/board-layout.ts';

export const CARD_TYPE = 'activity-card' as const;

export interface ActivityCardShapeProps {
  cardId: string;
  w: number;
  h: number;
}

declare module 'tldraw' {
  export interface TLGlobalShapePropsMap {
    [CARD_TYPE]: ActivityCardShapeProps;
  }
}

export type ActivityCardShape = TLShape<typeof CARD_TYPE>;

export const activityCardProps: RecordProps<ActivityCardShape> = {
  cardId: T.string,
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
};

/** Append-only: each change to the props gets a migration here, never an edit of an old one. */
export const activityCardMigrations = createShapePropsMigrationSequence({ sequence: [] });

/** Page units; three cards side by side fit a goal zone. */
export const CARD_SIZE = { w: CARD_METRICS.w, h: CARD_METRICS.h } as const;

/**
 * The one shape of a card. Derived from the card id, so two people opening a
 * board at once create the same record for a shapeless card, not two shapes.
 */
export function cardShapeId(cardId: string): TLShapeId {
  return `shape:card-${cardId}` as TLShapeId;
}

export function isActivityCardShape(shape: { type: string } | undefined): shape is ActivityCardShape {
  return shape?.type === CARD_TYPE;
}
