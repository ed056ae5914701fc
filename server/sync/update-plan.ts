/**
 * Classifies a decoded update against the document index (doc-index.ts): where
 * each new item sits, whether its content fits the contract there
 * (shared/board-contract.ts), and what it changes in live text lengths and map
 * keys, including its delete set. Pure: the index changes only on commit.
 *
 * Dependencies inside one update may come in any order (an item whose origin is
 * another client's item later in the same update): items are resolved
 * repeatedly until nothing new resolves. What is left builds on content the
 * server never stored (see UpdatePlan.missing).
 */
import * as Y from 'yjs';
import {
  CONTAINERS,
  type Container,
  KEPT_ENTRIES,
  SERVER_FILLED,
  SERVER_WRITTEN,
  slotOf,
} from '../../shared/board-contract.ts';
import { entryOf, type RangeInfo } from './clock-ranges.ts';
import { COUNTED_ROLES, DEAD, type DocIndex, INVALID_ROLE, NONE, slotId } from './doc-index.ts';
import type { DecodedUpdate } from './protocol.ts';

export interface PlannedRange extends RangeInfo {
  client: number;
  start: number;
  end: number;
  /** False for content that is deleted from the start (a GC struct, ContentDeleted). */
  live: boolean;
}

export interface UpdatePlan {
  /** Why the update breaks the contract (≤ 120 characters), or null. */
  problem: string | null;
  /** Some items build on content neither stored nor in the update (they were left out of the plan). */
  missing: boolean;
  ranges: PlannedRange[];
  newKeys: string[];
  newNodes: { role: number; key: number; limit: number }[];
  deletes: Map<number, [number, number][]>;
  /** Change of live length (texts) or of live keys (counted maps), by node. */
  sizeDeltas: Map<number, number>;
  /** Change of live elements by (node, key). */
  liveDeltas: Map<number, number>;
  watchedAdded: [slot: number, id: string, json: string][];
  watchedRemoved: [slot: number, id: string][];
  /** Every (meta or zone) slot the update writes or deletes in. */
  watchedTouched: Set<number>;
  /**
   * Whether it leaves a key of a container clients only add to (KEPT_ENTRIES)
   * with no live value. Deleting one of two concurrent values of a key is what
   * every Yjs client does to the loser of a conflict, and is allowed.
   */
  removesKept: boolean;
}

const roleId = (container: Container): number => CONTAINERS.indexOf(container);
const TEXT = roleId('text');
const shown = (key: string) => key.slice(0, 40);

/** Yjs leaves a decoded item's parent as a root name, an ID or null (then origins say). */
const rawParent = (item: Y.Item): unknown => item.parent as unknown;

class Planner {
  readonly plan: UpdatePlan = {
    problem: null,
    missing: false,
    ranges: [],
    newKeys: [],
    newNodes: [],
    deletes: new Map(),
    sizeDeltas: new Map(),
    liveDeltas: new Map(),
    watchedAdded: [],
    watchedRemoved: [],
    watchedTouched: new Set(),
    removesKept: false,
  };
  /** The keys of KEPT_ENTRIES containers this update deletes values of. */
  private readonly keptTouched = new Set<number>();
  /** This update's own items by client, so its items can build on each other. */
  /** This update's own ranges by client, sorted by clock when `sorted` has the client. */
  private readonly localRanges = new Map<number, PlannedRange[]>();
  private readonly unsorted = new Set<number>();
  private readonly newKeyIds = new Map<string, number>();

  private readonly index: DocIndex;
  private readonly trusted: boolean;

  constructor(index: DocIndex, trusted: boolean) {
    this.index = index;
    this.trusted = trusted;
  }

  fail(problem: string): void {
    this.plan.problem ??= problem;
  }

  keyId(key: string): number {
    const known = this.index.knownKey(key) ?? this.newKeyIds.get(key);
    if (known !== undefined) return known;
    const id = this.index.keyNames.length + this.plan.newKeys.length;
    this.plan.newKeys.push(key);
    this.newKeyIds.set(key, id);
    return id;
  }

