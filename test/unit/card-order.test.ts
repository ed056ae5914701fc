/**
 * Goal and order of cards (shared/card-order.ts): a move writes both in one
 * transaction with an order between the new neighbours; too-close neighbours
 * renumber the goal; concurrent moves merge into one agreed order.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createCard } from '../../shared/card.ts';
import { ordersFor, placeCard, placeCards, readPlacements } from '../../shared/card-order.ts';
import { CARD_ORDER_MAX } from '../../shared/card-schema.ts';

function boardWith(goals: Record<string, number>): Y.Doc {
  const doc = new Y.Doc();
  let order = 1000;
  for (const [goalId, count] of Object.entries(goals)) {
    for (let i = 0; i < count; i++) {
      order += 1000;
      createCard(doc, { id: `${goalId}-${i}`, goalId, createdBy: 't', order });
    }
  }
  return doc;
}
const idsIn = (doc: Y.Doc, goalId: string | null) =>
  readPlacements(doc)
    .filter((card) => card.goalId === goalId)
    .map((card) => card.id);

describe('placeCard', () => {
  it('inserts a card from another goal at the index, in one transaction', () => {
    const doc = boardWith({ A1: 3, B1: 2 });
    let transactions = 0;
    doc.on('afterTransaction', () => transactions++);
    placeCard(doc, 'B1-0', 'A1', 1);
    expect(transactions).toBe(1);
    expect(idsIn(doc, 'A1')).toEqual(['A1-0', 'B1-0', 'A1-1', 'A1-2']);
    expect(idsIn(doc, 'B1')).toEqual(['B1-1']);
  });

  it('reorders within a goal, to the front and to the end', () => {
    const doc = boardWith({ A1: 4 });
    placeCard(doc, 'A1-3', 'A1', 0);
    expect(idsIn(doc, 'A1')).toEqual(['A1-3', 'A1-0', 'A1-1', 'A1-2']);
    placeCard(doc, 'A1-3', 'A1', 99);
    expect(idsIn(doc, 'A1')).toEqual(['A1-0', 'A1-1', 'A1-2', 'A1-3']);
    placeCard(doc, 'A1-0', null, 0);
    expect(idsIn(doc, null)).toEqual(['A1-0']);
  });

  it('keeps inserting between the same two neighbours long after doubles run out, by renumbering', () => {
    const doc = boardWith({ A1: 2 });
    for (let i = 0; i < 80; i++) {
      const id = createCard(doc, { id: `n${i}`, goalId: 'B1', createdBy: 't' });
      placeCard(doc, id, 'A1', 1);
    }
    const ids = idsIn(doc, 'A1');
    expect(ids[0]).toBe('A1-0');
    expect(ids.at(-1)).toBe('A1-1');
    expect(ids.slice(1, -1)).toEqual(Array.from({ length: 80 }, (_, i) => `n${79 - i}`));
  });

  it('moves several cards to one index in the order given', () => {
    const doc = boardWith({ A1: 3, B1: 3 });
    placeCards(doc, [
      { id: 'B1-2', goalId: 'A1', index: 1 },
      { id: 'B1-0', goalId: 'A1', index: 1 },
    ]);
    expect(idsIn(doc, 'A1')).toEqual(['A1-0', 'B1-2', 'B1-0', 'A1-1', 'A1-2']);
  });
});

describe('ordersFor', () => {
  it('spreads moved cards between their fixed neighbours and renumbers when they do not fit', () => {
    expect(ordersFor([10, null, null, 40])).toEqual({ orders: [10, 20, 30, 40], renumbered: false });
    expect(ordersFor([null, 5]).orders[0]).toBeLessThan(5);
    const tight = ordersFor([1, null, 1]);
    expect(tight.renumbered).toBe(true);
    expect(tight.orders[0]).toBeLessThan(tight.orders[1] as number);
    expect(tight.orders[1]).toBeLessThan(tight.orders[2] as number);
  });
});

describe('two people moving cards at once', () => {
  it('end with one agreed goal and order for every card', () => {
    const a = boardWith({ A1: 5, B1: 3 });
    const b = new Y.Doc();
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    // Both move the same card to different places, and each reorders another.
    placeCard(a, 'A1-4', 'A1', 0);
    placeCard(b, 'A1-4', 'B1', 1);
    placeCard(a, 'B1-0', 'A1', 2);
    placeCard(b, 'A1-1', 'A1', 4);
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readPlacements(a)).toEqual(readPlacements(b));
    // The card both moved is in one place, with the goal and the order of the same writer.
    const moved = readPlacements(a).find((card) => card.id === 'A1-4');
    expect(['A1', 'B1']).toContain(moved?.goalId);
  });

  it('take goal and order of a card from one writer when one reorders it in its goal and another moves it away', () => {
    for (const [first, second] of [
      [1, 2],
      [2, 1],
    ]) {
      const a = boardWith({ A1: 4, B1: 4 });
      a.clientID = first as number;
      const b = new Y.Doc();
      b.clientID = second as number;
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      placeCard(a, 'A1-0', 'A1', 3); // to the end of A1
      placeCard(b, 'A1-0', 'B1', 0); // to the front of B1
      Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
      Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
      expect(readPlacements(a)).toEqual(readPlacements(b));
      // Either A's move whole (last in A1) or B's whole (first in B1): never A's order inside B1.
      expect(idsIn(a, 'A1').at(-1) === 'A1-0' || idsIn(a, 'B1')[0] === 'A1-0').toBe(true);
    }
  });
});

describe('orders out of bounds', () => {
  it('renumbers a goal whose orders a forged update made huge, within the bound, so reordering works again', () => {
    const doc = boardWith({ A1: 3 });
    for (const [i, id] of ['A1-0', 'A1-1', 'A1-2'].entries()) {
      doc
        .getMap<Y.Map<unknown>>('cards')
        .get(id)
        ?.set('order', 1e300 + i);
    }
    placeCard(doc, 'A1-2', 'A1', 0);
    expect(idsIn(doc, 'A1')[0]).toBe('A1-2');
    for (const card of readPlacements(doc)) expect(Math.abs(card.order)).toBeLessThanOrEqual(CARD_ORDER_MAX);
    const { orders } = ordersFor([CARD_ORDER_MAX, null]);
    expect(orders.every((order) => Math.abs(order) <= CARD_ORDER_MAX)).toBe(true);
    expect((orders[1] as number) > (orders[0] as number)).toBe(true);
  });
});
