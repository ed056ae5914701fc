/**
 * Keeps card shapes and `cards` in step on one open canvas:
 *  - every card has exactly one shape, `shape:card-<cardId>`: a card without
 *    one (import, table view, another client) gets one in a free slot of its
 *    goal zone; a shape whose card is gone is removed;
 *  - moving a card shape sets the card's goal (the zone-membership rule in
 *    card-placement.ts); a goal set elsewhere (table, another client) moves
 *    the shape into that goal's zone;
 *  - deleting a card shape deletes the card; undoing that brings it back.
 *
 * Ordering matters for the others: our store listener is registered after the
 * canvas binding's, so a moved shape reaches the others before its new goal,
 * and when the goal arrives the shape is already in the right zone.
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import { Origin } from '../../../shared/board-doc.ts';
import { createCard, deleteCard, moveCard, observeCards, readCard, readCards } from '../../../shared/card.ts';
import { CARD_TEXT_FIELDS, type Card } from '../../../shared/card-schema.ts';
import type { Template } from '../../../shared/template.ts';
import { writeAutomatically } from '../yjs-binding.ts';
import type { ZoneLayout } from '../zones/layout.ts';
import { type ActivityCardShape, CARD_SIZE, CARD_TYPE, cardShapeId, isActivityCardShape } from './ActivityCardShape.ts';
import { cardAreaOf, freeSlot, goalForCard, isPlacedConsistently, type Rect } from './card-placement.ts';

/** How long a client waits for a new card's own shape (drawn by its creator) before drawing one itself. */
const ENSURE_DELAY_MS = 700;

export interface CardShapeSyncOptions {
  doc: Y.Doc;
  layout: ZoneLayout;
  template: Template;
  /** Who copies a card when a card shape is duplicated. */
  personName: string;
  /** The person deleted these cards' shapes on the canvas (the Delete key): offer to undo it. */
  onCardsDeleted?: (cards: Card[]) => void;
  /** Subscribes to "the document re-synced" (reconnects): the whole board is checked again. */
  onResync?: (check: () => void) => () => void;
}

const rectOf = (shape: ActivityCardShape): Rect => ({ x: shape.x, y: shape.y, w: shape.props.w, h: shape.props.h });

