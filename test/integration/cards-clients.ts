/** Helpers for the card integration tests: people typing, going offline and coming back. */
import type * as Y from 'yjs';
import { cardsMap } from '../../shared/board-doc.ts';
import { getCardText, setCardText } from '../../shared/card.ts';
import type { CardTextField } from '../../shared/card-schema.ts';
import { stableJson, type TestClient, waitFor } from '../helpers/server.ts';

/** The `cards` map as canonical JSON, to compare clients. */
export const cardsJson = (doc: Y.Doc): string => stableJson(cardsMap(doc).toJSON());

/**
 * Types `text` one character at a time at `index`, as an input bound with
 * setCardText would: each keystroke replaces the whole value, and the
 * minimal diff turns it into one insert.
 */
export function typeAt(doc: Y.Doc, cardId: string, field: CardTextField, index: number, text: string): void {
  let at = index;
  for (const char of text) {
    const current = getCardText(doc, cardId, field)?.toString() ?? '';
    setCardText(doc, cardId, field, current.slice(0, at) + char + current.slice(at));
    at++;
  }
}

export function goOffline(...clients: TestClient[]): void {
  for (const client of clients) client.provider.disconnect();
}

export function goOnline(...clients: TestClient[]): void {
  for (const client of clients) client.provider.connect();
}

/** Waits until every client is connected, synced and holds the same cards. */
export async function converged(clients: readonly TestClient[], timeoutMs = 10_000): Promise<void> {
  await waitFor(
    'the clients to hold the same cards',
    () => {
      if (!clients.every((c) => c.provider.wsconnected && c.provider.synced)) return false;
      const first = cardsJson(clients[0]?.doc as Y.Doc);
      return clients.every((c) => cardsJson(c.doc) === first);
    },
    timeoutMs,
  );
}
