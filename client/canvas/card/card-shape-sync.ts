/**
 * What a person does to card shapes on one open canvas, carried over to `cards`
 * (where the shapes are is the layout's business, client/canvas/layout/):
 *  - deleting a card shape deletes the card (the undo toast offers it back);
 *  - a pasted or duplicated card shape copies its card into the goal under it,
 *    and the copy then gets its own shape from the layout.
 */
import type { Editor, TLShape, TLShapeId } from 'tldraw';
import type * as Y from 'yjs';
import { Origin } from '../../../shared/board-doc.ts';
import { createCard, deleteCard, readCard } from '../../../shared/card.ts';
import { CARD_TEXT_FIELDS, type Card } from '../../../shared/card-schema.ts';
import { type ActivityCardShape, cardShapeId, isActivityCardShape } from './ActivityCardShape.ts';

export interface CardShapeSyncOptions {
  doc: Y.Doc;
  /** The goal under a page point, by the current layout. */
  goalAt: (point: { x: number; y: number }) => string | null;
  /** Who copies a card when a card shape is duplicated. */
  personName: string;
  /** The person deleted these cards' shapes on the canvas (the Delete key): offer to undo it. */
  onCardsDeleted?: (cards: Card[]) => void;
}

const centreOf = (shape: ActivityCardShape) => ({ x: shape.x + shape.props.w / 2, y: shape.y + shape.props.h / 2 });

export function bindCardShapes(editor: Editor, options: CardShapeSyncOptions): () => void {
  const { doc } = options;
  /** Cards deleted here from the canvas, kept so that a shape brought back by tldraw's own undo restores them. */
  const deleted = new Map<string, Card>();
  // A card shape is the layout's: one the person added is taken out as a remote change, outside every history.
  const drop = (id: TLShapeId) => editor.store.mergeRemoteChanges(() => editor.store.remove([id]));

  /** A card shape the person added: a pasted/duplicated shape copies its card; an undone delete restores it. */
  const onShapeAdded = (shape: ActivityCardShape) => {
    const { cardId } = shape.props;
    const source = readCard(doc, cardId) ?? deleted.get(cardId);
    if (shape.id === cardShapeId(cardId)) {
      if (readCard(doc, cardId)) return;
      if (source) restoreCard(doc, source, options.goalAt(centreOf(shape)));
      else drop(shape.id);
      return;
    }
    drop(shape.id);
    if (!source) return;
    createCard(doc, {
      ...cardContent(source),
      goalId: options.goalAt(centreOf(shape)),
      createdBy: options.personName,
    });
  };

  const stopListening = editor.store.listen(
    ({ changes }) => {
      for (const record of Object.values(changes.added)) {
        if (isActivityCardShape(record as TLShape)) onShapeAdded(record as ActivityCardShape);
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

  return stopListening;
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
      coAuthors: card.coAuthors,
      createdAt: card.createdAt,
      order: card.order,
      status: card.status,
    },
    Origin.user,
  );
}
