/**
 * A room's catch-up from storage when relayed messages may have been lost (a gap
 * in another process's counter, a reconnect to Redis; README "Running on several
 * machines"): whatever storage holds that the room lacks is applied as if it had
 * been relayed, and what control messages may have said is read again from the
 * store: whether the board still exists, its lock, and its links (a socket whose
 * token was rotated meanwhile is closed). Runs one at a time, through the
 * process's catch-up queue; asked again while it waits its turn, that one
 * read covers it, asked again while it reads, it runs once more after.
 */
import * as Y from 'yjs';
import type { Logger } from '../../log/logger.ts';
import type { BoardStore, TokenHashes } from '../../storage/store.ts';
import type { StateWorker } from '../state-worker-client.ts';
import type { CatchUpQueue } from './catch-up-queue.ts';

/** What the catch-up needs of its room. */
export interface CatchUpRoom {
  readonly boardId: string;
  /** The room's state vector (after its analysis; undefined when that failed). */
  stateVector(): Promise<Uint8Array | undefined>;
  /** Applies an update storage holds, as one relayed from another process. */
  applyRelayed(update: Uint8Array, seq: number): void;
  boardDeleted(): void;
  setLocked(locked: boolean): void;
  /** Closes the sockets whose token is not the role's current one. */
  closeRotated(hashes: TokenHashes): void;
}

export class RoomCatchUp {
  private running: Promise<void> | null = null;
  /** The running catch-up has had its turn in the queue (it reads, or has read, storage). */
  private started = false;
  private again = false;
  /** The room has unloaded: a catch-up still waiting in the queue has nothing to do. */
  private stopped = false;

  private readonly room: CatchUpRoom;
  private readonly store: BoardStore;
  private readonly worker: StateWorker;
  private readonly log: Logger;
  private readonly queue: CatchUpQueue;

  constructor(
    room: CatchUpRoom,
    store: BoardStore,
    options: { worker: StateWorker; log: Logger; catchUps: CatchUpQueue },
  ) {
    this.room = room;
    this.store = store;
    this.worker = options.worker;
    this.log = options.log;
    this.queue = options.catchUps;
  }

  request(): Promise<void> {
    if (this.running) {
      if (this.started) this.again = true;
      return this.running;
    }
    this.started = false;
    this.running = this.queue
      .run(() => {
        this.started = true;
        return this.once();
      })
      .catch((error: unknown) =>
        this.log.error({ event: 'relay.catch-up-failed', board: this.room.boardId, err: error }, 'catch-up failed'),
      )
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          void this.request();
        }
      });
    return this.running;
  }

  /** The room unloads. */
  stop(): void {
    this.stopped = true;
  }

  private async once(): Promise<void> {
    if (this.stopped) return;
    const { boardId } = this.room;
    const [info, stored, hashes] = await Promise.all([
      this.store.getBoard(boardId),
      this.store.loadBoard(boardId),
      this.store.tokenHashes(boardId),
    ]);
    if (!info || !hashes) {
      this.room.boardDeleted();
      return;
    }
    this.room.setLocked(info.locked);
    this.room.closeRotated(hashes);
    const vector = (await this.room.stateVector()) ?? Y.encodeStateVector(new Map());
    const missing = await this.worker.run({ op: 'diff', updates: stored.updates, stateVector: vector });
    this.room.applyRelayed(missing, stored.lastSeq);
    this.log.info({ event: 'relay.caught-up', board: boardId, bytes: missing.byteLength }, 'caught up from storage');
  }
}
