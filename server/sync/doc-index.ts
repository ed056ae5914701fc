/**
 * A compact structural index of a board document, so the room can check an
 * update against the board contract without a Y.Doc (README "Sync").
 *
 * For every item the server stored, by (client, clock range), it knows the type
 * the item sits in and its map key; for the types themselves what they are in
 * the contract (a card, a text field, the parties of a card …); for texts their
 * live length, for maps which keys are live (and, for meta and zones, their live
 * values). A decoded update is classified against it (update-plan.ts): Yjs names
 * an item's parent only when the item has no neighbour (as a root name, or as the
 * id of the type's own item); otherwise the item sits where its origin (or right
 * origin) sits. An item building on something neither stored nor in the same
 * update is refused: no client would ever integrate it.
 *
 * Built from the whole state in the state worker, handed to the room as plain
 * data (typed arrays), then kept current as updates are admitted.
 *
 * Approximation: when two people set the same map key at once, every client
 * drops the loser without telling the server, so a key may count as live after
 * a later delete; that errs towards refusing and is corrected at the next load.
 */
import * as Y from 'yjs';
import { CONTAINERS, type Container, ROOTS } from '../../shared/board-contract.ts';
import { isZoneKey } from '../../shared/canvas-contract.ts';
import { DeletedRanges, type DeletedRangesData, entryOf, ItemRanges, type ItemRangesData } from './clock-ranges.ts';
import type { DecodedUpdate } from './protocol.ts';
import { type PlanOptions, planUpdate, type UpdatePlan } from './update-plan.ts';

export const NONE = -1;
/** The parent of garbage-collected structs and what builds on them: clients drop it, nothing is checked. */
export const DEAD = -2;
/** A type the contract does not know (stored before validation existed): nothing may be written into it. */
export const INVALID_ROLE = CONTAINERS.length;

const KEY_SPACE = 2 ** 24;
/** One number for a (node, key) pair, as a map key. */
export const slotId = (node: number, key: number): number => node * KEY_SPACE + key;

/** Containers whose live keys are counted (caps, meta and zone guards). */
export const COUNTED_ROLES: ReadonlySet<number> = new Set(
  (
    [
      'meta',
      'cards',
      'canvas',
      'parties',
      'followUp',
      'votes',
      'indicatorValues',
      'roundComments',
      'roundPlaces',
    ] as Container[]
  ).map((c) => CONTAINERS.indexOf(c)),
);

export interface DocIndexData {
  clients: [number, ItemRangesData][];
  deleted: [number, DeletedRangesData][];
  /** Per node: role (a CONTAINERS index), its key in its parent, its limit, its live length or key count. */
  nodes: [Int32Array, Int32Array, Int32Array, Float64Array];
  keys: string[];
  live: [number, number][];
  watched: [number, [string, string][]][];
}

export class DocIndex {
  readonly clients = new Map<number, ItemRanges>();
  readonly deleted = new Map<number, DeletedRanges>();
  readonly roles: number[] = [];
  readonly nodeKeys: number[] = [];
  readonly limits: number[] = [];
  /** Live length of a text, live keys of a counted map. */
  readonly sizes: number[] = [];
  readonly keyNames: string[] = [];
  private readonly keyIds = new Map<string, number>();
  /** Live elements per (counted map, key). */
  readonly live = new Map<number, number>();
  /** Live values (JSON) by element id "client:clock", for meta keys and zones. */
  readonly watched = new Map<number, Map<string, string>>();

  constructor() {
    for (const root of ROOTS) this.addNode(CONTAINERS.indexOf(root), NONE, 0);
  }

  static fromState(state: Uint8Array): DocIndex {
    const index = new DocIndex();
    index.commit(index.plan(Y.decodeUpdate(state), { trusted: true }));
    return index;
  }

  static fromData(data: DocIndexData): DocIndex {
    const index = new DocIndex();
    index.roles.length = index.nodeKeys.length = index.limits.length = index.sizes.length = 0;
    for (const [client, ranges] of data.clients) index.clients.set(client, new ItemRanges(ranges));
    for (const [client, ranges] of data.deleted) index.deleted.set(client, new DeletedRanges(ranges));
    const [roles, keys, limits, sizes] = data.nodes;
    for (let node = 0; node < roles.length; node++) {
      index.addNode(roles[node] as number, keys[node] as number, limits[node] as number, sizes[node] as number);
    }
    for (const key of data.keys) index.keyId(key);
    for (const [slot, count] of data.live) index.live.set(slot, count);
    for (const [slot, values] of data.watched) index.watched.set(slot, new Map(values));
    return index;
  }

