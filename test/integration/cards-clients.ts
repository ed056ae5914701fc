/** Helpers for the card integration tests: people typing, going offline and coming back. */
import type * as Y from 'yjs';
import { cardsMap } from '../../shared/board-doc.ts';
import {
  createCard,
  deleteCard,
  getCardText,
  moveCard,
  readCards,
  setCardParty,
  setCardStatus,
  setCardText,
} from '../../shared/card.ts';
import { CARD_TEXT_FIELDS, type CardTextField } from '../../shared/card-schema.ts';
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

const GOALS = ['A1', 'A2', 'B1', 'B2', 'C1', 'D1', null];
const PARTIES = ['region-uppsala', 'heby', 'tierp', 'uppsala', 'Länsstyrelsen', 'FoU-S'];
const WORDS = ['samverkan', 'Region Uppsala', ' ', 'å', 'Ja/Nej', '\n', 'närvård', '–', '2025'];

/** One random card operation on one client's document, as that person's UI would make it (property tests). */
export function randomOperation(doc: Y.Doc, random: () => number, newId: () => string): void {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const cards = readCards(doc);
  const roll = random();
  if (cards.length === 0 || roll < 0.12) {
    createCard(doc, { id: newId(), goalId: pick(GOALS), createdBy: 'property test', fields: { title: pick(WORDS) } });
    return;
  }
  const card = pick(cards);
  if (roll < 0.62) {
    const field = pick(CARD_TEXT_FIELDS);
    const text = card[field];
    const index = Math.floor(random() * (text.length + 1));
    const next =
      random() < 0.7 || text.length === 0
        ? text.slice(0, index) + pick(WORDS) + text.slice(index)
        : text.slice(0, index) + text.slice(Math.min(text.length, index + 1 + Math.floor(random() * 4)));
    setCardText(doc, card.id, field, next);
  } else if (roll < 0.74) {
    moveCard(doc, card.id, pick(GOALS));
  } else if (roll < 0.88) {
    const party = pick(PARTIES);
    setCardParty(doc, card.id, party, !card.parties.includes(party));
  } else if (roll < 0.94) {
    setCardStatus(doc, card.id, random() < 0.5 ? 'agreed' : 'draft');
  } else {
    deleteCard(doc, card.id);
  }
}
