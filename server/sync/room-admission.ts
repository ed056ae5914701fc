/**
 * A room's admission checks: whether an incoming update may be stored at all.
 * Every update is checked against the board contract and the sender's role
 * (update-plan.ts, update-rules.ts) on the document index (doc-index.ts), and
 * against the size caps; a refused one closes its sender and is neither stored
 * nor relayed; the rest go on to the write side.
 *
 * The index needs an analysis of the whole state, which runs in the state
 * worker. Updates that arrive before it is known wait, in order, and are
 * admitted once it is.
 */

import * as Y from 'yjs';
import { isVotingRound, type VotingRound } from '../../shared/voting/voting.ts';
import type { Restriction } from '../../shared/workshop/agenda.ts';
import type { Logger } from '../log/logger.ts';
import { DocIndex } from './doc-index.ts';
import type { DocState } from './doc-state.ts';
import { CLOSE_DOCUMENT_TOO_LARGE, CLOSE_STORAGE_UNAVAILABLE } from './limits.ts';
import { mergeMany } from './merge.ts';
import type { DecodedUpdate } from './protocol.ts';
import type { Peer } from './room.ts';
import type { PendingUpdate, RoomWrites } from './room-writes.ts';
import type { StateWorker } from './state-worker-client.ts';
import type { SyncStats } from './stats.ts';
import type { UpdatePlan } from './update-plan.ts';
import { refusalOf } from './update-rules.ts';
import { phaseRestriction } from './workshop-rules.ts';

export interface AdmissionOptions {
  maxCardsPerBoard: number;
  /** The stored document's cap (state plus log). */
  maxDocumentBytes: number;
  /**
   * An admitted update deletes these cards; `before` is the state just before it
   * (what is stored and what is admitted ahead of it), to keep their content.
   */
  onCardsDeleted?: (ids: string[], before: Uint8Array[], entry: PendingUpdate) => void;
  log: Logger;
  stats: SyncStats;
  worker: StateWorker;
}

export class RoomAdmission {
  /** Known once the state has been analysed; updates wait for it (they are checked against it). */
  private index: DocIndex | null = null;
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

  /** Admits an update now, or queues it behind the analysis when the index is not known yet. */
  submit(entry: PendingUpdate): void {
    if (this.index && this.waiting.length === 0) {
      this.admit(entry);
      return;
    }
    this.waiting.push(entry);
    void this.ensureAnalysis();
  }

  /** Refuses a peer's update without looking into it (over the update cap, not even parsed). */
  refuseUnread(peer: Peer, code: number, reason: string): void {
    this.options.stats.refused++;
    this.refusedPeers.add(peer);
    peer.close(code, reason);
  }

  /** Which of these card ids are on the board now (waits for the analysis of a room just loaded). */
  async liveCards(ids: readonly string[]): Promise<string[]> {
    await this.ensureAnalysis();
    const index = this.index;
    if (!index) throw new Error('board state unavailable');
    return ids.filter((id) => index.hasCard(id));
  }

  /** The board's voting round as the document has it now (README "Dot voting"). */
  async votingRound(): Promise<VotingRound | null> {
    await this.ensureAnalysis();
    const json = this.index?.metaJson('voting');
    if (json === undefined) return null;
    try {
      const value: unknown = JSON.parse(json);
      return isVotingRound(value) ? value : null;
    } catch {
      return null;
    }
  }

  /** The workshop phase's restriction as the document has it now ('none' before the analysis). */
  phaseRestriction(): Restriction {
    return this.index ? phaseRestriction(this.index) : 'none';
  }

  /**
   * An update another process stored is in the state now: the index counts it too, so the card
   * limit and the roles' rules judge the board as it is everywhere. One that builds on
   * something not here yet (a relay was lost) cannot be placed: the whole state is indexed again.
   */
  noteRelayed(decoded: DecodedUpdate): void {
    const index = this.index;
    if (!index) return; // the analysis under way replays the state's tail, this update included
    const plan = index.plan(decoded, { trusted: true });
    if (plan.missing) this.recount();
    else index.commit(plan);
  }

  /** Storage refused updates that were already in the index: index again from what is stored. */
  recount(): void {
    this.index = null;
    void this.ensureAnalysis();
  }

