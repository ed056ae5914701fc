/**
 * Counts the cards of a board without a Y.Doc, so the room can refuse an
 * update that would take the board past its card limit before it is stored.
 *
 * A card is a key of the root map `cards`. Every value ever set there is an
 * item with an id (client, clock); the index remembers which key each such
 * item belongs to and whether it is deleted. In an update, an item sets a
 * card key when its parent is the root `cards` (a new key), or when its origin
 * is an item the index knows (Yjs writes a key that was set before with the
 * previous value as origin, and no parent). A key counts while one of its
 * items is live.
 *
 * Checking an update costs a pass over its own structs and delete set, never
 * over the board. Approximation: when two people set the same key at once,
 * Yjs drops the loser on each client without telling the server, so the index
 * may count such a key after a later delete; card ids are random, so this only
 * happens through undo races and errs towards refusing, and it is corrected
 * when the room is next loaded.
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './protocol.ts';

const CARDS_ROOT = 'cards';

const idKey = (client: number, clock: number): string => `${client}:${clock}`;

/** The set under `key`, created empty (or as a copy of `initial`) when missing. */
function setIn<K, V>(map: Map<K, Set<V>>, key: K, initial?: Iterable<V>): Set<V> {
  const existing = map.get(key);
  if (existing) return existing;
  const created = new Set<V>(initial);
  map.set(key, created);
  return created;
}

/** Whether `clock` falls in one of the (sorted) delete ranges. */
function inRanges(ranges: { clock: number; len: number }[], clock: number): boolean {
  let low = 0;
  let high = ranges.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const range = ranges[middle] as { clock: number; len: number };
    if (clock < range.clock) high = middle - 1;
    else if (clock >= range.clock + range.len) low = middle + 1;
    else return true;
  }
  return false;
}

/** An index as plain data, to hand it from the state worker to the room. */
export interface CardIndexData {
  /** Every item ever set in `cards`: client, clock, key, and whether it is live. */
  entries: [number, number, string, boolean][];
}

/** The card entries an update creates and the ones it deletes. */
export interface CardChange {
  added: { id: string; client: number; clock: number; key: string }[];
  deleted: string[];
}

export class CardIndex {
  /** Every item ever set in `cards`: id → key. */
  private readonly keyOf = new Map<string, string>();
  /** Clocks of those items by client, to match delete ranges without scanning the board. */
  private readonly clocksOf = new Map<number, Set<number>>();
  /** Live items per key; a key with none is not a card. */
  private readonly live = new Map<string, Set<string>>();

  static fromState(state: Uint8Array): CardIndex {
    const index = new CardIndex();
    index.commit(index.plan(Y.decodeUpdate(state)));
    return index;
  }

  static fromData(data: CardIndexData): CardIndex {
    const index = new CardIndex();
    index.commit({
      added: data.entries.map(([client, clock, key]) => ({ id: idKey(client, clock), client, clock, key })),
      deleted: data.entries.filter((entry) => !entry[3]).map(([client, clock]) => idKey(client, clock)),
    });
    return index;
  }

  toData(): CardIndexData {
    const live = new Set([...this.live.values()].flatMap((ids) => [...ids]));
    const entries: CardIndexData['entries'] = [];
    for (const [id, key] of this.keyOf) {
      const [client, clock] = id.split(':').map(Number) as [number, number];
      entries.push([client, clock, key, live.has(id)]);
    }
    return { entries };
  }

  get count(): number {
    return this.live.size;
  }

  /** What `update` would change, without changing the index. */
  plan({ structs, ds }: DecodedUpdate): CardChange {
    const added: CardChange['added'] = [];
    const addedKeys = new Map<string, string>();
    const known = (id: Y.ID) => {
      const key = idKey(id.client, id.clock);
      return this.keyOf.get(key) ?? addedKeys.get(key);
    };
    // Items of one update may name each other as origin in any order: repeat until nothing new resolves.
    // A decoded (not integrated) item names a root type by its name: `parent` is then a string.
    const parentOf = (item: Y.Item) => item.parent as unknown;
    let pending = structs.filter(
      (s): s is Y.Item => s instanceof Y.Item && (parentOf(s) === CARDS_ROOT || s.origin !== null),
    );
    for (let resolved = true; resolved && pending.length > 0; ) {
      resolved = false;
      const next: Y.Item[] = [];
      for (const item of pending) {
        const key =
          parentOf(item) === CARDS_ROOT
            ? item.parentSub
            : parentOf(item) === null && item.origin
              ? known(item.origin)
              : null;
        if (key === undefined) {
          next.push(item);
          continue;
        }
        if (key === null) continue;
        resolved = true;
        // A value in a map has length 1; a longer item is a run of deleted values of one key, and only
        // its ends can be named later (as origin or in a delete set), so a forged length costs nothing.
        const last = item.id.clock + item.length - 1;
        for (const clock of last === item.id.clock ? [last] : [item.id.clock, last]) {
          const id = idKey(item.id.client, clock);
          if (this.keyOf.has(id) || addedKeys.has(id)) continue;
          addedKeys.set(id, key);
          added.push({ id, client: item.id.client, clock, key });
        }
      }
      pending = next;
    }

    const deleted: string[] = [];
    for (const [client, ranges] of ds.clients) {
      const clocks = new Set(this.clocksOf.get(client) ?? []);
      for (const entry of added) if (entry.client === client) clocks.add(entry.clock);
      if (clocks.size === 0) continue;
      const sorted = [...ranges].sort((a, b) => a.clock - b.clock);
      for (const clock of clocks) if (inRanges(sorted, clock)) deleted.push(idKey(client, clock));
    }
    return { added, deleted };
  }

  /** The live items of every key `change` touches, as they would be after it. */
  private touchedBy(change: CardChange): Map<string, Set<string>> {
    const touched = new Map<string, Set<string>>();
    const entry = (key: string) => setIn(touched, key, this.live.get(key));
    for (const { id, key } of change.added) entry(key).add(id);
    for (const id of change.deleted) {
      const key = this.keyOf.get(id) ?? change.added.find((a) => a.id === id)?.key;
      if (key !== undefined) entry(key).delete(id);
    }
    return touched;
  }

  /** How many cards the board would have after `change`. */
  countAfter(change: CardChange): number {
    let count = this.live.size;
    for (const [key, ids] of this.touchedBy(change)) count += (ids.size > 0 ? 1 : 0) - (this.live.has(key) ? 1 : 0);
    return count;
  }

  /** The cards (keys) that exist now and would not after `change`: what it deletes. */
  removedBy(change: CardChange): string[] {
    if (change.deleted.length === 0) return [];
    return [...this.touchedBy(change)].filter(([key, ids]) => ids.size === 0 && this.live.has(key)).map(([key]) => key);
  }

  commit(change: CardChange): void {
    for (const { id, client, clock, key } of change.added) {
      this.keyOf.set(id, key);
      setIn(this.clocksOf, client).add(clock);
      setIn(this.live, key).add(id);
    }
    for (const id of change.deleted) {
      const key = this.keyOf.get(id);
      const ids = key === undefined ? undefined : this.live.get(key);
      if (!ids || key === undefined) continue;
      ids.delete(id);
      if (ids.size === 0) this.live.delete(key);
    }
  }
}
