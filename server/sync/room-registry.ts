/**
 * Open rooms by board id: a room is loaded once on first join (concurrent
 * joiners share the loading promise) and unloaded, after its writes settle,
 * when its last peer leaves and nothing holds it.
 */
import { ROLES, type Role } from '../../shared/roles.ts';
import type { Template } from '../../shared/template.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore } from '../storage/store.ts';
import type { SyncLimits } from './limits.ts';
import type { PresenceLimits } from './presence.ts';
import { CatchUpQueue, catchUpConcurrency } from './relay/catch-up-queue.ts';
import type { RedisRelay } from './relay/redis-relay.ts';
import { DEFAULT_RETENTION, type RetentionRule } from './retention.ts';
import { Room } from './room.ts';
import { StateWorker } from './state-worker-client.ts';
import { createSyncStats, type SyncStats } from './stats.ts';

/*
 * After storage refused a board's writes, new connections to it are refused
 * (503) for this long. A refused client has just synced, so y-websocket resets
 * its back-off and would reconnect, resync and resend every 200 ms while the
 * fault lasts; a failed upgrade instead makes its back-off grow (to 2.5 s).
 */
export const STORAGE_COOLDOWN_MS = 1_000;

/** What the pages of a deleted board are told. */
const BOARD_DELETED = 'the board was deleted';

/** Automatic versions while people edit: at most one this often (README "History"). */
export const AUTO_VERSION_MS = 10 * 60_000;

export interface RoomRegistryOptions {
  compactEvery?: number;
  autoVersionMs?: number;
  retention?: RetentionRule;
  limits: Pick<SyncLimits, 'maxCardsPerBoard' | 'maxDocumentBytes'> & PresenceLimits;
  stats?: SyncStats;
  log: Logger;
  /** Called when a board's room loads and when an edit of it is stored (board expiry counts both as use). */
  onUsed?: (boardId: string) => void;
  /** Other processes serve the same boards through this relay (REDIS_URL; README "Running on several machines"). */
  relay?: RedisRelay;
  /** Catch-ups from storage at a time, for all rooms together (with a relay; see catch-up-queue.ts). */
  catchUpConcurrency?: number;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  /** Server-side holders of a room (acquire/release), which keep it open without peers. */
  private readonly holds = new Map<string, number>();
  /** When storage last refused a board's writes (see STORAGE_COOLDOWN_MS). */
  private readonly storageRefusedAt = new Map<string, number>();
  private readonly worker = new StateWorker();
  private readonly compactEvery: number;
  private readonly log: Logger;
  private readonly onUsed: (boardId: string) => void;
  private readonly history: { autoVersionMs: number; retention: RetentionRule };
  readonly stats: SyncStats;

  private readonly store: BoardStore;
  private readonly limits: RoomRegistryOptions['limits'];
  private readonly relay: RedisRelay | undefined;
  /** Shared by every room: after a Redis outage they all catch up, a few at a time. */
  private readonly catchUps: CatchUpQueue;

  constructor(store: BoardStore, options: RoomRegistryOptions) {
    this.store = store;
    this.compactEvery = options.compactEvery ?? 500;
    this.history = {
      autoVersionMs: options.autoVersionMs ?? AUTO_VERSION_MS,
      retention: options.retention ?? DEFAULT_RETENTION,
    };
    this.limits = options.limits;
    this.stats = options.stats ?? createSyncStats();
    this.log = options.log;
    this.onUsed = options.onUsed ?? (() => {});
    this.relay = options.relay;
    this.catchUps = new CatchUpQueue(options.catchUpConcurrency ?? catchUpConcurrency(), this.stats);
  }

  /** Boards being deleted: their rooms must not load again meanwhile. */
  private readonly deleting = new Set<string>();

  /** The room of a board, loading it from storage on first use. */
  open(boardId: string): Promise<Room> {
    if (this.deleting.has(boardId)) return Promise.reject(new Error('the board is being deleted'));
    let room = this.rooms.get(boardId);
    if (!room) {
      room = this.load(boardId);
      this.rooms.set(boardId, room);
      room.then(
        () => this.onUsed(boardId),
        // A failed load must not stay cached: the next join tries again.
        () => this.rooms.delete(boardId),
      );
    }
    return room;
  }

  /** Loads a room; with a relay, subscribed to the board's channel first, so nothing stored after the load is missed. */
  private async load(boardId: string): Promise<Room> {
    const channel = await this.relay?.join(boardId);
    try {
      return await Room.load(boardId, this.store, {
        compactEvery: this.compactEvery,
        ...this.history,
        maxCardsPerBoard: this.limits.maxCardsPerBoard,
        maxDocumentBytes: this.limits.maxDocumentBytes,
        presence: this.limits,
        onEmpty: (empty) => void this.unloadIfEmpty(empty),
        onStorageRefused: () => this.storageRefusedAt.set(boardId, Date.now()),
        onEdited: () => this.onUsed(boardId),
        log: this.log,
        stats: this.stats,
        worker: this.worker,
        relay: channel && { channel, catchUps: this.catchUps },
      });
    } catch (error) {
      channel?.leave();
      throw error;
    }
  }

