/**
 * The tldraw records the layout stands for: one zone shape per area and goal
 * and one card shape per card, at their slots. Ids and stacking indices are
 * deterministic, so every client's store holds the same records; they are
 * never written to the document (see bind-layout.ts).
 */
import type { TLPageId, TLRecord, TLShape } from 'tldraw';
import type { BoardLayout } from '../../../shared/board-layout.ts';
import { type ActivityCardShape, CARD_TYPE, cardShapeId } from '../card/ActivityCardShape.ts';
import { zoneIndex, zoneRecords } from '../zones/zone-records.ts';

/**
 * The card shapes of a layout, all at one stacking index just above the zones (cards never
 * overlap, so their order among themselves does not matter): an index from the card's place on
 * the board would change for every later card whenever one card moves, and every page would
 * rewrite them all.
 */
export function cardRecords(layout: BoardLayout, pageId: TLPageId): ActivityCardShape[] {
  const index = zoneIndex(layout.areas.length + layout.goals.length);
  return layout.cards.map((slot) => ({
    typeName: 'shape',
    id: cardShapeId(slot.id),
    type: CARD_TYPE,
    x: slot.x,
    y: slot.y,
    rotation: 0,
    index,
    parentId: pageId,
    isLocked: false,
    opacity: 1,
    props: { cardId: slot.id, w: slot.w, h: slot.h },
    meta: {},
  }));
}

/** Every record of the layout: zones first (lowest on the page), then cards. */
export function layoutRecords(layout: BoardLayout, pageId: TLPageId): TLShape[] {
  return [...zoneRecords(layout, pageId), ...cardRecords(layout, pageId)];
}

/** Whether `actual` already sits where `expected` says (geometry, stacking, page): nothing to write. */
export function samePlace(actual: TLRecord | undefined, expected: TLShape): boolean {
  if (actual?.typeName !== 'shape') return false;
  const a = actual as TLShape;
  const aProps = a.props as Record<string, unknown>;
  const eProps = expected.props as Record<string, unknown>;
  return (
    a.type === expected.type &&
    a.x === expected.x &&
    a.y === expected.y &&
    a.rotation === expected.rotation &&
    a.index === expected.index &&
    a.parentId === expected.parentId &&
    a.isLocked === expected.isLocked &&
    Object.keys(eProps).every((key) => aProps[key] === eProps[key])
  );
}
