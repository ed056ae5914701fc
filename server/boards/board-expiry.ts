/**
 * Board expiry (BOARD_RETENTION_DAYS, off by default): boards neither opened
 * nor edited for that long are deleted. "Used" is recorded in the boards table
 * (last_used_at) when a board's info is read (the page opening it), its room
 * loads and it is edited, at most once per TOUCH_INTERVAL_MS per board, so a
 * busy board costs one small write an hour. Recorded whether or not expiry is
 * on, so turning it on later counts from real use.
 */
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';

export const TOUCH_INTERVAL_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * 60 * 60 * 1000;
/** How often expired boards are looked for (and once at start). */
export const DEFAULT_SWEEP_INTERVAL_MS = 60 * 60 * 1000;
/** Past this many remembered boards, those recorded more than TOUCH_INTERVAL_MS ago are forgotten. */
const MAX_REMEMBERED = 10_000;

export interface BoardExpiryOptions {
  store: BoardStore;
  /** 0: boards never expire. */
  retentionDays: number;
  log: Logger;
  /**
   * Deletes the board unless its room is open here (it is in use: never deleted under its
   * visitors) or it was used at or after `unusedBefore`; closes its sockets on every other
   * process (RoomRegistry.deleteUnopened). True when it was deleted.
   */
  deleteUnused: (boardId: string, unusedBefore: string) => Promise<boolean>;
  now?: () => number;
}

export class BoardExpiry {
  /** When each board was last recorded as used by this process (the throttle). */
  private readonly touched = new Map<string, number>();
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private readonly options: BoardExpiryOptions;
  private readonly now: () => number;

  constructor(options: BoardExpiryOptions) {
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  get enabled(): boolean {
    return this.options.retentionDays > 0;
  }

  /** Records a use of the board (throttled). A storage fault is logged, never thrown: use goes on. */
  async touch(boardId: string): Promise<void> {
    const now = this.now();
    const last = this.touched.get(boardId);
    if (last !== undefined && now - last < TOUCH_INTERVAL_MS) return;
    if (this.touched.size >= MAX_REMEMBERED) this.forgetOld(now);
    this.touched.set(boardId, now);
    try {
      await this.options.store.touchBoard(boardId, new Date(now).toISOString());
    } catch (error) {
      this.touched.delete(boardId);
      this.options.log.warn({ event: 'board.touch-failed', board: boardId, err: error }, 'recording board use failed');
    }
  }

  /** When the board will be deleted if nobody uses it until then (ISO time); undefined when expiry is off. */
  async expiresAt(boardId: string): Promise<string | undefined> {
    if (!this.enabled) return undefined;
    const lastUsed = await this.options.store.boardLastUsed(boardId);
    if (!lastUsed) return undefined;
    return new Date(Date.parse(lastUsed) + this.options.retentionDays * DAY_MS).toISOString();
  }

  /** Deletes every board unused for the retention period whose room is not open; returns their ids. */
  async sweep(): Promise<string[]> {
    if (!this.enabled) return [];
    const now = this.now();
    this.forgetOld(now);
    const cutoff = new Date(now - this.options.retentionDays * DAY_MS).toISOString();
    const deleted: string[] = [];
    for (const id of await this.options.store.unusedBoards(cutoff)) {
      if (await this.options.deleteUnused(id, cutoff)) {
        deleted.push(id);
        this.touched.delete(id);
        this.options.log.info(
          { event: 'board.expired', board: id, retentionDays: this.options.retentionDays },
          `board ${id} deleted: unused for ${this.options.retentionDays} days`,
        );
      }
    }
    return deleted;
  }

  /** Drops throttle entries older than the interval: such a board is recorded again on its next use anyway. */
  private forgetOld(now: number): void {
    for (const [id, at] of this.touched) if (now - at >= TOUCH_INTERVAL_MS) this.touched.delete(id);
  }

  /** Sweeps now and then every `intervalMs` (a failed sweep is logged and tried again later). */
  start(intervalMs = DEFAULT_SWEEP_INTERVAL_MS): void {
    if (!this.enabled || this.timer) return;
    const run = () => {
      this.running = this.running
        .then(() => this.sweep())
        .then(
          () => {},
          (error: Error) =>
            this.options.log.error({ event: 'board.expiry-failed', err: error }, 'board expiry sweep failed'),
        );
    };
    run();
    this.timer = setInterval(run, intervalMs);
    this.timer.unref();
  }

  /** Stops sweeping; resolves once a sweep under way has finished (before storage closes). */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running;
  }
}
