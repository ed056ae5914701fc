/**
 * A card's place in the plan: its goal and its `order` among that goal's
 * cards (the order of the canvas grid, the table and every export). Moving a
 * card writes both in one transaction, with an order between its new
 * neighbours', so two people moving cards at once merge into one order
 * (each card's goal and order come from the same writer, ties fall to the id).
 */
import type * as Y from 'yjs';
import { cardsMap, Origin } from './board-doc.ts';
import { getCardMap } from './card.ts';
import { CARD_ORDER_MAX } from './card-schema.ts';

/** What the layout reads of a card: cheap to read for a whole board on every move. */
export interface CardPlacement {
  id: string;
  goalId: string | null;
  order: number;
}

/** Orders compared as readCards sorts: by order, then by id. */
export function compareCardOrder(a: CardPlacement, b: CardPlacement): number {
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Every card's goal and order, in readCards' order, without reading any text. */
export function readPlacements(doc: Y.Doc): CardPlacement[] {
  const placements: CardPlacement[] = [];
  for (const [id, map] of cardsMap(doc).entries()) {
    if (typeof map?.get !== 'function') continue;
    const goalId = map.get('goalId');
    const order = map.get('order');
    placements.push({
      id,
      goalId: typeof goalId === 'string' ? goalId : null,
      // Stored orders are bounded by the contract; an older board's wild one is read as its nearest bound.
      order:
        typeof order === 'number' && Number.isFinite(order)
          ? Math.max(-CARD_ORDER_MAX, Math.min(CARD_ORDER_MAX, order))
          : 0,
    });
  }
  return placements.sort(compareCardOrder);
}

/** A card to put at `index` among its goal's cards that are not being moved. */
export interface CardMove {
  id: string;
  goalId: string | null;
  index: number;
}

const STEP = 1024;

/**
 * Orders for one goal's list in which the moved cards (null) sit between the
 * others: each run of moved cards spread evenly between its fixed neighbours.
 * When neighbours are too close for doubles between them, the whole list is
 * numbered afresh (`renumbered`), fixed cards too.
 */
export function ordersFor(list: readonly (number | null)[]): { orders: number[]; renumbered: boolean } {
  const orders: number[] = [];
  let i = 0;
  while (i < list.length) {
    const fixed = list[i];
    if (fixed !== null && fixed !== undefined) {
      orders.push(fixed);
      i++;
      continue;
    }
    let end = i;
    while (end < list.length && list[end] === null) end++;
    const lower = orders[orders.length - 1];
    const upper = list[end] ?? undefined;
    const n = end - i;
    for (let k = 0; k < n; k++) {
      if (lower === undefined && (upper === undefined || upper === null)) orders.push(Date.now() + k * STEP);
      else if (lower === undefined) orders.push((upper as number) - (n - k) * STEP);
      else if (upper === undefined || upper === null) orders.push(lower + (k + 1) * STEP);
      else orders.push(lower + ((upper - lower) * (k + 1)) / (n + 1));
    }
    i = end;
  }
  const inBounds = (order: number) => Number.isFinite(order) && Math.abs(order) <= CARD_ORDER_MAX;
  const increasing = orders.every((order, j) => inBounds(order) && (j === 0 || order > (orders[j - 1] as number)));
  if (increasing) return { orders, renumbered: false };
  // Afresh from the first order when the whole list then stays in bounds, else from 0.
  const first = orders[0] as number;
  const fits = inBounds(first) && Math.abs(first) + orders.length * STEP <= CARD_ORDER_MAX;
  const start = fits ? first : 0;
  return { orders: orders.map((_, j) => start + j * STEP), renumbered: true };
}

/**
 * Puts cards into goals (null: unplaced), each at its index among that goal's
 * cards that are not moved; goals and orders in one transaction (one undo step).
 * Moves to the same index keep the order they are given in.
 */
export function placeCards(doc: Y.Doc, moves: readonly CardMove[], origin: Origin = Origin.user): void {
  const known = moves.filter((move) => getCardMap(doc, move.id));
  if (known.length === 0) return;
  const moving = new Set(known.map((move) => move.id));
  const all = readPlacements(doc);
  doc.transact(() => {
    for (const goalId of new Set(known.map((move) => move.goalId))) {
      const list: (CardPlacement | CardMove)[] = all.filter((card) => card.goalId === goalId && !moving.has(card.id));
      const mine = known.filter((move) => move.goalId === goalId);
      // Inserted last first, so equal indices keep their given order and earlier ones do not shift later ones.
      const byIndex = mine.map((move, i) => ({ move, i })).sort((a, b) => a.move.index - b.move.index || a.i - b.i);
      for (let k = byIndex.length - 1; k >= 0; k--) {
        const { move } = byIndex[k] as { move: CardMove };
        list.splice(Math.max(0, Math.min(move.index, list.length - (byIndex.length - 1 - k))), 0, move);
      }
      const { orders, renumbered } = ordersFor(
        list.map((item) => (moving.has(item.id) ? null : (item as CardPlacement).order)),
      );
      list.forEach((item, j) => {
        const map = getCardMap(doc, item.id);
        if (!map || (!moving.has(item.id) && !renumbered)) return;
        // The goal is written with the order even when it is unchanged: a concurrent move of the
        // same card to another goal then loses as a whole, never leaving this order in that goal.
        if (moving.has(item.id)) map.set('goalId', goalId);
        map.set('order', orders[j] as number);
      });
    }
  }, origin);
}

/** Puts one card into `goalId` at `index` among that goal's other cards. */
export function placeCard(doc: Y.Doc, id: string, goalId: string | null, index: number, origin: Origin = Origin.user) {
  placeCards(doc, [{ id, goalId, index }], origin);
}
