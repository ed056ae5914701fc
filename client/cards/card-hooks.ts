/** React hooks over the board's cards (useSyncExternalStore over observeCards). */
import { useEffect, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { getCardText, setCardText } from '../../shared/card.ts';
import type { Card, CardTextField } from '../../shared/card-schema.ts';
import { cardsStoreFor } from './cards-store.ts';
import { bindTextElement, type TextElement } from './text-binding.ts';

/** Every card of the board, re-rendering when any card changes. */
export function useCards(doc: Y.Doc): readonly Card[] {
  const store = cardsStoreFor(doc);
  return useSyncExternalStore(store.subscribe, store.getCards);
}

/** One card, re-rendering only when that card changes; undefined once it is deleted. */
export function useCard(doc: Y.Doc, id: string): Card | undefined {
  const store = cardsStoreFor(doc);
  return useSyncExternalStore(store.subscribe, () => store.getCard(id));
}

/**
 * A ref and the initial text for an uncontrolled <input>/<textarea> that binds
 * it to a card field's Y.Text (see text-binding.ts). Uncontrolled, because
 * React re-setting `value` on a remote change would throw the caret to the end.
 */
export function useTextBinding<E extends TextElement>(
  doc: Y.Doc,
  cardId: string,
  field: CardTextField,
  readOnly = false,
) {
  const ref = useRef<E>(null);
  // Read at each write: a read-only field never writes, even from an input event it should not get.
  const readOnlyNow = useRef(readOnly);
  readOnlyNow.current = readOnly;
  const initialValue = getCardText(doc, cardId, field)?.toString() ?? '';
  useEffect(() => {
    const el = ref.current;
    const ytext = getCardText(doc, cardId, field);
    if (!el || !ytext) return;
    return bindTextElement(el, ytext, (value) => {
      if (!readOnlyNow.current) setCardText(doc, cardId, field, value);
    });
  }, [doc, cardId, field]);
  return { ref, initialValue };
}
