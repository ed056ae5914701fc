/**
 * One room's side of the relay between processes (README "Running on several
 * machines"): what this room stores and its peers' presence go out on the
 * board's channel; what other processes say there comes in: their stored
 * updates (into the room's state and to its peers, never stored again), their
 * peers' presence, their facilitator's controls (lock, closes), and, when
 * messages may have been lost, a catch-up from storage.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { ROLES, type Role } from '../../../shared/roles.ts';
import type { Logger } from '../../log/logger.ts';
import type { BoardStore } from '../../storage/store.ts';
import { CLOSE_BOARD_DELETED, CLOSE_TOKEN_REVOKED } from '../limits.ts';
import type { Peer } from '../peer.ts';
import { type DecodedUpdate, encodeUpdate, isEmptyUpdate } from '../protocol.ts';
import type { StateWorker } from '../state-worker-client.ts';
import type { SyncStats } from '../stats.ts';
import type { BoardChannel } from './board-channel.ts';
import type { CatchUpQueue } from './catch-up-queue.ts';
import type { RelayEvent } from './relay-message.ts';
import { RoomCatchUp } from './room-catch-up.ts';

/** What the relay needs of its room. */
export interface RelayedRoom {
  readonly boardId: string;
  peers(): Iterable<Peer>;
  /** The room's state vector (after its analysis; undefined when that failed). */
  stateVector(): Promise<Uint8Array | undefined>;
  /** Takes in an update another process stored: state, index, stored position; not stored again. */
  addRelayed(update: Uint8Array, decoded: DecodedUpdate, seq: number): void;
  /** The room's presence (ours published from it, others' applied to it). */
  readonly awareness: awarenessProtocol.Awareness;
  applyRelayedPresence(update: Uint8Array): void;
  setLocked(locked: boolean): void;
  /** A phase change may have unlocked the board: participants refused meanwhile resync. */
  recheckLock(): void;
  closePeers(roles: readonly Role[], code: number, reason: string): void;
}

export interface RoomRelayOptions {
  log: Logger;
  stats: SyncStats;
  worker: StateWorker;
}

/** A room's relay: its board's channel, and the process's queue its catch-ups wait in. */
export interface RoomRelayLink {
  channel: BoardChannel;
  catchUps: CatchUpQueue;
}

export class RoomRelay {
  /** Catches up from storage when relayed messages may have been lost. */
  private readonly catchUp: RoomCatchUp;

  private readonly room: RelayedRoom;
  private readonly channel: BoardChannel;
  private readonly options: RoomRelayOptions;

  constructor(room: RelayedRoom, { channel, catchUps }: RoomRelayLink, store: BoardStore, options: RoomRelayOptions) {
    this.room = room;
    this.channel = channel;
    this.options = options;
    this.catchUp = new RoomCatchUp(
      {
        boardId: room.boardId,
        stateVector: () => room.stateVector(),
        applyRelayed: (update, seq) => this.applyUpdate(update, seq),
        boardDeleted: () => room.closePeers(ROLES, CLOSE_BOARD_DELETED, 'the board was deleted'),
        setLocked: (locked) => room.setLocked(locked),
        closeRotated: (hashes) => {
          for (const peer of [...room.peers()]) {
            if (peer.tokenHash && hashes[peer.role] !== peer.tokenHash) {
              peer.close(CLOSE_TOKEN_REVOKED, 'this link is no longer valid');
            }
          }
        },
      },
      store,
      { ...options, catchUps },
    );
  }

  /** Starts taking in what other processes say (first what arrived while the room loaded). */
  start(): void {
    this.channel.attach({
      event: (event) => this.relayed(event),
      missed: () => {
        this.options.stats.catchUps++;
        void this.catchUp.request();
      },
    });
  }

  /** A batch this room stored, merged: now the other processes may have it. */
  publishUpdate(seq: number, update: Uint8Array): void {
    this.channel.publish({ kind: 'update', seq, update });
  }

  /** Our peers' presence changes, for the other processes. */
  publishPresence(clientIds: number[]): void {
    if (clientIds.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.room.awareness, clientIds);
    this.channel.publish({ kind: 'awareness', update });
  }

  /** The room unloads: nothing more goes out or comes in. */
  leave(): void {
    this.catchUp.stop();
    this.channel.leave();
  }

  /** What another process said on this board's channel. */
  private relayed(event: RelayEvent): void {
    switch (event.kind) {
      case 'update':
        this.applyUpdate(event.update, event.seq);
        return;
      case 'awareness':
        this.room.applyRelayedPresence(event.update);
        return;
      case 'close':
        this.room.closePeers(event.roles, event.code, event.reason);
        return;
      case 'lock':
        this.room.setLocked(event.locked);
        return;
      case 'tick':
        return;
    }
  }

  /** An update another process stored: into the state, the index and to our peers; not stored again. */
  private applyUpdate(update: Uint8Array, seq: number): void {
    let decoded: DecodedUpdate;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      this.options.log.error(
        { event: 'relay.unreadable-update', board: this.room.boardId, err: error },
        'relayed update unreadable',
      );
      return;
    }
    if (isEmptyUpdate(decoded)) return;
    const { stats } = this.options;
    stats.relayedIn++;
    this.room.addRelayed(update, decoded, seq);
    const message = encodeUpdate(update);
    let sent = 0;
    for (const peer of this.room.peers()) {
      peer.send(message);
      sent++;
    }
    stats.relayMessages += sent;
    stats.deliveries += sent;
    // A phase change in it may have unlocked the board: participants refused meanwhile resync.
    this.room.recheckLock();
  }
}
