/**
 * Accessors for activity cards in the board document. The UI, the server and
 * the importers write cards only through these functions.
 *
 * Delete vs. edit: deleting a card removes its Y.Map from `cards`; an edit made
 * concurrently inside the deleted card is discarded when the two merge (the
 * delete wins). Editing a card id that no longer exists is a no-op.
 */
import * as Y from 'yjs';
import { cardsMap, Origin } from './board-doc.ts';
import {
  CARD_TEXT_FIELDS,
  type Card,
  type CardStatus,
  type CardTextField,
  CO_AUTHORS_MAX,
  type FollowUpEntry,
  fieldMax,
  missingForAgreed,
  TEXT_FIELD_MAX,
} from './card-schema.ts';
import {
  ensureFollowUpEntry,
  indicatorKey,
  isIndicatorAnswer,
  newFollowUpEntry,
  readFollowUp,
  str,
} from './follow-up/entry-map.ts';
import { INDICATOR_VALUES_MAX } from './follow-up/round-limits.ts';
import { currentRoundLabel } from './follow-up/round-meta.ts';
import { randomId } from './ids.ts';

export interface NewCard {
  id?: string;
  goalId: string | null;
  createdBy: string;
  /** Further authors an imported file names (every author kept, not only the first). */
  coAuthors?: string[];
  createdAt?: string;
  order?: number;
  status?: CardStatus;
  fields?: Partial<Record<CardTextField, string>>;
  parties?: string[];
}

/** Creates a card and returns its id. Text beyond a field's limit is cut at the limit. */
export function createCard(doc: Y.Doc, card: NewCard, origin: Origin = Origin.user): string {
  const id = card.id ?? randomId(16);
  const createdAt = card.createdAt ?? new Date().toISOString();
  doc.transact(() => {
    const map = new Y.Map<unknown>();
    map.set('id', id);
    map.set('goalId', card.goalId);
    map.set('status', card.status ?? 'draft');
    map.set('order', card.order ?? Date.parse(createdAt));
    map.set('createdAt', createdAt);
    map.set('createdBy', card.createdBy);
    // Only when there are any: a card made on the board has its creator alone.
    const coAuthors = (card.coAuthors ?? []).filter((name) => name !== card.createdBy).slice(0, CO_AUTHORS_MAX);
    if (coAuthors.length > 0) map.set('coAuthors', coAuthors);
    for (const field of CARD_TEXT_FIELDS) {
      map.set(field, new Y.Text((card.fields?.[field] ?? '').slice(0, fieldMax(field))));
    }
    const parties = new Y.Map<boolean>();
    for (const party of card.parties ?? []) parties.set(party, true);
    map.set('parties', parties);
    // A card made while a round runs has that round's entry from the start (entry-map.ts says why).
    const followUp = new Y.Map<unknown>();
    const round = currentRoundLabel(doc);
    if (round) followUp.set(round, newFollowUpEntry());
    map.set('followUp', followUp);
    map.set('votes', new Y.Map());
    cardsMap(doc).set(id, map);
  }, origin);
  return id;
}

export function getCardMap(doc: Y.Doc, id: string): Y.Map<unknown> | undefined {
  return cardsMap(doc).get(id);
}

export function getCardText(doc: Y.Doc, id: string, field: CardTextField): Y.Text | undefined {
  const value = getCardMap(doc, id)?.get(field);
  return value instanceof Y.Text ? value : undefined;
}

/**
 * Replaces a text field with `value` by the smallest single edit (common prefix
 * and suffix kept), so a concurrent typist's characters elsewhere in the field survive.
 */
export function setCardText(
  doc: Y.Doc,
  id: string,
  field: CardTextField,
  value: string,
  origin: Origin = Origin.user,
): void {
  const ytext = getCardText(doc, id, field);
  if (!ytext) return;
  const next = value.slice(0, fieldMax(field));
  if (ytext.toString() === next) return;
  doc.transact(() => replaceText(ytext, next), origin);
}

/** The single splice that turns `from` into `to`. */
export function minimalEdit(from: string, to: string): { index: number; remove: number; insert: string } {
  let start = 0;
  const shorter = Math.min(from.length, to.length);
  while (start < shorter && from[start] === to[start]) start++;
  let end = 0;
  while (end < shorter - start && from[from.length - 1 - end] === to[to.length - 1 - end]) end++;
  return { index: start, remove: from.length - start - end, insert: to.slice(start, to.length - end) };
}

