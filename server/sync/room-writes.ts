/**
 * A room's write side. Durability rule: an update is written to storage before
 * anything else sees it; updates admitted while the previous write was under
 * way (or in the same tick) are written in one transaction (group commit), in
 * order of arrival, and only then added to the state and handed back to the
 * room to relay. A slower store (PostgreSQL: a network round trip and a commit)
 * so writes bigger batches, not more of them, and never falls behind.
 *
 * Compaction folds the log into the state in the state worker (dropping the
 * content of deleted text, as a Y.Doc does) and stores it, while appends go on. Whole-state work runs one task at a time
 * (`inBackground`), so the room's analysis and a compaction never replace the
 * state under each other.
 */
import * as Y from 'yjs';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import type { DocState } from './doc-state.ts';
import type { DecodedUpdate } from './protocol.ts';
import type { Peer } from './room.ts';
import type { StateWorker } from './state-worker-client.ts';
import type { SyncStats } from './stats.ts';

export interface PendingUpdate {
  update: Uint8Array;
  decoded: DecodedUpdate;
  from: Peer;
  /** Sent before the sender answered our sync step 1 (see RoomAdmission.admit). */
  beforeSync?: boolean;
  /** Made by the server itself (rename, lock): admitted without the checks for clients' updates. */
  trusted?: boolean;
  /** Made by the server but checked like a client's (a restore): it may write what only the server writes. */
  byServer?: boolean;
  /** Told when the update is stored, or refused (server edits wait for it). */
  settled?: { resolve: () => void; reject: (error: Error) => void };
}

export interface RoomWritesOptions {
  /** Fold the log into the state after about this many appended updates (see shouldCompact). */
  compactEvery: number;
  /**
   * Other processes write this board too (REDIS_URL): the stored log may hold updates this room
   * has not received yet, so storage is compacted from what storage holds (foldShared), never
   * from the room's copy.
   */
  sharedStore?: boolean;
  log: Logger;
  stats: SyncStats;
  worker: StateWorker;
}

export interface RoomWritesHooks {
  /** A batch is stored and in the state. */
  stored(batch: PendingUpdate[]): void;
  /** Storage refused a batch: nothing of it is stored. */
  refused(batch: PendingUpdate[], error: Error): void;
}

export class RoomWrites {
  /** Sequence number of the last stored update (compaction folds the log up to it). */
  lastSeq = 0;
  private appendedSinceCompaction = 0;
  /** Updates (and their bytes) this process appended since it last folded a shared store. */
  private ownSinceFold = 0;
  private ownBytesSinceFold = 0;
  private pending: PendingUpdate[] = [];
  /** Batches handed to storage and not yet in the state. */
  private readonly inFlight = new Set<PendingUpdate[]>();
  private flushScheduled = false;
  /** A write loop is under way: it takes what is queued meanwhile. */
  private draining = false;
  private chain: Promise<void> = Promise.resolve();
  private compaction: Promise<void> | null = null;
  private background: Promise<void> = Promise.resolve();

  private readonly boardId: string;
  private readonly store: BoardStore;
  private readonly content: DocState;
  private readonly options: RoomWritesOptions;
  private readonly hooks: RoomWritesHooks;

  constructor(
    boardId: string,
    store: BoardStore,
    content: DocState,
    loaded: { lastSeq: number; updates: number },
    options: RoomWritesOptions,
    hooks: RoomWritesHooks,
  ) {
    this.boardId = boardId;
    this.store = store;
    this.content = content;
    this.options = options;
    this.hooks = hooks;
    this.lastSeq = loaded.lastSeq;
    // No log rows (lastSeq 0) means the stored state is already compacted: closing need not rewrite it.
    this.appendedSinceCompaction = loaded.lastSeq === 0 ? 0 : loaded.updates;
  }

  /**
   * Adds an update another process stored (README "Running on several machines"): into the
   * state as if written here, not stored again. Its seq only keeps `lastSeq` moving.
   */
  addRelayed(update: Uint8Array, decoded: DecodedUpdate, seq: number): void {
    this.lastSeq = Math.max(this.lastSeq, seq);
    this.appendedSinceCompaction++;
    this.content.add(update, decoded);
    if (this.shouldCompact()) void this.compact();
  }

