/**
 * One board's live room: its document, its awareness and the peers in it.
 *
 * Durability rule: an update is written to storage before it is applied to the
 * room's document, and only the document's update event relays it to peers, so
 * nothing is relayed that is not stored. Updates arriving in the same tick are
 * written in one transaction (group commit). The order of the write chain is
 * the order of arrival.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { BoardStore } from '../storage/store.ts';
import {
  type ClientMessage,
  decodeClientMessage,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './protocol.ts';

/** The room's view of a connection; the socket details live in connection.ts. */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  /** Fold the update log into one state after this many appended updates. */
  compactEvery: number;
  /** Called when the last peer has left. */
  onEmpty: (room: Room) => void;
  log: (message: string) => void;
}

/** Close code sent when storage refuses a write: the client keeps its state and reconnects. */
export const CLOSE_STORAGE_UNAVAILABLE = 1011;

export class Room {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  private pending: { update: Uint8Array; from: Peer }[] = [];
  private flushScheduled = false;
  private writeChain: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private appendedSinceCompaction = 0;

  readonly boardId: string;
  private readonly store: BoardStore;
  private readonly options: RoomOptions;

  private constructor(boardId: string, store: BoardStore, options: RoomOptions) {
    this.boardId = boardId;
    this.store = store;
    this.options = options;
    this.awareness.setLocalState(null);
    this.doc.on('update', (update: Uint8Array, origin: unknown) => this.relayUpdate(update, origin));
    this.awareness.on('update', this.relayAwareness);
  }

  /** Loads the board's stored state and log into a new room. */
  static async load(boardId: string, store: BoardStore, options: RoomOptions): Promise<Room> {
    const room = new Room(boardId, store, options);
    const stored = await store.loadBoard(boardId);
    room.doc.transact(() => {
      for (const update of stored.updates) {
        try {
          Y.applyUpdate(room.doc, update);
        } catch (error) {
          // Updates are validated before they are stored; log rather than lose the board.
          options.log(`board ${boardId}: skipped an unreadable stored update: ${(error as Error).message}`);
        }
      }
    });
    room.lastSeq = stored.lastSeq;
    room.appendedSinceCompaction = stored.updates.length;
    return room;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** Adds a peer and starts the sync handshake with it (server's step 1 and the awareness states). */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    peer.send(encodeSyncStep1(this.doc));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) peer.send(encodeAwareness(this.awareness, states));
  }

  leave(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    if (controlled.size > 0) awarenessProtocol.removeAwarenessStates(this.awareness, [...controlled], null);
    if (this.peers.size === 0) this.options.onEmpty(this);
  }

  /** Handles one message from a peer. Throws ProtocolError on malformed bytes; nothing is applied then. */
  receive(peer: Peer, bytes: Uint8Array): void {
    this.handle(peer, decodeClientMessage(bytes));
  }

  private handle(peer: Peer, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        peer.send(encodeSyncStep2(this.doc, message.stateVector));
        return;
      case 'update':
        this.enqueue(message.update, peer);
        return;
      case 'awareness':
        awarenessProtocol.applyAwarenessUpdate(this.awareness, message.update, peer);
        return;
      case 'query-awareness':
        peer.send(encodeAwareness(this.awareness, [...this.awareness.getStates().keys()]));
        return;
      case 'ignored':
        return;
    }
  }

  private enqueue(update: Uint8Array, from: Peer): void {
    this.pending.push({ update, from });
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes the pending batch in one transaction, then applies (and so relays) it. */
  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.flushScheduled = false;
    this.writeChain = this.writeChain.then(async () => {
      try {
        this.lastSeq = await this.store.appendUpdates(
          this.boardId,
          batch.map((entry) => entry.update),
        );
      } catch (error) {
        this.refuse(batch, error as Error);
        return;
      }
      this.appendedSinceCompaction += batch.length;
      for (const { update, from } of batch) Y.applyUpdate(this.doc, update, from);
      if (this.appendedSinceCompaction >= this.options.compactEvery) this.compactInChain();
    });
  }

  /** Storage said no: close the senders so they keep their edits locally and resync later. */
  private refuse(batch: { from: Peer }[], error: Error): void {
    this.options.log(`board ${this.boardId}: refusing edits: ${error.message}`);
    for (const peer of new Set(batch.map((entry) => entry.from))) {
      peer.close(CLOSE_STORAGE_UNAVAILABLE, 'storage unavailable, edits kept locally; retrying');
    }
  }

  private compactInChain(): void {
    this.writeChain = this.writeChain.then(() => this.compactNow());
  }

  private async compactNow(): Promise<void> {
    if (this.appendedSinceCompaction === 0) return;
    try {
      await this.store.compact(this.boardId, Y.encodeStateAsUpdate(this.doc), this.lastSeq);
      this.appendedSinceCompaction = 0;
    } catch (error) {
      // The log stays as it was; compaction is retried after the next batch.
      this.options.log(`board ${this.boardId}: compaction failed: ${(error as Error).message}`);
    }
  }

  /** Waits for every queued write and a final compaction; used before the room is dropped. */
  async settle(): Promise<void> {
    if (this.flushScheduled) this.flush();
    this.compactInChain();
    await this.writeChain;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }

  private relayUpdate(update: Uint8Array, origin: unknown): void {
    const message = encodeUpdate(update);
    for (const peer of this.peers.keys()) {
      if (peer !== origin) peer.send(message);
    }
  }

  private readonly relayAwareness = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const controlled = this.peers.get(origin as Peer);
    if (controlled) {
      for (const id of added) controlled.add(id);
      for (const id of removed) controlled.delete(id);
    }
    const changed = [...added, ...updated, ...removed];
    const message = encodeAwareness(this.awareness, changed);
    // Sent to the sender too: y-websocket clients drop a connection on which nothing
    // arrives for 30 s, and a lone client's own awareness renewals are its keep-alive.
    for (const peer of this.peers.keys()) peer.send(message);
  };
}
