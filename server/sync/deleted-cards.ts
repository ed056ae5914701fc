/**
 * Keeps the cards people delete, for the trash (README "History"). An update
 * that deletes cards hands over the state just before it; the cards are read
 * from that state in the state worker. Deletions are read one worker task at a
 * time, each task taking every deletion that came meanwhile: the first from its
 * whole state, the next ones from the updates since the one before (the state
 * only grows between them). One participant deleting cards one by one therefore
 * costs one copy of the board per task, not one per deletion.
 */

import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import type { StateWorker } from './state-worker-client.ts';

interface Deletion {
  /** The state just before the deleting update: stored parts, then what was admitted ahead of it. */
  before: Uint8Array[];
  ids: string[];
  deletedAt: string;
  deletedBy: string;
}

export interface DeletionStep {
  /** Start from these updates alone (else apply them to the previous step's document). */
  reset: boolean;
  updates: Uint8Array[];
  ids: string[];
}

/** `next` as the updates that follow `previous`, when it starts with exactly those. */
function stepAfter(previous: Uint8Array[] | null, next: Deletion): DeletionStep {
  const extendsPrevious =
    previous !== null && next.before.length >= previous.length && previous.every((u, i) => next.before[i] === u);
  return extendsPrevious && previous
    ? { reset: false, updates: next.before.slice(previous.length), ids: next.ids }
    : { reset: true, updates: next.before, ids: next.ids };
}

export class DeletedCardKeeper {
  private queue: Deletion[] = [];
  private draining = false;

  private readonly boardId: string;
  private readonly store: BoardStore;
  private readonly worker: StateWorker;
  private readonly log: Logger;

  constructor(boardId: string, deps: { store: BoardStore; worker: StateWorker; log: Logger }) {
    this.boardId = boardId;
    this.store = deps.store;
    this.worker = deps.worker;
    this.log = deps.log;
  }

  note(ids: string[], before: Uint8Array[], deletedBy: string): void {
    this.queue.push({ before, ids, deletedAt: new Date().toISOString(), deletedBy });
    if (!this.draining) void this.drain();
  }

  /** Resolves when every deletion noted so far is kept (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.draining) await new Promise((resolve) => setTimeout(resolve, 5));
  }

  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        let previous: Uint8Array[] | null = null;
        const steps = batch.map((deletion) => {
          const step = stepAfter(previous, deletion);
          previous = deletion.before;
          return step;
        });
        try {
          const found = await this.worker.run({ op: 'read-deleted', steps });
          const entries = batch.flatMap((deletion, i) =>
            (found[i] ?? []).map((card) => ({
              cardId: card.id,
              deletedAt: deletion.deletedAt,
              deletedBy: deletion.deletedBy,
              card,
            })),
          );
          if (entries.length > 0) await this.store.addDeletedCards(this.boardId, entries);
        } catch (error) {
          this.log.error(
            { event: 'room.deleted-cards-failed', board: this.boardId, err: error },
            'keeping deleted cards failed',
          );
        }
      }
    } finally {
      this.draining = false;
    }
  }
}
