/**
 * A room's admission checks: whether an incoming update may be stored at all.
 * An update that would break the board layout or pass the card limit is
 * refused (its sender closed, nothing stored); the rest go on to the write side.
 *
 * The card count needs an analysis of the whole state, which runs in the state
 * worker. Updates that arrive before it is known wait, in order, and are
 * admitted once it is.
 */
import * as Y from 'yjs';
import { type CardChange, CardIndex } from './card-index.ts';
import type { DocState } from './doc-state.ts';
import { layoutViolation } from './layout-guard.ts';
import { CLOSE_BOARD_FULL, CLOSE_LAYOUT_BROKEN, CLOSE_STORAGE_UNAVAILABLE } from './limits.ts';
import type { Peer } from './room.ts';
import type { PendingUpdate, RoomWrites } from './room-writes.ts';
import type { StateWorker } from './state-worker-client.ts';
import type { SyncStats } from './stats.ts';

export interface AdmissionOptions {
  maxCardsPerBoard: number;
  /**
   * An admitted update deletes these cards; `before` is the state just before it
   * (what is stored and what is admitted ahead of it), to keep their content.
   */
  onCardsDeleted?: (ids: string[], before: Uint8Array[], entry: PendingUpdate) => void;
  log: (message: string) => void;
  stats: SyncStats;
  worker: StateWorker;
}

export class RoomAdmission {
  /** Known once the state has been analysed; updates wait for it (their card count is checked against it). */
  private cards: CardIndex | null = null;
  /** The analysis under way; it resolves with the state vector it found (undefined if it failed). */
  private analysis: Promise<Uint8Array | undefined> | null = null;
  /** Updates that arrived while the analysis ran; they are admitted in order once it is done. */
  private waiting: PendingUpdate[] = [];
  /**
   * Peers closed for an update of theirs. Their updates still waiting behind it
   * are dropped: they build on what was refused, so stored they would leave a
   * gap that the refused client (closed for good) never fills.
   */
  private readonly refusedPeers = new WeakSet<Peer>();

  private readonly boardId: string;
  private readonly content: DocState;
  private readonly writes: RoomWrites;
  private readonly options: AdmissionOptions;

  constructor(boardId: string, content: DocState, writes: RoomWrites, options: AdmissionOptions) {
    this.boardId = boardId;
    this.content = content;
    this.writes = writes;
    this.options = options;
  }

  /** Admits an update now, or queues it behind the analysis when the card count is not known yet. */
  submit(entry: PendingUpdate): void {
    if (this.cards && this.waiting.length === 0) {
      this.admit(entry);
      return;
    }
    this.waiting.push(entry);
    void this.ensureAnalysis();
  }

  /** Storage refused updates that were already counted as cards: count again from what is stored. */
  recount(): void {
    this.cards = null;
    void this.ensureAnalysis();
  }

  /**
   * Analyses the state (vector, card index) in the worker when either is
   * unknown, then replays what was stored or admitted meanwhile and lets
   * waiting updates through. Runs in the write side's background chain, so a
   * compaction never replaces the state under it.
   */
  ensureAnalysis(): Promise<Uint8Array | undefined> {
    if (this.analysis) return this.analysis;
    const known = this.content.stateVector();
    if (this.cards && known) return Promise.resolve(known);
    this.analysis = this.writes
      .inBackground(async () => {
        const parts = this.content.parts();
        const covered = this.content.tailLength;
        try {
          const { vector, cards } = await this.options.worker.run({ op: 'analyze', updates: parts });
          // Replay, in order of arrival, what was stored, is being stored or was admitted meanwhile.
          const index = CardIndex.fromData(cards);
          for (const update of this.content.tailSince(covered)) index.commit(index.plan(Y.decodeUpdate(update)));
          for (const { decoded } of this.writes.unstored()) index.commit(index.plan(decoded));
          this.content.setVector(new Map(vector), covered);
          this.cards = index;
          return Y.encodeStateVector(new Map(vector));
        } catch (error) {
          this.options.log(`board ${this.boardId}: analysis failed: ${(error as Error).message}`);
          return undefined;
        }
      })
      .finally(() => {
        this.analysis = null;
        const waiting = this.waiting;
        this.waiting = [];
        for (const entry of waiting) this.admit(entry);
      });
    return this.analysis;
  }

  /**
   * Queues an update for storage, or refuses it (closes the sender, stores
   * nothing) when it would break the board layout or pass the card limit.
   */
  private admit(entry: PendingUpdate): void {
    const { from: peer, decoded } = entry;
    if (this.refusedPeers.has(peer)) return;
    const cards = this.cards;
    if (!cards) {
      // The analysis failed: without a count the update cannot be checked; the sender resends later.
      this.refuse(entry, CLOSE_STORAGE_UNAVAILABLE, 'board state unavailable, edits kept locally; retrying');
      return;
    }
    const change = cards.plan(decoded);
    if (entry.trusted) {
      this.accept(entry, cards, change);
      return;
    }
    const violation = layoutViolation(decoded, change);
    if (violation) {
      this.options.stats.refused++;
      this.refuse(entry, CLOSE_LAYOUT_BROKEN, violation);
      return;
    }
    if (change.added.length > 0 || change.deleted.length > 0) {
      const after = cards.countAfter(change);
      // Over the limit is refused only when it grows: a board already over it (an import) can still shrink.
      if (after > this.options.maxCardsPerBoard && after > cards.count) {
        this.options.stats.refused++;
        this.refuse(entry, CLOSE_BOARD_FULL, `the board is full (at most ${this.options.maxCardsPerBoard} cards)`);
        return;
      }
    }
    this.accept(entry, cards, change);
  }

  private accept(entry: PendingUpdate, cards: CardIndex, change: CardChange): void {
    const deleted = cards.removedBy(change);
    if (deleted.length > 0 && this.options.onCardsDeleted) {
      const before = [...this.content.parts(), ...this.writes.unstored().map((e) => e.update)];
      this.options.onCardsDeleted(deleted, before, entry);
    }
    cards.commit(change);
    this.writes.enqueue(entry);
  }

  private refuse(entry: PendingUpdate, code: number, reason: string): void {
    entry.settled?.reject(new Error(reason));
    // The server's own edits (they wait on `settled`) must not stop its later ones.
    if (!entry.settled) this.refusedPeers.add(entry.from);
    entry.from.close(code, reason);
  }
}