/** Moves a card to another goal, or to "unplaced" with null. */
export function moveCard(doc: Y.Doc, id: string, goalId: string | null, origin: Origin = Origin.user): void {
  const map = getCardMap(doc, id);
  if (!map || map.get('goalId') === goalId) return;
  doc.transact(() => map.set('goalId', goalId), origin);
}

export function setCardOrder(doc: Y.Doc, id: string, order: number, origin: Origin = Origin.user): void {
  const map = getCardMap(doc, id);
  if (!map || !Number.isFinite(order)) return;
  doc.transact(() => map.set('order', order), origin);
}

export function deleteCard(doc: Y.Doc, id: string, origin: Origin = Origin.user): void {
  if (!cardsMap(doc).has(id)) return;
  doc.transact(() => cardsMap(doc).delete(id), origin);
}

export function setCardParty(doc: Y.Doc, id: string, party: string, on: boolean, origin: Origin = Origin.user): void {
  const parties = getCardMap(doc, id)?.get('parties');
  if (!(parties instanceof Y.Map) || !party.trim()) return;
  doc.transact(() => (on ? parties.set(party.trim(), true) : parties.delete(party)), origin);
}

/**
 * Sets a card's workshop status. Marking it agreed is refused (returns the
 * missing fields) while a required field is empty.
 */
export function setCardStatus(doc: Y.Doc, id: string, status: CardStatus, origin: Origin = Origin.user): string[] {
  const card = readCard(doc, id);
  if (!card) return [];
  if (status === 'agreed') {
    const missing = missingForAgreed(card);
    if (missing.length > 0) return missing;
  }
  doc.transact(() => getCardMap(doc, id)?.set('status', status), origin);
  return [];
}

/** Sets (or with 0, removes) one participant's votes on a card. */
export function setVote(
  doc: Y.Doc,
  id: string,
  participantId: string,
  value: number,
  origin: Origin = Origin.user,
): void {
  const votes = getCardMap(doc, id)?.get('votes');
  if (!(votes instanceof Y.Map) || !Number.isInteger(value)) return;
  doc.transact(() => (value === 0 ? votes.delete(participantId) : votes.set(participantId, value)), origin);
}

/**
 * Writes a card's whole follow-up entry of one round (imports and restores): field by field into
 * the entry that is there, so a concurrent edit of another field survives. Indicator values are
 * left as they are unless `entry.indicators` is given.
 */
export function setFollowUp(
  doc: Y.Doc,
  id: string,
  periodLabel: string,
  entry: Omit<FollowUpEntry, 'updatedAt' | 'indicators'> & {
    updatedAt?: string;
    indicators?: FollowUpEntry['indicators'];
  },
  origin: Origin = Origin.user,
): void {
  const followUp = getCardMap(doc, id)?.get('followUp');
  if (!(followUp instanceof Y.Map)) return;
  doc.transact(() => {
    const map = ensureFollowUpEntry(followUp as Y.Map<unknown>, periodLabel);
    if (map.get('status') !== entry.status) map.set('status', entry.status);
    for (const field of ['comment', 'effect'] as const) {
      const text = map.get(field);
      const next = entry[field].slice(0, TEXT_FIELD_MAX);
      if (!(text instanceof Y.Text)) map.set(field, new Y.Text(next));
      else replaceText(text, next);
    }
    if (entry.indicators) writeIndicators(map, entry.indicators);
    map.set('updatedAt', entry.updatedAt ?? new Date().toISOString());
    map.set('updatedBy', entry.updatedBy);
  }, origin);
}

/**
 * Makes an entry's indicator values exactly `values` (inside the caller's transaction), the first
 * INDICATOR_VALUES_MAX of them: the server refuses a client's edit past that cap (an import's
 * plan data is refused before it gets here), so a board written here stays editable.
 */
