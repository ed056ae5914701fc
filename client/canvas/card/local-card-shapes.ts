/**
 * For a page that never writes the board (a viewer): a card without a shape
 * on the canvas (an imported plan nobody has opened on the canvas yet, a card
 * added in the table while no writer had the canvas open) is drawn here, in a
 * free slot of its goal zone, as a remote change of this page's store only:
 * the canvas binding never writes it, so the document stays untouched. The
 * shape a writer draws later has the same id and takes its place.
 */
import { type Editor, getIndexAbove, type TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import { canvasMap } from '../../../shared/board-doc.ts';
import { observeCards, readCard, readCards } from '../../../shared/card.ts';
import type { Template } from '../../../shared/template.ts';
import type { ZoneLayout } from '../zones/layout.ts';
import { type ActivityCardShape, CARD_SIZE, CARD_TYPE, cardShapeId, isActivityCardShape } from './ActivityCardShape.ts';
import { cardAreaOf, freeSlot, isPlacedConsistently, type Rect } from './card-placement.ts';

/** As long as a writer's client waits before drawing a new card itself: the creator's own shape comes first. */
const DRAW_DELAY_MS = 700;

const rectOf = (shape: ActivityCardShape): Rect => ({ x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h });

export function showShapelessCards(editor: Editor, options: { doc: Y.Doc; layout: ZoneLayout; template: Template }) {
  const { doc, layout } = options;
  const areaFor = cardAreaOf(layout, options.template);
  const store = editor.store;
  /** Drawn here and not (yet) in the document's canvas. */
  const isLocal = (id: TLShapeId) => store.has(id) && !canvasMap(doc).has(id);

  const draw = () => {
    const pageId = editor.getPages()[0]?.id ?? editor.getCurrentPageId();
    const shapes = editor.getCurrentPageShapes().filter(isActivityCardShape);
    const byCard = new Map(shapes.map((shape) => [shape.props.cardId, shape]));
    // Local shapes whose card moved to another goal (in the table) are placed again, like missing ones.
    const toPlace = readCards(doc).filter((card) => {
      const shape = byCard.get(card.id);
      return !shape || (isLocal(shape.id) && !isPlacedConsistently(layout, card.goalId, rectOf(shape)));
    });
    if (toPlace.length === 0) return;
    const moving = new Set(toPlace.map((card) => card.id));
    const occupied = shapes.filter((shape) => !moving.has(shape.props.cardId)).map(rectOf);
    let index = editor.getHighestIndexForParent(pageId);
    const records = toPlace.map((card) => {
      const at = freeSlot(areaFor(card.goalId), CARD_SIZE, occupied);
      occupied.push({ ...at, ...CARD_SIZE });
      const record = store.schema.types.shape.create({
        id: cardShapeId(card.id),
        type: CARD_TYPE,
        parentId: pageId,
        index,
        x: at.x,
        y: at.y,
        props: { cardId: card.id, ...CARD_SIZE },
      });
      index = getIndexAbove(index);
      return record;
    });
    store.mergeRemoteChanges(() => store.put(records));
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const drawSoon = () => {
    clearTimeout(timer);
    timer = setTimeout(draw, DRAW_DELAY_MS);
  };
  const stopObserving = observeCards(doc, (changes) => {
    const gone = [...changes.removed].filter((id) => !readCard(doc, id) && isLocal(cardShapeId(id))).map(cardShapeId);
    if (gone.length) store.mergeRemoteChanges(() => store.remove(gone));
    if (changes.added.size > 0 || changes.goalChanged.size > 0) drawSoon();
  });
  draw();
  return () => {
    clearTimeout(timer);
    stopObserving();
  };
}
