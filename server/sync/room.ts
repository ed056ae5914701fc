/**
 * One board's live room: its document (as merged updates, see doc-state.ts),
 * its presence and the peers in it.
 *
 * Durability rule: an update is written to storage before it is added to the
 * room's state and relayed, so nothing is relayed that is not stored. Updates
 * arriving in the same tick are written in one transaction (group commit) and
 * relayed as one merged message per peer. The order of the write chain is the
 * order of arrival.
 */
import * as Y from 'yjs';
import type { BoardStore } from '../storage/store.ts';
import { CardIndex } from './card-index.ts';
import { DocState } from './doc-state.ts';
import { CLOSE_BOARD_FULL, CLOSE_STORAGE_UNAVAILABLE } from './limits.ts';
import { Presence } from './presence.ts';
import {
  type ClientMessage,
  type DecodedUpdate,
  decodeClientMessage,
  encodeStateVectorMessage,
  encodeSyncStep2Update,
  encodeUpdate,
  isEmptyUpdate,
} from './protocol.ts';
import type { SyncStats } from './stats.ts';

/** The room's view of a connection; the socket details live in connection.ts. */
export interface Peer {
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
}

export interface RoomOptions {
  /** Fold the update log into one state after about this many appended updates (see shouldCompact). */
  compactEvery: number;
  maxCardsPerBoard: number;
  awarenessIntervalMs: number;
  /** Called when the last peer has left. */
  onEmpty: (room: Room) => void;
  log: (message: string) => void;
  stats: SyncStats;
}

interface Pending {
  update: Uint8Array;
  decoded: DecodedUpdate;
  from: Peer;
}

export class Room {
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  private readonly presence: Presence;
  /** Built on the first edit: a room that is only read never pays for it. */
  private cards: CardIndex | null = null;
  private pending: Pending[] = [];
  private flushScheduled = false;
  private writeChain: Promise<void> = Promise.resolve();
  private lastSeq = 0;
  private appendedSinceCompaction = 0;
  private bytesSinceCompaction = 0;

  readonly boardId: string;
  private readonly content: DocState;
  private readonly store: BoardStore;
  private readonly options: RoomOptions;

  private constructor(boardId: string, content: DocState, store: BoardStore, options: RoomOptions) {
    this.boardId = boardId;
    this.content = content;
    this.store = store;
    this.options = options;
    this.presence = new Presence(
      options.awarenessIntervalMs,
      (message) => {
        // Sent to the sender too: y-websocket clients drop a connection on which nothing
        // arrives for 30 s, and a lone client's own awareness renewals are its keep-alive.
        for (const peer of this.peers.keys()) peer.send(message);
        options.stats.awarenessMessages += this.peers.size;
      },
      ({ added, removed }, origin) => {
        const controlled = this.peers.get(origin as Peer);
        if (!controlled) return;
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      },
    );
  }

  /** Loads the board's stored state and log into a new room. */
  static async load(boardId: string, store: BoardStore, options: RoomOptions): Promise<Room> {
    const stored = await store.loadBoard(boardId);
    const content = new DocState(stored.updates, (error) =>
      // Updates are validated before they are stored; log rather than lose the board.
      options.log(`board ${boardId}: skipped an unreadable stored update: ${error.message}`),
    );
    const room = new Room(boardId, content, store, options);
    room.lastSeq = stored.lastSeq;
    // No log rows (lastSeq 0) means the stored state is already compacted: closing need not rewrite it.
    room.appendedSinceCompaction = stored.lastSeq === 0 ? 0 : stored.updates.length;
    return room;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** The whole stored document as one Yjs update (for exports of a live board, and tests). */
  encodeState(): Uint8Array {
    return this.content.merged();
  }

  /** Adds a peer and starts the sync handshake with it (server's step 1 and the awareness states). */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    // Our step 1 goes out after the peer's own step 1 (usually already buffered) has been
    // answered: that answer is what syncs a new client, and it should not wait for our vector.
    setImmediate(() => {
      if (this.peers.has(peer)) peer.send(encodeStateVectorMessage(this.content.stateVector()));
    });
    const states = this.presence.snapshot();
    if (states) peer.send(states);
  }

  leave(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    this.presence.remove([...controlled]);
    if (this.peers.size === 0) this.options.onEmpty(this);
  }

  /** Handles one message from a peer. Throws ProtocolError on malformed bytes; nothing is applied then. */
  receive(peer: Peer, bytes: Uint8Array): void {
    this.handle(peer, decodeClientMessage(bytes));
  }

  private handle(peer: Peer, message: ClientMessage): void {
    switch (message.kind) {
      case 'sync-step1':
        peer.send(encodeSyncStep2Update(this.content.diff(message.stateVector)));
        return;
      case 'update':
        if (isEmptyUpdate(message.decoded)) return;
        this.options.stats.updatesIn++;
        if (this.admitCards(peer, message.decoded))
          this.enqueue({ update: message.update, decoded: message.decoded, from: peer });
        return;
      case 'awareness':
        this.options.stats.awarenessIn++;
        this.presence.apply(message.update, peer);
        return;
      case 'query-awareness': {
        const states = this.presence.snapshot();
        if (states) peer.send(states);
        return;
      }
      case 'ignored':
        return;
    }
  }