  keyName(key: number): string {
    return key < this.index.keyNames.length
      ? (this.index.keyNames[key] as string)
      : (this.plan.newKeys[key - this.index.keyNames.length] as string);
  }

  roleOf(node: number): number {
    if (node < this.index.nodeCount) return this.index.roles[node] as number;
    return (this.plan.newNodes[node - this.index.nodeCount] as { role: number }).role;
  }

  locate(id: Y.ID): RangeInfo | undefined {
    const stored = this.index.locate(id.client, id.clock);
    if (stored) return stored;
    const local = this.localRanges.get(id.client);
    if (!local) return undefined;
    // Items of one client come in clock order; only items resolved in a later round are out of it.
    if (this.unsorted.delete(id.client)) local.sort((a, b) => a.start - b.start);
    let low = 0;
    let high = local.length - 1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      const range = local[middle] as PlannedRange;
      if (id.clock < range.start) high = middle - 1;
      else if (id.clock >= range.end) low = middle + 1;
      else return range;
    }
    return undefined;
  }

  /** Parent node and key of an item, null when it is not resolvable yet. */
  place(item: Y.Item): { parent: number; key: number } | null {
    const parent = rawParent(item);
    if (typeof parent === 'string') {
      const root = (['meta', 'cards', 'canvas'] as const).indexOf(parent as never);
      if (root < 0) {
        this.fail(`content outside the board layout (root "${shown(parent)}")`);
        return { parent: DEAD, key: NONE };
      }
      return { parent: root, key: item.parentSub === null ? NONE : this.keyId(item.parentSub) };
    }
    if (parent instanceof Y.ID) {
      const owner = this.locate(parent);
      if (!owner) return null;
      // A deleted type compacted away (its content dropped): clients drop what is written into it.
      if (owner.parent === DEAD || (owner.node < 0 && this.index.isDeleted(parent.client, parent.clock))) {
        return { parent: DEAD, key: NONE };
      }
      if (owner.node < 0) {
        this.fail('content inside something that is not a type');
        return { parent: DEAD, key: NONE };
      }
      return { parent: owner.node, key: item.parentSub === null ? NONE : this.keyId(item.parentSub) };
    }
    const neighbour = item.origin ?? item.rightOrigin;
    if (!neighbour) {
      this.fail('an item without a place in the document');
      return { parent: DEAD, key: NONE };
    }
    const next = this.locate(neighbour);
    return next ? { parent: next.parent, key: next.key } : null;
  }

  /** Checks an item's content where it sits; returns the node it creates (a type), or NONE. */
  classify(item: Y.Item, parent: number, key: number): number {
    const content = item.content;
    if (parent === DEAD || content instanceof Y.ContentDeleted) return NONE;
    const role = this.roleOf(parent);
    const where = role === INVALID_ROLE ? undefined : CONTAINERS[role];
    const keyName = key === NONE ? null : this.keyName(key);
    const invalid = (problem: string) => {
      if (!this.trusted) this.fail(problem);
      return content instanceof Y.ContentType ? this.addNode(INVALID_ROLE, key, 0) : NONE;
    };
    if (!where) return invalid('an edit inside content the board contract does not know');
    if ((SERVER_WRITTEN.has(where) || SERVER_FILLED.has(where)) && !this.trusted) {
      return invalid(`${where} is written by the server only`);
    }
    if (role === TEXT) {
      if (keyName === null && content instanceof Y.ContentString) return NONE;
      return invalid(`a text field holds ${keyName === null ? 'more than characters' : 'attributes'}`);
    }
    if (keyName === null) return invalid(`${where} holds a list, not keys`);
    const slot = slotOf(where, keyName);
    const label = () => `${where} "${shown(keyName)}"`;
    if (!slot) return invalid(`${label()} is not in the board contract`);
    if (slot.kind === 'value') {
      // The stored state was checked when it was written: a load only needs to know where types sit.
      if (this.trusted) return NONE;
      if (!(content instanceof Y.ContentAny)) return invalid(`${label()} must be a plain value`);
      for (const value of content.arr) {
        const problem = slot.problem(value, keyName);
        if (problem) return invalid(where === 'canvas' ? problem : `${label()} ${problem}`);
      }
      return NONE;
    }
    const type = content instanceof Y.ContentType ? content.type.constructor : undefined;
    if (slot.kind === 'text') {
      return type === Y.Text ? this.addNode(TEXT, key, slot.max) : invalid(`${label()} must be a text`);
    }
    return type === Y.Map ? this.addNode(roleId(slot.holds), key, 0) : invalid(`${label()} must be a map`);
  }

  addNode(role: number, key: number, limit: number): number {
    this.plan.newNodes.push({ role, key, limit });
    return this.index.nodeCount + this.plan.newNodes.length - 1;
  }

  /** Where the part of an item the index does not hold yet starts (a client may resend what is stored). */
  newFrom(item: Y.Item | Y.GC): number {
    const { client, clock } = item.id;
    return this.index.clients.get(client)?.firstUnknown(clock, clock + item.length) ?? clock;
  }

  /** Records the new part of an item, from `start`. */
  record(item: Y.Item | Y.GC, start: number, parent: number, key: number, node: number): void {
    const { client } = item.id;
    const end = item.id.clock + item.length;
    const live = item instanceof Y.Item && !(item.content instanceof Y.ContentDeleted) && parent !== DEAD;
    const range: PlannedRange = { client, start, end, parent, key, node, live };
    this.plan.ranges.push(range);
    const list = entryOf(this.localRanges, client, (): PlannedRange[] => []);
    if (list.length > 0 && (list[list.length - 1] as PlannedRange).start > start) this.unsorted.add(client);
    list.push(range);
    if (!live) return;
    const deletedBefore = this.index.deleted.get(client)?.overlap(start, end) ?? 0;
    this.count(parent, key, end - start - deletedBefore);
    if (parent >= 0 && key !== NONE && this.index.isWatched(parent, this.keyName(key))) {
      const slot = slotId(parent, key);
      this.plan.watchedTouched.add(slot);
      const content = (item as Y.Item).content;
      const values = content instanceof Y.ContentAny ? content.arr : [];
      for (let clock = start; clock < end; clock++) {
        if (this.index.isDeleted(client, clock)) continue;
        this.plan.watchedAdded.push([
          slot,
          `${client}:${clock}`,
          JSON.stringify(values[clock - item.id.clock] ?? null),
        ]);
      }
    }
  }

  /** Adds `delta` live elements to (parent, key): a text's length, or a counted map's key. */
  count(parent: number, key: number, delta: number): void {
    if (parent < 0 || delta === 0) return;
    const { sizeDeltas, liveDeltas } = this.plan;
    if (this.roleOf(parent) === TEXT) {
      sizeDeltas.set(parent, (sizeDeltas.get(parent) ?? 0) + delta);
      return;
    }
    if (key === NONE || !COUNTED_ROLES.has(this.roleOf(parent))) return;
    const slot = slotId(parent, key);
    liveDeltas.set(slot, (liveDeltas.get(slot) ?? 0) + delta);
  }

  /** Applies the delete set: what it newly deletes leaves the live lengths and keys. */
  deletes({ ds }: DecodedUpdate): void {
    for (const [client, raw] of ds.clients) {
      const sorted = [...raw].sort((a, b) => a.clock - b.clock);
      const merged: [number, number][] = [];
      for (const { clock, len } of sorted) {
        const last = merged[merged.length - 1];
        if (last && clock <= last[1]) last[1] = Math.max(last[1], clock + len);
        else merged.push([clock, clock + len]);
      }
      this.plan.deletes.set(client, merged);
      const deleted = this.index.deleted.get(client);
      for (const [start, end] of merged) {
        for (const [s, e] of deleted ? deleted.missing(start, end) : [[start, end] as [number, number]]) {
          this.deleteStored(client, s, e);
          this.deleteLocal(client, s, e);
        }
      }
    }
  }

  private deleteStored(client: number, start: number, end: number): void {
    const ranges = this.index.clients.get(client);
    if (!ranges) return;
    for (const at of ranges.overlapping(start, end)) {
      const { parent, key } = ranges.info(at);
      const from = Math.max(start, ranges.start(at));
      const to = Math.min(end, ranges.end(at));
      this.uncount(client, parent, key, from, to);
    }
  }

  private deleteLocal(client: number, start: number, end: number): void {
    for (const range of this.localRanges.get(client) ?? []) {
      if (!range.live || range.end <= start || range.start >= end) continue;
      this.uncount(client, range.parent, range.key, Math.max(start, range.start), Math.min(end, range.end));
    }
  }

  private uncount(client: number, parent: number, key: number, from: number, to: number): void {
    if (parent < 0) return;
    const container = CONTAINERS[this.roleOf(parent)] as Container;
    if (SERVER_WRITTEN.has(container) && !this.trusted) this.fail(`${container} is written by the server only`);
    this.count(parent, key, from - to);
    if (key !== NONE && KEPT_ENTRIES.has(CONTAINERS[this.roleOf(parent)] as Container))
      this.keptTouched.add(slotId(parent, key));
    if (key === NONE || !this.index.isWatched(parent, this.keyName(key))) return;
    const slot = slotId(parent, key);
    this.plan.watchedTouched.add(slot);
    for (let clock = from; clock < to; clock++) this.plan.watchedRemoved.push([slot, `${client}:${clock}`]);
  }

  /** Live keys gained or lost per counted map, from the per-key deltas. */
  sumKeys(): void {
    for (const slot of this.keptTouched) {
      const node = Math.floor(slot / 2 ** 24);
      const before = node < this.index.nodeCount ? (this.index.live.get(slot) ?? 0) : 0;
      if (before > 0 && before + (this.plan.liveDeltas.get(slot) ?? 0) <= 0) this.plan.removesKept = true;
    }
    for (const [slot, delta] of this.plan.liveDeltas) {
      const node = Math.floor(slot / 2 ** 24);
      const before = node < this.index.nodeCount ? (this.index.live.get(slot) ?? 0) : 0;
      const change = Number(before + delta > 0) - Number(before > 0);
      if (change !== 0) this.plan.sizeDeltas.set(node, (this.plan.sizeDeltas.get(node) ?? 0) + change);
    }
  }
}

export function planUpdate(index: DocIndex, update: DecodedUpdate, trusted: boolean): UpdatePlan {
  const planner = new Planner(index, trusted);
  let pending: (Y.Item | Y.GC)[] = [];
  for (const struct of update.structs) {
    if (struct instanceof Y.GC) {
      const start = planner.newFrom(struct);
      if (start < struct.id.clock + struct.length) planner.record(struct, start, DEAD, NONE, NONE);
    } else if (struct instanceof Y.Item) pending.push(struct);
  }
  for (let resolved = true; resolved && pending.length > 0; ) {
    resolved = false;
    const next: (Y.Item | Y.GC)[] = [];
    for (const item of pending as Y.Item[]) {
      const place = planner.place(item);
      if (!place) {
        next.push(item);
        continue;
      }
      resolved = true;
      const start = planner.newFrom(item);
      if (start >= item.id.clock + item.length) continue;
      planner.record(item, start, place.parent, place.key, planner.classify(item, place.parent, place.key));
    }
    pending = next;
  }
  planner.plan.missing = pending.length > 0;
  planner.deletes(update);
  planner.sumKeys();
  return planner.plan;
}