export function bindCardShapes(editor: Editor, options: CardShapeSyncOptions): () => void {
  const { doc, layout, template } = options;
  const areaFor = cardAreaOf(layout, template);
  /** Cards deleted here from the canvas, kept so that undo can bring them back. */
  const deleted = new Map<string, Card>();

  const cardShapes = (): ActivityCardShape[] => editor.getCurrentPageShapes().filter(isActivityCardShape);
  const shapeOf = (cardId: string) => editor.getShape<ActivityCardShape>(cardShapeId(cardId));
  const otherRects = (except?: TLShapeId): Rect[] =>
    cardShapes()
      .filter((shape) => shape.id !== except)
      .map(rectOf);
  // Sync writes stay out of both undo histories: undo must only take back what the person did.
  const quietly = (fn: () => void) => writeAutomatically(editor.store, () => editor.run(fn, { history: 'ignore' }));

  const placeNew = (card: Card, occupied: Rect[]) => {
    const at = freeSlot(areaFor(card.goalId), CARD_SIZE, occupied);
    occupied.push({ ...at, ...CARD_SIZE });
    return {
      id: cardShapeId(card.id),
      type: CARD_TYPE,
      x: at.x,
      y: at.y,
      props: { cardId: card.id, w: CARD_SIZE.w, h: CARD_SIZE.h },
    };
  };

  const relocate = (card: Card, shape: ActivityCardShape, occupied = otherRects(shape.id)) => {
    const at = freeSlot(areaFor(card.goalId), shape.props, occupied);
    occupied.push({ ...at, w: shape.props.w, h: shape.props.h });
    return { id: shape.id, type: CARD_TYPE, x: at.x, y: at.y };
  };

  const isBeingDragged = (shape: ActivityCardShape) =>
    editor.isIn('select.translating') && editor.getSelectedShapeIds().includes(shape.id);

  /** The whole board: shapes for shapeless cards, no orphan shapes, shapes in their card's zone. */
  const checkAll = () => {
    const cards = readCards(doc);
    const byId = new Map(cards.map((card) => [card.id, card]));
    const remove: TLShapeId[] = [];
    const shapes = new Map<string, ActivityCardShape>();
    for (const shape of cardShapes()) {
      const { cardId } = shape.props;
      if (!byId.has(cardId) || shape.id !== cardShapeId(cardId)) remove.push(shape.id);
      else shapes.set(cardId, shape);
    }
    const misplaced = cards.flatMap((card) => {
      const shape = shapes.get(card.id);
      if (!shape || isBeingDragged(shape) || isPlacedConsistently(layout, card.goalId, rectOf(shape))) return [];
      return [{ card, shape }];
    });
    // Slots are taken in turn by the shapes that stay, the new ones and the moved ones, so none land on another.
    const moving = new Set(misplaced.map(({ shape }) => shape.id));
    const occupied = [...shapes.values()].filter((shape) => !moving.has(shape.id)).map(rectOf);
    const create = cards.filter((card) => !shapes.has(card.id)).map((card) => placeNew(card, occupied));
    const update = misplaced.map(({ card, shape }) => relocate(card, shape, occupied));
    if (remove.length + create.length + update.length === 0) return;
    quietly(() => {
      if (remove.length) editor.deleteShapes(remove);
      if (create.length) editor.createShapes(create);
      if (update.length) editor.updateShapes(update);
    });
  };

  // New cards wait together, so an import of hundreds of cards is drawn in one batch, not one by one.
  const waiting = new Set<string>();
  const drawWaiting = () => {
    const occupied = otherRects();
    const create = [...waiting]
      .map((id) => readCard(doc, id))
      .filter((card): card is Card => card !== undefined && !shapeOf(card.id))
      .map((card) => placeNew(card, occupied));
    waiting.clear();
    if (create.length) quietly(() => editor.createShapes(create));
  };

  const stopObserving = observeCards(doc, (changes) => {
    const removeShapes = [...changes.removed].filter((id) => !readCard(doc, id) && shapeOf(id)).map(cardShapeId);
    if (removeShapes.length) quietly(() => editor.deleteShapes(removeShapes));
    if (changes.added.size > 0) {
      if (waiting.size === 0) editor.timers.setTimeout(drawWaiting, ENSURE_DELAY_MS);
      for (const id of changes.added) waiting.add(id);
    }
    for (const id of changes.goalChanged) {
      const card = readCard(doc, id);
      const shape = shapeOf(id);
      if (!card || !shape || isBeingDragged(shape) || isPlacedConsistently(layout, card.goalId, rectOf(shape))) {
        continue;
      }
      quietly(() => editor.updateShapes([relocate(card, shape)]));
    }
  });

  /** A card shape the person added: a pasted/duplicated shape copies its card; an undone delete restores it. */
  const onShapeAdded = (shape: ActivityCardShape) => {
    const { cardId } = shape.props;
    const source = readCard(doc, cardId) ?? deleted.get(cardId);
    if (shape.id === cardShapeId(cardId)) {
      if (readCard(doc, cardId)) return;
      if (source) restoreCard(doc, source, goalForCard(layout, rectOf(shape)));
      else quietly(() => editor.deleteShapes([shape.id]));
      return;
    }
    quietly(() => editor.deleteShapes([shape.id]));
    if (!source) return;
    const copyId = createCard(doc, {
      ...cardContent(source),
      goalId: goalForCard(layout, rectOf(shape)),
      createdBy: options.personName,
    });
    const copy = {
      id: cardShapeId(copyId),
      type: CARD_TYPE,
      x: shape.x,
      y: shape.y,
      props: { ...shape.props, cardId: copyId },
    };
    quietly(() => editor.createShapes([copy]));
  };

  const stopListening = editor.store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) {
        if (isActivityCardShape(record as TLShape)) onShapeAdded(record as ActivityCardShape);
      }
      for (const [, to] of Object.values(changes.updated)) {
        if (!isActivityCardShape(to as TLShape)) continue;
        const shape = to as ActivityCardShape;
        const card = readCard(doc, shape.props.cardId);
        if (!card || shape.id !== cardShapeId(card.id)) continue;
        if (!isPlacedConsistently(layout, card.goalId, rectOf(shape))) {
          moveCard(doc, card.id, goalForCard(layout, rectOf(shape)));
        }
      }
      const removedCards: Card[] = [];
      for (const record of Object.values(changes.removed)) {
        if (!isActivityCardShape(record as TLShape)) continue;
        const { cardId } = (record as ActivityCardShape).props;
        const card = readCard(doc, cardId);
        if (!card || record.id !== cardShapeId(cardId)) continue;
        deleted.set(cardId, card);
        deleteCard(doc, cardId);
        removedCards.push(card);
      }
      if (removedCards.length > 0) options.onCardsDeleted?.(removedCards);
    },
    { source: 'user', scope: 'document' },
  );

  checkAll();
  const stopResync = options.onResync?.(checkAll);
  return () => {
    stopObserving();
    stopListening();
    stopResync?.();
  };
}

/** The card's fields and parties as createCard takes them. */
function cardContent(card: Card) {
  return {
    fields: Object.fromEntries(CARD_TEXT_FIELDS.map((field) => [field, card[field]])),
    parties: card.parties,
  };
}

function restoreCard(doc: Y.Doc, card: Card, goalId: string | null): void {
  createCard(
    doc,
    {
      ...cardContent(card),
      id: card.id,
      goalId,
      createdBy: card.createdBy,
      createdAt: card.createdAt,
      order: card.order,
      status: card.status,
    },
    Origin.user,
  );
}