  toData(): DocIndexData {
    return {
      clients: [...this.clients].map(([client, ranges]) => [client, ranges.toData()]),
      deleted: [...this.deleted].map(([client, ranges]) => [client, ranges.toData()]),
      nodes: [
        Int32Array.from(this.roles),
        Int32Array.from(this.nodeKeys),
        Int32Array.from(this.limits),
        Float64Array.from(this.sizes),
      ],
      keys: this.keyNames,
      live: [...this.live],
      watched: [...this.watched].map(([slot, values]) => [slot, [...values]]),
    };
  }

  /** Cards on the board (live keys of `cards`). */
  get cardCount(): number {
    return this.sizes[1] as number;
  }

  get nodeCount(): number {
    return this.roles.length;
  }

  role(node: number): Container | undefined {
    return CONTAINERS[this.roles[node] as number];
  }

  /** Whether values of (node, key) are remembered: meta keys and zone records. */
  isWatched(node: number, key: string): boolean {
    return node === 0 || (node === 2 && isZoneKey(key));
  }

  /** The live value of a meta key as JSON (one of them while two writes of it conflict), or undefined. */
  metaJson(key: string): string | undefined {
    const id = this.keyIds.get(key);
    const values = id === undefined ? undefined : this.watched.get(slotId(0, id));
    return values ? [...values.values()][0] : undefined;
  }

  knownKey(key: string): number | undefined {
    return this.keyIds.get(key);
  }

  /** Where the item holding (client, clock) sits, or undefined when the index has no such item. */
  locate(client: number, clock: number): { parent: number; key: number; node: number } | undefined {
    const ranges = this.clients.get(client);
    const at = ranges ? ranges.find(clock) : -1;
    return at >= 0 ? (ranges as ItemRanges).info(at) : undefined;
  }

  isDeleted(client: number, clock: number): boolean {
    return this.deleted.get(client)?.has(clock) ?? false;
  }

  /** Whether a card with this id is on the board now. */
  hasCard(id: string): boolean {
    const key = this.keyIds.get(id);
    return key !== undefined && (this.live.get(slotId(1, key)) ?? 0) > 0;
  }

  /** The cards (keys of `cards`) that are live now and would not be after `plan`: what it deletes. */
  removedCards(plan: UpdatePlan): string[] {
    const removed: string[] = [];
    for (const [slot, delta] of plan.liveDeltas) {
      if (delta >= 0 || Math.floor(slot / KEY_SPACE) !== 1) continue;
      const before = this.live.get(slot) ?? 0;
      if (before > 0 && before + delta <= 0) removed.push(this.keyNames[slot % KEY_SPACE] as string);
    }
    return removed;
  }

  /** What `update` would add and delete, and what it breaks (see update-plan.ts); changes nothing. */
  plan(update: DecodedUpdate, options: PlanOptions = {}): UpdatePlan {
    return planUpdate(this, update, options);
  }

  commit(plan: UpdatePlan): void {
    for (const key of plan.newKeys) this.keyId(key);
    for (const node of plan.newNodes) this.addNode(node.role, node.key, node.limit);
    for (const range of plan.ranges) {
      entryOf(this.clients, range.client, () => new ItemRanges()).add(range.start, range.end, range);
      if (!range.live) this.deletedOf(range.client).add(range.start, range.end);
    }
    for (const [client, intervals] of plan.deletes) {
      const deleted = this.deletedOf(client);
      for (const [start, end] of intervals) deleted.add(start, end);
    }
    for (const [node, delta] of plan.sizeDeltas) this.sizes[node] = (this.sizes[node] as number) + delta;
    for (const [slot, delta] of plan.liveDeltas) {
      const count = (this.live.get(slot) ?? 0) + delta;
      if (count > 0) this.live.set(slot, count);
      else this.live.delete(slot);
    }
    for (const [slot, id] of plan.watchedRemoved) this.watched.get(slot)?.delete(id);
    for (const [slot, id, json] of plan.watchedAdded) {
      entryOf(this.watched, slot, () => new Map<string, string>()).set(id, json);
    }
    for (const [slot, values] of this.watched) if (values.size === 0) this.watched.delete(slot);
  }

  /** Approximate bytes held by the typed-array columns (the per-client part of the index). */
  get columnBytes(): number {
    let bytes = 0;
    for (const ranges of this.clients.values()) bytes += ranges.bytes;
    for (const ranges of this.deleted.values()) bytes += ranges.bytes;
    return bytes;
  }

  private keyId(key: string): number {
    let id = this.keyIds.get(key);
    if (id === undefined) {
      id = this.keyNames.length;
      this.keyNames.push(key);
      this.keyIds.set(key, id);
    }
    return id;
  }

  private addNode(role: number, key: number, limit: number, size = 0): void {
    this.roles.push(role);
    this.nodeKeys.push(key);
    this.limits.push(limit);
    this.sizes.push(size);
  }

  private deletedOf(client: number): DeletedRanges {
    return entryOf(this.deleted, client, () => new DeletedRanges());
  }
}