function writeIndicators(entry: Y.Map<unknown>, values: FollowUpEntry['indicators']): void {
  let map = entry.get('indicators');
  if (!(map instanceof Y.Map)) {
    map = new Y.Map<unknown>();
    entry.set('indicators', map);
  }
  const indicators = map as Y.Map<unknown>;
  const wanted = new Map(
    Object.entries(values)
      .filter(([, value]) => isIndicatorAnswer(value))
      .map(([text, value]) => [indicatorKey(text), value] as const)
      .slice(0, INDICATOR_VALUES_MAX),
  );
  for (const key of [...indicators.keys()]) if (!wanted.has(key)) indicators.delete(key);
  for (const [key, value] of wanted) if (indicators.get(key) !== value) indicators.set(key, value);
}

/** Makes `text` read `next` by the one smallest splice (inside the caller's transaction). */
export function replaceText(text: Y.Text, next: string): void {
  const current = text.toString();
  if (current === next) return;
  const { index, remove, insert } = minimalEdit(current, next);
  if (remove > 0) text.delete(index, remove);
  if (insert) text.insert(index, insert);
}

/** A stored list of names; anything else (a forged value) reads as none. */
function readNames(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((name): name is string => typeof name === 'string') : [];
}

/** A card as plain data, or undefined when no card has that id. */
export function readCard(doc: Y.Doc, id: string): Card | undefined {
  const map = getCardMap(doc, id);
  if (!(map instanceof Y.Map)) return undefined;
  const parties = map.get('parties');
  const votes = map.get('votes');
  const goalId = map.get('goalId');
  const order = map.get('order');
  return {
    id,
    goalId: typeof goalId === 'string' ? goalId : null,
    status: map.get('status') === 'agreed' ? 'agreed' : 'draft',
    order: typeof order === 'number' && Number.isFinite(order) ? order : 0,
    createdAt: str(map.get('createdAt')),
    createdBy: str(map.get('createdBy')),
    coAuthors: readNames(map.get('coAuthors')),
    // A field the card lacks (a board from before it was added, not yet migrated) reads as empty.
    ...(Object.fromEntries(CARD_TEXT_FIELDS.map((field) => [field, str(map.get(field))])) as Record<
      CardTextField,
      string
    >),
    parties: parties instanceof Y.Map ? [...parties.keys()].sort((a, b) => a.localeCompare(b, 'sv')) : [],
    followUp: readFollowUp(map.get('followUp')),
    votes: votes instanceof Y.Map ? Object.fromEntries(votes.entries()) : {},
  };
}

/** Every card, in the group's order (then by id, so the order is total and stable). */
export function readCards(doc: Y.Doc): Card[] {
  return [...cardsMap(doc).keys()]
    .map((id) => readCard(doc, id))
    .filter((card): card is Card => card !== undefined)
    .sort((a, b) => a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** What one transaction changed in `cards`, by card id. */
export interface CardChanges {
  /** Every card touched: added, removed, or any field changed. */
  ids: Set<string>;
  added: Set<string>;
  removed: Set<string>;
  /** Cards whose goalId was set (moved to another goal or to "unplaced"). */
  goalChanged: Set<string>;
  /** Cards whose order was set (moved within or into a goal). */
  orderChanged: Set<string>;
  /** True when the change was made in this client (not received from others). */
  local: boolean;
}

/**
 * Calls `listener` once per transaction that touches `cards`, with the card ids
 * it changed, so views re-read only those cards. Returns the unsubscribe function.
 */
export function observeCards(doc: Y.Doc, listener: (changes: CardChanges) => void): () => void {
  const cards = cardsMap(doc);
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[], transaction: Y.Transaction) => {
    const changes: CardChanges = {
      ids: new Set(),
      added: new Set(),
      removed: new Set(),
      goalChanged: new Set(),
      orderChanged: new Set(),
      local: transaction.local,
    };
    for (const event of events) {
      if (event.target === cards) {
        for (const [id, change] of event.changes.keys) {
          changes.ids.add(id);
          if (change.action === 'delete') changes.removed.add(id);
          else changes.added.add(id);
        }
        continue;
      }
      const id = event.path[0];
      if (typeof id !== 'string') continue;
      changes.ids.add(id);
      if (event.path.length === 1 && event instanceof Y.YMapEvent) {
        if (event.keysChanged.has('goalId')) changes.goalChanged.add(id);
        if (event.keysChanged.has('order')) changes.orderChanged.add(id);
      }
    }
    if (changes.ids.size > 0) listener(changes);
  };
  cards.observeDeep(handler);
  return () => cards.unobserveDeep(handler);
}