  /** Refuses (closes the sender, stores nothing) an update that would take the board past its card limit. */
  private admitCards(peer: Peer, decoded: DecodedUpdate): boolean {
    const cards = this.cardIndex();
    const change = cards.plan(decoded);
    if (change.added.length === 0 && change.deleted.length === 0) return true;
    const after = cards.countAfter(change);
    // Over the limit is refused only when it grows: a board already over it (an import) can still shrink.
    if (after > this.options.maxCardsPerBoard && after > cards.count) {
      this.options.stats.refused++;
      peer.close(CLOSE_BOARD_FULL, `the board is full (at most ${this.options.maxCardsPerBoard} cards)`);
      return false;
    }
    cards.commit(change);
    return true;
  }

  /** The card index over what is stored plus what waits to be stored. */
  private cardIndex(): CardIndex {
    if (!this.cards) {
      const index = CardIndex.fromState(this.content.merged());
      for (const { decoded } of this.pending) index.commit(index.plan(decoded));
      this.cards = index;
    }
    return this.cards;
  }

  private enqueue(entry: Pending): void {
    this.pending.push(entry);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  /** Writes the pending batch in one transaction, then adds and relays it. */
  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    this.flushScheduled = false;
    if (batch.length === 0) return;
    this.writeChain = this.writeChain
      .then(() => this.write(batch))
      // The chain must survive anything, or every later write of the board would wait forever.
      .catch((error: Error) => this.options.log(`board ${this.boardId}: ${error.stack ?? error.message}`));
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      this.lastSeq = await this.store.appendUpdates(
        this.boardId,
        batch.map((entry) => entry.update),
      );
    } catch (error) {
      this.refuse(batch, error as Error);
      return;
    }
    this.options.stats.updatesStored += batch.length;
    this.appendedSinceCompaction += batch.length;
    for (const { update, decoded } of batch) {
      this.content.add(update, decoded);
      this.bytesSinceCompaction += update.byteLength;
    }
    this.relay(batch);
    if (this.shouldCompact()) await this.compactNow();
  }

  /** Storage said no: close the senders so they keep their edits locally and resync later. */
  private refuse(batch: Pending[], error: Error): void {
    this.options.log(`board ${this.boardId}: refusing edits: ${error.message}`);
    // The refused updates were counted as cards; count again from what is stored.
    this.cards = null;
    for (const peer of new Set(batch.map((entry) => entry.from))) {
      peer.close(CLOSE_STORAGE_UNAVAILABLE, 'storage unavailable, edits kept locally; retrying');
    }
  }

  /** Sends a stored batch to every peer as one message, each sender without its own updates. */
  private relay(batch: Pending[]): void {
    const stats = this.options.stats;
    const merge = (entries: Pending[]) =>
      encodeUpdate(
        entries.length === 1 ? (entries[0] as Pending).update : Y.mergeUpdates(entries.map((e) => e.update)),
      );
    const own = new Map<Peer, number>();
    for (const { from } of batch) own.set(from, (own.get(from) ?? 0) + 1);
    let toAll: Uint8Array | undefined;
    for (const peer of this.peers.keys()) {
      const mine = own.get(peer) ?? 0;
      if (mine === batch.length) continue;
      if (mine > 0) peer.send(merge(batch.filter((e) => e.from !== peer)));
      else {
        toAll ??= merge(batch);
        peer.send(toAll);
      }
      stats.relayMessages++;
      stats.deliveries += batch.length - mine;
    }
  }

  /**
   * Compacting rewrites the whole state, so on a large board it waits until the
   * log is worth it: at least `compactEvery` updates and an eighth of the state's
   * size (or four times `compactEvery`, which bounds the log a load must merge).
   */
  private shouldCompact(): boolean {
    const { compactEvery } = this.options;
    if (this.appendedSinceCompaction < compactEvery) return false;
    return this.bytesSinceCompaction * 8 >= this.content.stateBytes || this.appendedSinceCompaction >= 4 * compactEvery;
  }

  private async compactNow(): Promise<void> {
    if (this.appendedSinceCompaction === 0) return;
    try {
      await this.store.compact(this.boardId, this.content.merged(), this.lastSeq);
      this.appendedSinceCompaction = 0;
      this.bytesSinceCompaction = 0;
    } catch (error) {
      // The log stays as it was; compaction is retried after the next batch.
      this.options.log(`board ${this.boardId}: compaction failed: ${(error as Error).message}`);
    }
  }

  /** Waits for every queued write and a final compaction; used before the room is dropped. */
  async settle(): Promise<void> {
    if (this.flushScheduled) this.flush();
    this.writeChain = this.writeChain.then(() => this.compactNow());
    await this.writeChain;
  }

  destroy(): void {
    this.presence.destroy();
  }
}