  /**
   * Opens a board's room and keeps it open until `release`, with or without
   * peers (server-side work on a live board; the bench's memory figure).
   */
  async acquire(boardId: string): Promise<Room> {
    this.holds.set(boardId, (this.holds.get(boardId) ?? 0) + 1);
    try {
      return await this.open(boardId);
    } catch (error) {
      this.release(boardId);
      throw error;
    }
  }

  release(boardId: string): void {
    const held = (this.holds.get(boardId) ?? 0) - 1;
    if (held > 0) {
      this.holds.set(boardId, held);
      return;
    }
    this.holds.delete(boardId);
    this.rooms.get(boardId)?.then(
      (room) => {
        if (room.peerCount === 0) void this.unloadIfEmpty(room);
      },
      () => {},
    );
  }

  /** Runs `work` on the board's room, loaded for it if nobody is on the board. */
  async withRoom<T>(boardId: string, work: (room: Room) => Promise<T>): Promise<T> {
    const room = await this.acquire(boardId);
    try {
      return await work(room);
    } finally {
      this.release(boardId);
    }
  }

  /** The room of a board if it is open now (nothing is loaded for it). */
  private async loaded(boardId: string): Promise<Room | undefined> {
    return this.rooms.get(boardId)?.catch(() => undefined);
  }

  /** Locks or unlocks an open room; a room loaded later reads the flag from storage. */
  async setLocked(boardId: string, locked: boolean): Promise<void> {
    (await this.loaded(boardId))?.setLocked(locked);
    this.relay?.announce(boardId, { kind: 'lock', locked });
  }

  /** Closes the connections of these roles on a board (their link was rotated). */
  async closeRoles(boardId: string, roles: readonly Role[], code: number, reason: string): Promise<void> {
    (await this.loaded(boardId))?.closePeers(roles, code, reason);
    this.relay?.announce(boardId, { kind: 'close', roles: [...roles], code, reason });
  }

  /**
   * Deletes a board: its people are closed with `code`, its room settles and
   * unloads, then `remove` deletes it from storage. No room loads meanwhile.
   */
  async deleteBoard(boardId: string, code: number, remove: () => Promise<boolean>): Promise<void> {
    await this.whileDeleting(boardId, async () => {
      const room = await this.loaded(boardId);
      if (room) {
        room.closePeers(ROLES, code, BOARD_DELETED);
        await room.settle();
        this.rooms.delete(boardId);
        room.destroy();
      }
      if (await remove()) this.announceDeleted(boardId, code);
    });
  }

  /**
   * Deletes a board whose room is not open here (board expiry): false, and
   * nothing done, while it is open or loading, or when `remove` finds it in use
   * again. No room loads meanwhile; every other process closes its sockets.
   */
  async deleteUnopened(boardId: string, code: number, remove: () => Promise<boolean>): Promise<boolean> {
    if (this.rooms.has(boardId) || this.deleting.has(boardId)) return false;
    return this.whileDeleting(boardId, async () => {
      const removed = await remove();
      if (removed) this.announceDeleted(boardId, code);
      return removed;
    });
  }

  /** Runs a deletion of the board; no room of it loads meanwhile. */
  private async whileDeleting<T>(boardId: string, work: () => Promise<T>): Promise<T> {
    this.deleting.add(boardId);
    try {
      return await work();
    } finally {
      this.deleting.delete(boardId);
    }
  }

  /** After the delete: a page another process closes finds the board gone if it comes back. */
  private announceDeleted(boardId: string, code: number): void {
    this.relay?.announce(boardId, { kind: 'close', roles: [...ROLES], code, reason: BOARD_DELETED });
  }

  /** True while a board's storage refused writes moments ago: new connections wait a little. */
  coolingDown(boardId: string): boolean {
    const refusedAt = this.storageRefusedAt.get(boardId);
    if (refusedAt === undefined) return false;
    if (Date.now() - refusedAt < STORAGE_COOLDOWN_MS) return true;
    this.storageRefusedAt.delete(boardId);
    return false;
  }

  /** The board's own template in stored updates, read in the state worker (a large board's state costs time to load). */
  readTemplate(updates: Uint8Array[]): Promise<Template | null> {
    return this.worker.run({ op: 'read-template', updates });
  }

  get openCount(): number {
    return this.rooms.size;
  }

  private async unloadIfEmpty(room: Room): Promise<void> {
    await room.settle();
    // A newer room may be loading in this one's place; if its load fails, it is not ours to report.
    const current = await this.rooms.get(room.boardId)?.catch(() => undefined);
    // Someone may have joined (or taken hold) while the writes settled.
    if (current !== room || room.peerCount > 0 || this.holds.has(room.boardId)) return;
    this.rooms.delete(room.boardId);
    room.destroy();
  }

  /** Settles every room's writes (on shutdown). */
  async closeAll(): Promise<void> {
    const rooms = await Promise.allSettled([...this.rooms.values()]);
    for (const result of rooms) {
      if (result.status === 'fulfilled') {
        await result.value.settle();
        result.value.destroy();
      }
    }
    this.rooms.clear();
    await this.worker.close();
  }
}
