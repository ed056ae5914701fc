/**
 * What a client gets in answer to its sync step 1. A new client (empty state
 * vector) gets the stored state as it is plus the merged tail: no work on the
 * whole state. A returning client gets what it lacks, worked out in the state
 * worker; every client that already has all our structs gets the same answer
 * (our deletions), so a reconnect storm after a restart costs one diff.
 */
import * as Y from 'yjs';
import type { Logger } from '../log/logger.ts';
import type { DocState } from './doc-state.ts';
import type { Peer } from './peer.ts';
import { encodeStateVectorMessage, encodeSyncStep2Update, encodeUpdate } from './protocol.ts';
import type { StateWorker } from './state-worker-client.ts';

export class SyncAnswers {
  private covered: { key: string; update: Promise<Uint8Array> } | null = null;

  private readonly boardId: string;
  private readonly content: DocState;
  private readonly worker: StateWorker;
  private readonly log: Logger;

  constructor(boardId: string, content: DocState, options: { worker: StateWorker; log: Logger }) {
    this.boardId = boardId;
    this.content = content;
    this.worker = options.worker;
    this.log = options.log;
  }

  /**
   * Sends a peer that joined our sync step 1 (our state vector), once its own step 1 (usually
   * already buffered) has been answered, which is what syncs a new client; on a room just loaded
   * it waits for the analysis (`analysed`). It must always go out: it is what makes a reconnecting
   * client send the edits it made offline. A vector older than the current one only makes the
   * client resend a little more.
   */
  sendStep1(peer: Peer, analysed: () => Promise<Uint8Array | undefined>, present: () => boolean): void {
    const sendVector = (fallback: Uint8Array | undefined) => {
      const vector = this.content.stateVector() ?? fallback;
      if (vector && present()) peer.send(encodeStateVectorMessage(vector));
    };
    const known = this.content.stateVector();
    if (known) setImmediate(() => sendVector(known));
    else void analysed().then(sendVector);
  }

  /** Sends a peer its sync step 2 (one from the worker only while `present()` says it is still in the room). */
  reply(peer: Peer, stateVector: Uint8Array, lastSeq: number, present: () => boolean): void {
    const answer = this.answer(stateVector, lastSeq);
    if (Array.isArray(answer)) {
      const [state, tail] = answer;
      peer.send(encodeSyncStep2Update(state as Uint8Array));
      if (tail) peer.send(encodeUpdate(tail));
      return;
    }
    answer.then(
      (update) => present() && peer.send(encodeSyncStep2Update(update)),
      (error: Error) =>
        this.log.error({ event: 'room.sync-failed', board: this.boardId, err: error }, 'sync answer failed'),
    );
  }

  /** The updates to send at once (state, then tail), or one update to come from the worker. */
  answer(stateVector: Uint8Array, lastSeq: number): Uint8Array[] | Promise<Uint8Array> {
    const theirs = Y.decodeStateVector(stateVector);
    if (theirs.size === 0) return this.content.forNewClient();
    const parts = this.content.parts();
    if (!this.content.coveredBy(theirs)) return this.worker.run({ op: 'diff', updates: parts, stateVector });
    // The same content has the same answer: the key changes with every write and every compaction.
    const key = `${this.content.stateBytes}:${parts.length}:${lastSeq}`;
    if (this.covered?.key !== key) {
      const ours = this.content.stateVector() as Uint8Array;
      this.covered = { key, update: this.worker.run({ op: 'diff', updates: parts, stateVector: ours }) };
    }
    return this.covered.update;
  }
}
