import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupCards, tableOrder } from '../../client/table/group-cards.ts';
import { RowMounting } from '../../client/table/row-mounting.ts';
import { createCard, readCards } from '../../shared/card.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

const ids = (count: number) => Array.from({ length: count }, (_, i) => `card-${i}`);
const mountedOf = (mounting: RowMounting, all: string[]) => all.filter((id) => mounting.isMounted(id));

describe('table row mounting', () => {
  it('mounts a screenful in table order on the first render with cards, and nothing before it', () => {
    const mounting = new RowMounting(3);
    mounting.setOrder([]);
    const all = ids(10);
    mounting.setOrder(all);
    expect(mountedOf(mounting, all)).toEqual(['card-0', 'card-1', 'card-2']);
    expect(mounting.pendingCount()).toBe(7);
    // Later orders (cards added, moved) do not mount another screenful.
    mounting.setOrder(['new', ...all]);
    expect(mounting.isMounted('new')).toBe(false);
    expect(mounting.pendingCount()).toBe(8);
  });

  it('mounts every row at once on a board of a few dozen cards', () => {
    const mounting = new RowMounting(3, 5);
    mounting.setOrder(ids(5));
    expect(mounting.pendingCount()).toBe(0);
    const bigger = new RowMounting(3, 5);
    bigger.setOrder(ids(6));
    expect(bigger.pendingCount()).toBe(3);
  });

  it('mounts the rest in table order, a chunk at a time, skipping rows already mounted', () => {
    const mounting = new RowMounting(2);
    const all = ids(8);
    mounting.setOrder(all);
    mounting.mount(['card-3']);
    expect(mounting.mountNext(3)).toBe(3);
    expect(mountedOf(mounting, all)).toEqual(['card-0', 'card-1', 'card-2', 'card-3', 'card-4', 'card-5']);
    expect(mounting.mountNext(5)).toBe(2);
    expect(mounting.mountNext(5)).toBe(0);
    expect(mounting.pendingCount()).toBe(0);
  });

  it('tells only the subscribers of the rows that mount, once each', () => {
    const mounting = new RowMounting(0);
    mounting.setOrder(ids(3));
    const told: string[] = [];
    const stop = mounting.subscribe('card-1', () => told.push('card-1'));
    mounting.subscribe('card-2', () => told.push('card-2'));
    mounting.mount(['card-1', 'card-0']);
    mounting.mount(['card-1']);
    stop();
    mounting.mountNext(5);
    expect(told).toEqual(['card-1', 'card-2']);
  });

  it('remembers where focus goes in a row mounted for focus, and hands it out once', () => {
    const mounting = new RowMounting(0);
    mounting.setOrder(ids(3));
    mounting.mountForFocus('card-2', 'last');
    expect(mounting.isMounted('card-2')).toBe(true);
    expect(mounting.takeFocus('card-2')).toBe('last');
    expect(mounting.takeFocus('card-2')).toBeUndefined();
    expect(mounting.takeFocus('card-1')).toBeUndefined();
  });

  it('orders rows as the table shows them: goals in template order, unplaced cards last', () => {
    const doc = new Y.Doc();
    for (const [goalId, title] of [
      [null, 'Utan mål'],
      ['B1', 'Samordnad plan'],
      ['A1', 'Hälsosamtal'],
    ] as const) {
      createCard(doc, { goalId, createdBy: 'Test', fields: { title } });
    }
    const cards = readCards(doc);
    const titleOf = new Map(cards.map((card) => [card.id, card.title]));
    const order = tableOrder(groupCards(getTemplate('hsvo-2024-2026') as Template, cards));
    expect(order.map((id) => titleOf.get(id))).toEqual(['Hälsosamtal', 'Samordnad plan', 'Utan mål']);
  });
});
