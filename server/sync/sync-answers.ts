/**
 * What a client gets in answer to its sync step 1. A new client (empty state
 * vector) gets the stored state as it is plus the merged tail: no work on the
 * whole state. A returning client gets what it lacks, worked out in the state
 * worker; every client that already has all our structs gets the same answer
 * (our deletions), so a reconnect storm after a restart costs one diff.
 */
import * as Y from 'yjs';
import type { DocState } from './doc-state.ts';
import type { StateWorker } from './state-worker-client.ts';

export class SyncAnswers {
  private covered: { key: string; update: Promise<Uint8Array> } | null = null;

  private readonly content: DocState;
  private readonly worker: StateWorker;

  constructor(content: DocState, worker: StateWorker) {
    this.content = content;
    this.worker = worker;
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
