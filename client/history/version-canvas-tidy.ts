/**
 * A version's canvas as the live canvas would show it. The live canvas keeps
 * shapes and cards in step while someone has it open (card-shape-sync.ts);
 * a version saved while everyone was in the table can hold a shape whose card
 * is gone, or a card with no shape yet. A read-only editor takes no edits, so
 * this fixes the version's store directly, as remote changes: nothing of it
 * reaches any document.
 */
import type { Editor, IndexKey, TLShape, TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import { readCards } from '../../shared/card.ts';
import { findGoal, type Template } from '../../shared/template.ts';
import {
  type ActivityCardShape,
  CARD_SIZE,
  CARD_TYPE,
  cardShapeId,
  isActivityCardShape,
} from '../canvas/card/ActivityCardShape.ts';
import { cardArea, freeSlot, goalHeaderHeight, goalZone, type Rect } from '../canvas/card/card-placement.ts';
import type { ZoneLayout } from '../canvas/zones/layout.ts';

export function tidyVersionCanvas(editor: Editor, doc: Y.Doc, layout: ZoneLayout, template: Template): void {
  const cards = readCards(doc);
  const ids = new Set(cards.map((card) => card.id));
  const shapes = editor.getCurrentPageShapes().filter(isActivityCardShape) as ActivityCardShape[];
  const orphans = shapes.filter((shape) => !ids.has(shape.props.cardId)).map((shape) => shape.id);
  const drawn = new Set(shapes.map((shape) => shape.props.cardId));
  const occupied: Rect[] = shapes
    .filter((shape) => ids.has(shape.props.cardId))
    .map((shape) => ({ x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h }));
  const headerOf = (goalId: string) => {
    const goal = findGoal(template, goalId)?.goal;
    return goal ? goalHeaderHeight(goal, goalZone(layout, goalId)?.w ?? 760) : 0;
  };
  const pageId = editor.getCurrentPageId();
  const top = editor.getHighestIndexForParent(pageId);
  const missing = cards
    .filter((card) => !drawn.has(card.id))
    .map((card, index) => {
      const at = freeSlot(cardArea(layout, card.goalId, headerOf), CARD_SIZE, occupied);
      occupied.push({ ...at, ...CARD_SIZE });
      return editor.store.schema.types.shape.create({
        id: cardShapeId(card.id),
        type: CARD_TYPE,
        parentId: pageId,
        index: `${top}${index.toString(36).padStart(4, '0')}` as IndexKey,
        x: at.x,
        y: at.y,
        props: { cardId: card.id, ...CARD_SIZE },
      } as unknown as TLShape);
    });
  if (orphans.length === 0 && missing.length === 0) return;
  editor.store.mergeRemoteChanges(() => {
    if (orphans.length) editor.store.remove(orphans as TLShapeId[]);
    if (missing.length) editor.store.put(missing);
  });
}