  /**
   * Analyses the state (vector, document index) in the worker when either is
   * unknown, then replays what was stored or admitted meanwhile and lets
   * waiting updates through. Runs in the write side's background chain, so a
   * compaction never replaces the state under it.
   */
  ensureAnalysis(): Promise<Uint8Array | undefined> {
    if (this.analysis) return this.analysis;
    const known = this.content.stateVector();
    if (this.index && known) return Promise.resolve(known);
    this.analysis = this.writes
      .inBackground(async () => {
        const parts = this.content.parts();
        const covered = this.content.tailLength;
        try {
          const analysis = await this.options.worker.run({ op: 'analyze', updates: parts });
          // Replay, in order of arrival, what was stored, is being stored or was admitted meanwhile.
          const index = DocIndex.fromData(analysis.index);
          const replay = (decoded: ReturnType<typeof Y.decodeUpdate>) =>
            index.commit(index.plan(decoded, { trusted: true }));
          // The tail as one update: relayed updates of other processes may come in any causal order
          // (a catch-up from storage, then relays it already held), and one update's items are
          // placed whatever their order (update-plan.ts), where one after the other some would not be.
          const tail = this.content.tailSince(covered);
          if (tail.length > 0) replay(Y.decodeUpdate(tail.length === 1 ? (tail[0] as Uint8Array) : mergeMany(tail)));
          for (const { decoded } of this.writes.unstored()) replay(decoded);
          this.content.setVector(new Map(analysis.vector), covered);
          this.index = index;
          return Y.encodeStateVector(new Map(analysis.vector));
        } catch (error) {
          this.options.log.error(
            { event: 'room.analysis-failed', board: this.boardId, err: error },
            'board analysis failed',
          );
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
   * nothing) when it breaks the contract, the sender's role or a cap.
   * Counts over a cap are refused only when they grow: a board already over
   * one (an import) can still shrink. The server's own trusted edits (rename,
   * lock) skip the checks but keep the index current.
   */
  private admit(entry: PendingUpdate): void {
    const { from: peer, decoded } = entry;
    if (this.refusedPeers.has(peer)) return;
    const index = this.index;
    if (!index) {
      // The analysis failed: without the index the update cannot be checked; the sender resends later.
      this.refuse(entry, CLOSE_STORAGE_UNAVAILABLE, 'board state unavailable, edits kept locally; retrying');
      return;
    }
    if (entry.trusted) {
      this.accept(entry, index, index.plan(decoded, { trusted: true }));
      return;
    }
    const maxBytes = this.options.maxDocumentBytes;
    // A delete-only update always passes the size cap, so a full board can be cleaned up.
    if (decoded.structs.length > 0 && this.storedBytes() + entry.update.byteLength > maxBytes) {
      this.options.stats.refused++;
      this.refuse(entry, CLOSE_DOCUMENT_TOO_LARGE, `the board's document is full (at most ${maxBytes} bytes)`);
      return;
    }
    const plan = index.plan(decoded, { byServer: entry.byServer });
    if (plan.missing && !plan.problem && entry.beforeSync) {
      // A reconnecting client types on top of edits the server lost (or never got) before its
      // answer to our sync step 1 brings them: dropped, not refused, as that answer carries it too.
      this.options.stats.dropped++;
      return;
    }
    const refusal = refusalOf(index, plan, peer.role, this.options);
    if (refusal) {
      this.options.stats.refused++;
      this.refuse(entry, refusal.code, refusal.reason);
      return;
    }
    this.accept(entry, index, plan);
  }

  private accept(entry: PendingUpdate, index: DocIndex, plan: UpdatePlan): void {
    const deleted = index.removedCards(plan);
    if (deleted.length > 0 && this.options.onCardsDeleted) {
      const before = [...this.content.parts(), ...this.writes.unstored().map((e) => e.update)];
      this.options.onCardsDeleted(deleted, before, entry);
    }
    index.commit(plan);
    this.writes.enqueue(entry);
  }

  /**
   * Whether `bytes` more still fit the document cap. The server's own edits skip the cap in
   * `admit` (a migration or a layout change must not fail on a full board); one that grows a
   * board by its size, as starting a follow-up round does, asks here first.
   */
  fits(bytes: number): boolean {
    return this.storedBytes() + bytes <= this.options.maxDocumentBytes;
  }

  /** The stored document's cap, for the words of a refusal. */
  get maxDocumentBytes(): number {
    return this.options.maxDocumentBytes;
  }

  /** Bytes of the stored document, the log not compacted yet and what waits to be stored. */
  private storedBytes(): number {
    return this.content.stateBytes + this.content.bytesInTail + this.writes.unstoredBytes();
  }

  private refuse(entry: PendingUpdate, code: number, reason: string): void {
    entry.settled?.reject(new Error(reason));
    // The server's own edits (they wait on `settled`) must not stop its later ones.
    if (!entry.settled) this.refusedPeers.add(entry.from);
    entry.from.close(code, reason);
  }
}
