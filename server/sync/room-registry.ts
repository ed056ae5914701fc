/**
 * Open rooms by board id: a room is loaded once on first join (concurrent
 * joiners share the loading promise) and unloaded, after its writes settle,
 * when its last peer leaves.
 */
import type { BoardStore } from '../storage/store.ts';
import { Room } from './room.ts';

export interface RoomRegistryOptions {
  compactEvery?: number;
  log?: (message: string) => void;
}

export class RoomRegistry {
  private readonly rooms = new Map<string, Promise<Room>>();
  private readonly compactEvery: number;
  private readonly log: (message: string) => void;

  private readonly store: BoardStore;

  constructor(store: BoardStore, options: RoomRegistryOptions = {}) {
    this.store = store;
    this.compactEvery = options.compactEvery ?? 500;
    this.log = options.log ?? console.warn;
  }

  /** The room of a board, loading it from storage on first use. */
  open(boardId: string): Promise<Room> {
    let room = this.rooms.get(boardId);
    if (!room) {
      room = Room.load(boardId, this.store, {
        compactEvery: this.compactEvery,
        onEmpty: (empty) => void this.unloadIfEmpty(empty),
        log: this.log,
      });
      this.rooms.set(boardId, room);
      // A failed load must not stay cached: the next join tries again.
      room.catch(() => this.rooms.delete(boardId));
    }
    return room;
  }

  get openCount(): number {
    return this.rooms.size;
  }

  private async unloadIfEmpty(room: Room): Promise<void> {
    await room.settle();
    const current = await this.rooms.get(room.boardId);
    // Someone may have joined while the writes settled.
    if (current !== room || room.peerCount > 0) return;
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
  }
}
