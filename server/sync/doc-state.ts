/**
 * A board's document as the server keeps it: Yjs updates, not a Y.Doc. The
 * server never reads the content; it stores, relays and answers syncs, and all
 * of that works on updates (Y.mergeUpdates, Y.diffUpdate). A Y.Doc of a
 * 1,000-card board costs ≈ 12 MB of objects; its merged update is under 1 MB.
 *
 * The state is one merged update; updates stored since sit in a tail that the
 * room folds into the state in the background (state worker) when it compacts.
 * Nothing here touches the whole state on the event loop: a new client gets the
 * state as it is plus the (small) tail merged.
 *
 * Merged updates keep the bytes of deleted text; compaction (in the worker,
 * through a Y.Doc) drops them, so the state stays as small as a Y.Doc's.
 */
import * as Y from 'yjs';
import { randomId } from '../../shared/ids.ts';
import { mergeMany } from './merge.ts';
import type { DecodedUpdate } from './protocol.ts';
import type { LogPosition } from './warm-docs.ts';

export class DocState {
  private state: Uint8Array;
  private tail: Uint8Array[] = [];
  /** The first `mergedCount` tail updates as one update (new clients get it; rebuilt lazily). */
  private mergedTail: Uint8Array | null = null;
  private mergedCount = 0;
  /** Next expected clock per client; null until analysed, or after a gap. */
  private vector: Map<number, number> | null = null;
  bytesInTail = 0;
  /** Names this load of the board for warm documents (warm-docs.ts); renamed when one may be wrong. */
  private room = randomId(16);
  /** Log updates folded into the state since the load. */
  private folded = 0;

  constructor(state: Uint8Array) {
    this.state = state;
  }

  get stateBytes(): number {
    return this.state.byteLength;
  }

  get tailLength(): number {
    return this.tail.length;
  }

  /** Adds an update that has been stored (with its parse, so it is not read twice). */
  add(update: Uint8Array, decoded: DecodedUpdate): void {
    this.tail.push(update);
    this.bytesInTail += update.byteLength;
    this.extendVector(decoded);
  }

  /** The state and the tail, for background work; `tailLength` tells how much of the tail it covers. */
  parts(): Uint8Array[] {
    return [this.state, ...this.tail];
  }

  /** Where `parts()` ends in the log, for tasks that keep a warm document of it. */
  position(): LogPosition {
    return { room: this.room, folded: this.folded };
  }

  /**
   * Stops every warm document of this room from being used again: one of them
   * holds an edit the room then refused, which it must not pass on (the caller
   * also drops it, see ServerEdits; the new name makes sure of it in every thread).
   */
  forgetWarmDocs(): void {
    this.room = randomId(16);
  }

  /** Tail updates added after the first `count`, for replaying onto an analysis of an older snapshot. */
  tailSince(count: number): Uint8Array[] {
    return this.tail.slice(count);
  }

  /** What a client with nothing gets: the state as it is, and the tail merged (when there is one). */
  forNewClient(): Uint8Array[] {
    if (this.tail.length === 0) return [this.state];
    if (this.mergedCount < this.tail.length) {
      const rest = mergeMany(this.tail.slice(this.mergedCount));
      this.mergedTail = this.mergedTail ? Y.mergeUpdates([this.mergedTail, rest]) : rest;
      this.mergedCount = this.tail.length;
    }
    return [this.state, this.mergedTail as Uint8Array];
  }

  /** Replaces the state and the first `count` tail updates with `merged` (their merge, made in the background). */
  replace(merged: Uint8Array, count: number): void {
    this.state = merged;
    this.tail = this.tail.slice(count);
    this.folded += count;
    this.bytesInTail = this.tail.reduce((sum, update) => sum + update.byteLength, 0);
    this.mergedTail = null;
    this.mergedCount = 0;
  }

  /** The encoded state vector, or undefined while it is not known (see Room.ensureAnalysis). */
  stateVector(): Uint8Array | undefined {
    return this.vector ? Y.encodeStateVector(this.vector) : undefined;
  }

  /** Sets the vector of a snapshot that covered the first `count` tail updates, and replays the rest. */
  setVector(vector: Map<number, number>, count: number): void {
    this.vector = vector;
    for (const update of this.tail.slice(count)) this.extendVector(Y.decodeUpdate(update));
  }

  /** Whether a client with `theirs` lacks no struct we have (then only our deletions may be news). */
  coveredBy(theirs: Map<number, number>): boolean {
    if (!this.vector) return false;
    for (const [client, clock] of this.vector) if ((theirs.get(client) ?? 0) < clock) return false;
    return true;
  }

  /**
   * Keeps the vector current without reparsing the state. Structs that do not
   * start where we are (a gap: they depend on something not here yet) make the
   * vector unknown; it is then recomputed the way Yjs does, up to the gap.
   */
  private extendVector({ structs }: DecodedUpdate): void {
    const vector = this.vector;
    if (!vector) return;
    for (const struct of structs) {
      const { client, clock } = struct.id;
      const known = vector.get(client) ?? 0;
      if (struct instanceof Y.Skip || clock > known) {
        this.vector = null;
        return;
      }
      vector.set(client, Math.max(known, clock + struct.length));
    }
  }
}
