/**
 * The board's cards as React state. One store per document re-reads only the
 * cards a transaction touched, so unchanged cards keep their object identity
 * and memoised rows and card shapes skip re-rendering: typing in one field of
 * a 1,000-card board re-reads one card.
 */
import type * as Y from 'yjs';
import { observeCards, readCard, readCards } from '../../shared/card.ts';
import type { Card } from '../../shared/card-schema.ts';

type Listener = () => void;

export class CardsStore {
  private readonly byId = new Map<string, Card>();
  private sorted: readonly Card[] | null = null;
  private readonly listeners = new Set<Listener>();

  /** Observes the document for as long as it lives: the store is made once per document. */
  constructor(doc: Y.Doc) {
    for (const card of readCards(doc)) this.byId.set(card.id, card);
    observeCards(doc, ({ ids }) => {
      for (const id of ids) {
        const card = readCard(doc, id);
        if (card) this.byId.set(id, card);
        else this.byId.delete(id);
      }
      this.sorted = null;
      for (const listener of [...this.listeners]) listener();
    });
  }

  /** For useSyncExternalStore. */
  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Every card, in card order (then id): stable until a card changes. */
  getCards = (): readonly Card[] => {
    this.sorted ??= [...this.byId.values()].sort(
      (a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return this.sorted;
  };

  /** One card, or undefined once it is deleted. */
  getCard = (id: string): Card | undefined => {
    return this.byId.get(id);
  };
}

const stores = new WeakMap<Y.Doc, CardsStore>();

/** The one store of a document (canvas shapes, the editor and the table share it). */
export function cardsStoreFor(doc: Y.Doc): CardsStore {
  let store = stores.get(doc);
  if (!store) {
    store = new CardsStore(doc);
    stores.set(doc, store);
  }
  return store;
}
