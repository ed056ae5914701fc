import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CardsStore } from '../../client/cards/cards-store.ts';
import { Origin } from '../../shared/board-doc.ts';
import {
  type CardChanges,
  createCard,
  deleteCard,
  moveCard,
  observeCards,
  setCardParty,
  setCardText,
} from '../../shared/card.ts';
import { defaultCardPeriod, fieldError, PARTIES_MAX, partyError, TITLE_MAX } from '../../shared/card-schema.ts';

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('observeCards', () => {
  it('reports which cards one transaction added, changed, moved and removed', () => {
    const doc = new Y.Doc();
    const seen: CardChanges[] = [];
    const stop = observeCards(doc, (changes) => seen.push(changes));
    const id = createCard(doc, { goalId: 'A1', createdBy: 'Anna' });
    setCardText(doc, id, 'title', 'Hälsosamtal');
    moveCard(doc, id, 'B1');
    setCardParty(doc, id, 'heby', true);
    deleteCard(doc, id);
    stop();
    moveCard(doc, 'gone', 'C1');
    expect(seen.map((c) => [[...c.added], [...c.ids], [...c.goalChanged], [...c.removed]])).toEqual([
      [[id], [id], [], []],
      [[], [id], [], []],
      [[], [id], [id], []],
      [[], [id], [], []],
      [[], [id], [], [id]],
    ]);
    expect(seen.every((c) => c.local)).toBe(true);
  });

  it('marks changes received from another client as not local', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const seen: CardChanges[] = [];
    observeCards(b, (changes) => seen.push(changes));
    createCard(a, { id: 'k1', goalId: null, createdBy: 'Anna' }, Origin.user);
    sync(a, b);
    expect(seen).toHaveLength(1);
    expect(seen[0]?.local).toBe(false);
    expect([...(seen[0]?.added ?? [])]).toEqual(['k1']);
  });
});

describe('CardsStore', () => {
  it('re-reads only the changed card, so unchanged cards keep their identity for memoised views', () => {
    const doc = new Y.Doc();
    const one = createCard(doc, { goalId: 'A1', createdBy: 'A', order: 1 });
    const two = createCard(doc, { goalId: 'A1', createdBy: 'A', order: 2 });
    const store = new CardsStore(doc);
    let notified = 0;
    store.subscribe(() => notified++);
    const before = store.getCards();
    expect(store.getCards()).toBe(before);
    setCardText(doc, two, 'title', 'Ny rubrik');
    const after = store.getCards();
    expect(notified).toBe(1);
    expect(after).not.toBe(before);
    expect(after[0]).toBe(before[0]);
    expect(store.getCard(two)?.title).toBe('Ny rubrik');
    deleteCard(doc, one);
    expect(store.getCard(one)).toBeUndefined();
    expect(store.getCards().map((c) => c.id)).toEqual([two]);
  });
});

describe('field rules for the UI', () => {
  it('names the broken limit of a field, null when valid', () => {
    expect(fieldError('title', 'Hälsosamtal')).toBeNull();
    expect(fieldError('title', 'x'.repeat(TITLE_MAX + 1))).toMatch(/200/);
  });

  it('refuses empty, over-long and one-too-many party names, but lets a chosen party be set again', () => {
    const full = Array.from({ length: PARTIES_MAX }, (_, i) => `Part ${i}`);
    expect(partyError('  ', [])).toBe('empty');
    expect(partyError('x'.repeat(201), [])).toBe('too-long');
    expect(partyError('Länsstyrelsen', full)).toBe('too-many');
    expect(partyError('Part 3', full)).toBeNull();
    expect(partyError('Länsstyrelsen', [])).toBeNull();
  });

  it('starts a card in the plan year: the board plan period when set, else the template period', () => {
    expect(defaultCardPeriod({ from: 2024 })).toBe('2024');
    expect(defaultCardPeriod({ from: 2024 }, null)).toBe('2024');
    expect(defaultCardPeriod({ from: 2024 }, { from: '2025-01-01' })).toBe('2025');
  });
});
