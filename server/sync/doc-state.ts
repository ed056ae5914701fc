/**
 * A board's document as the server keeps it: Yjs updates merged into one
 * binary state, not a Y.Doc. The server never reads the document's content; it
 * only stores, relays and answers syncs, and all of that works on updates
 * (Y.mergeUpdates, Y.diffUpdate). A Y.Doc of a 1,000-card board costs ≈ 12 MB
 * of objects; its merged update is under 1 MB (see README "Benchmarks").
 *
 * Updates applied since the last merge wait in a tail and are folded in lazily
 * (when a state is needed, or the tail grows), so an edit costs no more than
 * appending to an array. The merged state is not garbage-collected the way a
 * Y.Doc is: deleted text keeps its bytes until a client rewrites the board.
 */
import * as Y from 'yjs';
import type { DecodedUpdate } from './protocol.ts';

/** Fold the tail in at this many updates even when nobody asks for the state, to bound the arrays kept. */
const TAIL_LIMIT = 2_000;

export class DocState {
  private state: Uint8Array;
  private tail: Uint8Array[] = [];
  private tailBytes = 0;
  /** Next expected clock per client; null when it must be recomputed from the state. */
  private vector: Map<number, number> | null = null;
  private encodedVector: Uint8Array | null = null;
  /** The delete-set-only answer for clients that already have every struct; per state version. */
  private deletesOnly: Uint8Array | null = null;

  /** Merges stored updates; an unreadable one is skipped (and reported) rather than losing the board. */
  constructor(updates: Uint8Array[], onSkipped: (error: Error) => void) {
    try {
      this.state = Y.mergeUpdates(updates);
    } catch {
      const readable = updates.filter((update) => {
        try {
          Y.decodeUpdate(update);
          return true;
        } catch (error) {
          onSkipped(error as Error);
          return false;
        }
      });
      this.state = Y.mergeUpdates(readable);
    }
  }

  /** Adds an update that has been stored (with its parse, so it is not read twice). */
  add(update: Uint8Array, decoded: DecodedUpdate): void {
    this.tail.push(update);
    this.tailBytes += update.byteLength;
    this.deletesOnly = null;
    this.encodedVector = null;
    this.extendVector(decoded);
    if (this.tail.length >= TAIL_LIMIT) this.merged();
  }

  /** Bytes of update data added since the state was last merged. */
  get pendingBytes(): number {
    return this.tailBytes;
  }

  get stateBytes(): number {
    return this.state.byteLength;
  }

  /** The whole document as one update. */
  merged(): Uint8Array {
    if (this.tail.length > 0) {
      this.state = Y.mergeUpdates([this.state, ...this.tail]);
      this.tail = [];
      this.tailBytes = 0;
    }
    return this.state;
  }

  /** The encoded state vector, for the server's sync step 1. */
  stateVector(): Uint8Array {
    if (!this.encodedVector) {
      const vector = this.currentVector();
      this.encodedVector = Y.encodeStateVector(vector);
    }
    return this.encodedVector;
  }

  /** What a client with `stateVector` lacks, for sync step 2. */
  diff(stateVector: Uint8Array): Uint8Array {
    const theirs = Y.decodeStateVector(stateVector);
    // A new client: the whole state is the answer, no parse needed.
    if (theirs.size === 0) return this.merged();
    if (this.covers(theirs)) {
      // A reconnecting client that has every struct still needs our deletions; many
      // reconnect at once after a restart, so that answer is computed once.
      this.deletesOnly ??= Y.diffUpdate(this.merged(), this.stateVector());
      return this.deletesOnly;
    }
    return Y.diffUpdate(this.merged(), stateVector);
  }

  private covers(theirs: Map<number, number>): boolean {
    for (const [client, clock] of this.currentVector()) {
      if ((theirs.get(client) ?? 0) < clock) return false;
    }
    return true;
  }

  private currentVector(): Map<number, number> {
    this.vector ??= Y.decodeStateVector(Y.encodeStateVectorFromUpdate(this.merged()));
    return this.vector;
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