  /** Queues an admitted update for the next group commit. */
  enqueue(entry: PendingUpdate): void {
    this.pending.push(entry);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** What is admitted but not yet in the state (being written, then waiting), in order of arrival. */
  unstored(): PendingUpdate[] {
    return [...[...this.inFlight].flat(), ...this.pending];
  }

  /** Bytes of what is admitted but not yet in the state. */
  unstoredBytes(): number {
    let bytes = 0;
    for (const batch of this.inFlight) for (const entry of batch) bytes += entry.update.byteLength;
    for (const entry of this.pending) bytes += entry.update.byteLength;
    return bytes;
  }

  /** Runs whole-state work one task at a time: each snapshots the state and may replace it. */
  inBackground<T>(task: () => Promise<T>): Promise<T> {
    const run = this.background.then(task);
    this.background = run.then(
      () => {},
      () => {},
    );
    return run;
  }

  /** Waits for every queued write and a final compaction; used before the room is dropped. */
  async settle(): Promise<void> {
    if (this.flushScheduled) this.flush();
    await this.chain;
    await this.compaction;
    await this.compact();
    // The room goes: what this process appended is folded into the shared store now, however little.
    if (this.options.sharedStore) {
      await this.inBackground(() => this.foldShared()).catch((error: unknown) => this.compactionFailed(error));
    }
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.draining || this.pending.length === 0) return;
    this.draining = true;
    this.chain = this.chain
      .then(async () => {
        // Each batch is what waits when the previous write is done. Until then it stays in
        // `pending`, so `unstored()` sees it: a batch formed early and queued behind a slow write
        // was in neither list, an analysis then left it out of the document index, and the
        // sender's next edit, built on it, was refused as building on content the server lacked.
        while (this.pending.length > 0) {
          const batch = this.pending;
          this.pending = [];
          await this.write(batch);
        }
      })
      // The chain must survive anything, or every later write of the board would wait forever.
      .catch((error: Error) =>
        this.options.log.error({ event: 'room.write-failed', board: this.boardId, err: error }, 'board write failed'),
      )
      .finally(() => {
        this.draining = false;
      });
  }

  private async write(batch: PendingUpdate[]): Promise<void> {
    this.inFlight.add(batch);
    try {
      this.lastSeq = await this.store.appendUpdates(
        this.boardId,
        batch.map((entry) => entry.update),
      );
    } catch (error) {
      this.hooks.refused(batch, error as Error);
      return;
    } finally {
      this.inFlight.delete(batch);
    }
    this.options.stats.updatesStored += batch.length;
    this.appendedSinceCompaction += batch.length;
    this.ownSinceFold += batch.length;
    for (const { update, decoded } of batch) {
      this.ownBytesSinceFold += update.byteLength;
      this.content.add(update, decoded);
    }
    this.hooks.stored(batch);
    if (this.shouldCompact()) void this.compact();
  }

  /**
   * Compacting rewrites the whole state, so on a large board it waits until the
   * log is worth it: at least `compactEvery` updates and an eighth of the state's
   * size (or four times `compactEvery`, which bounds the log a load must merge).
   */
  private worthFolding(updates: number, bytes: number): boolean {
    const { compactEvery } = this.options;
    if (updates < compactEvery) return false;
    return bytes * 8 >= this.content.stateBytes || updates >= 4 * compactEvery;
  }

  private shouldCompact(): boolean {
    return !this.compaction && this.worthFolding(this.appendedSinceCompaction, this.content.bytesInTail);
  }

  /**
   * A shared store is folded by the same rule, counting only this process's own appends, not
   * every update the room saw: each process folds its share, so the board's stored log is folded
   * about as often as one process alone would fold it, not once per process.
   */
  private shouldFold(): boolean {
    return this.worthFolding(this.ownSinceFold, this.ownBytesSinceFold);
  }

  /** Merges the log into the state in the worker and stores it; appends go on meanwhile (with later seqs). */
  private compact(): Promise<void> {
    this.compaction ??= this.inBackground(async () => {
      if (this.appendedSinceCompaction === 0) return;
      const parts = this.content.parts();
      const throughSeq = this.lastSeq;
      const appended = this.appendedSinceCompaction;
      try {
        // Through a Y.Doc in the worker, so deleted text is dropped as a Y.Doc would drop it.
        const merged = await this.options.worker.run({ op: 'compact', updates: parts, at: this.content.position() });
        if (!this.options.sharedStore) await this.store.compact(this.boardId, merged, throughSeq);
        this.content.replace(merged, parts.length - 1);
        this.appendedSinceCompaction -= appended;
        if (this.options.sharedStore && this.shouldFold()) await this.foldShared();
      } catch (error) {
        // The log stays as it was; compaction is tried again after later writes.
        this.compactionFailed(error);
      }
    }).finally(() => {
      this.compaction = null;
    });
    return this.compaction;
  }

  private compactionFailed(error: unknown): void {
    this.options.log.warn({ event: 'room.compaction-failed', board: this.boardId, err: error }, 'compaction failed');
  }

  /**
   * Compacts a store several processes write: what storage holds is read, folded and written
   * back under the store's per-board lock (foldStored), so no process ever deletes an update it
   * has not folded. Only a process that appended since its last fold does it. The room's own
   * state was compacted just before (in the worker); this fold is the board's stored copy.
   */
  private async foldShared(): Promise<void> {
    const own = this.ownSinceFold;
    const ownBytes = this.ownBytesSinceFold;
    if (own === 0) return;
    await this.store.foldStored(this.boardId, (updates) => this.options.worker.run({ op: 'fold', updates }));
    this.ownSinceFold -= own;
    this.ownBytesSinceFold -= ownBytes;
  }
}

/** Merges a board's stored state and log. One that no longer reads (they were validated when stored) is skipped. */
export async function mergeStored(
  updates: Uint8Array[],
  worker: StateWorker,
  onSkipped: (error: Error) => void,
): Promise<Uint8Array> {
  // A compacted board is one update: nothing to merge (and no copy to the worker and back).
  if (updates.length === 1) return updates[0] as Uint8Array;
  try {
    return await worker.run({ op: 'merge', updates });
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
    return worker.run({ op: 'merge', updates: readable });
  }
}
