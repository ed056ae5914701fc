/**
 * One board's live room: its document (as updates, see doc-state.ts), its
 * presence and the peers in it.
 *
 * Durability rule: an update is written to storage before it is added to the
 * room's state and relayed, so nothing is relayed that is not stored. An update
 * passes the admission checks (room-admission.ts: layout, card limit) before
 * the write side (room-writes.ts) stores it. A stored batch is relayed as one merged message per
 * peer. Work on the whole state (merging, analysing, answering a returning
 * client) runs in the state worker, never on the event loop.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { MAX_UPDATE_BYTES } from '../../shared/limits.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore, VersionInfo } from '../storage/store.ts';
import { DeletedCardKeeper } from './deleted-cards.ts';
import { DocState } from './doc-state.ts';
import {
  CLOSE_BOARD_DELETED,
  CLOSE_DOCUMENT_TOO_LARGE,
  CLOSE_PRESENCE_REFUSED,
  CLOSE_STORAGE_UNAVAILABLE,
  CLOSE_TOKEN_REVOKED,
} from './limits.ts';
import { mergeMany } from './merge.ts';
import { Presence, type PresenceLimits, PresenceRefused, RELAYED } from './presence.ts';
import {
  type ClientMessage,
  type DecodedUpdate,
  decodeClientMessage,
  encodeStateVectorMessage,
  encodeSyncStep2Update,
  encodeUpdate,
  isEmptyUpdate,
} from './protocol.ts';
import type { BoardChannel } from './relay/board-channel.ts';
import type { RelayEvent } from './relay/relay-message.ts';
import { RoomCatchUp } from './relay/room-catch-up.ts';
import { RoomAdmission } from './room-admission.ts';
import { RoomGate } from './room-gate.ts';
import { type HistoryOptions, RoomHistory } from './room-history.ts';
import { mergeStored, type PendingUpdate, RoomWrites } from './room-writes.ts';
import { SERVER_PEER, ServerEdits } from './server-edits.ts';
import type { StateWorker } from './state-worker-client.ts';
import type { SyncStats } from './stats.ts';
import { SyncAnswers } from './sync-answers.ts';

/** The room's view of a connection; the socket details live in connection.ts. */
export interface Peer {
  /** What the connection's token allows (see room-gate.ts; what it may change: update-rules.ts). */
  readonly role: Role;
  /**
   * The hash of the token it connected with: a catch-up after a relay gap closes it when its link
   * was rotated meanwhile (the rotation's own message may be what was lost).
   */
  readonly tokenHash?: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** An update of this peer was refused without closing it (the log's audit trail). */
  refused?(reason: string): void;
}

export interface RoomOptions extends Pick<HistoryOptions, 'autoVersionMs' | 'retention'> {
  /** Fold the update log into one state after about this many appended updates (see shouldCompact). */
  compactEvery: number;
  maxCardsPerBoard: number;
  maxDocumentBytes: number;
  presence: PresenceLimits;
  /** Called when the last peer has left. */
  onEmpty: (room: Room) => void;
  /** Called when storage refused this room's writes. */
  onStorageRefused?: (room: Room) => void;
  log: Logger;
  /** Called when an edit of this board is stored (board expiry counts it as use). */
  onEdited?: (room: Room) => void;
  stats: SyncStats;
  worker: StateWorker;
  /** The board's relay channel when other processes serve it too (REDIS_URL; README "Running on several machines"). */
  channel?: BoardChannel;
}

export class Room {
  /** Each peer with the awareness client ids it controls, removed when it leaves. */
  private readonly peers = new Map<Peer, Set<number>>();
  /** Peers that have not answered our sync step 1 yet (their edits may build on what only that answer brings). */
  private readonly unsynced = new WeakSet<Peer>();
  private readonly presence: Presence;
  private readonly answers: SyncAnswers;
  private readonly writes: RoomWrites;
  private readonly admission: RoomAdmission;
  private readonly gate: RoomGate;
  readonly history: RoomHistory;
  private readonly deletedCards: DeletedCardKeeper;
  /** The server's own edits of the document: rename, lock, restores. */
  readonly edits: ServerEdits;

  readonly boardId: string;
  private readonly content: DocState;
  private readonly options: RoomOptions;
  /** Catches up from storage when relayed messages may have been lost (with a relay only). */
  private readonly catchUp: RoomCatchUp;

  private constructor(
    boardId: string,
    content: DocState,
    store: BoardStore,
    options: RoomOptions,
    loaded: { lastSeq: number; updates: number; locked: boolean; latest?: VersionInfo },
  ) {
    this.boardId = boardId;
    this.content = content;
    this.options = options;
    this.catchUp = new RoomCatchUp(
      {
        boardId,
        stateVector: () => this.admission.ensureAnalysis(),
        applyRelayed: (update, seq) => this.applyRelayed(update, seq),
        boardDeleted: () => this.closePeers(ROLES, CLOSE_BOARD_DELETED, 'the board was deleted'),
        setLocked: (locked) => this.gate.setLocked(locked),
        closeRotated: (hashes) => {
          for (const peer of [...this.peers.keys()]) {
            if (peer.tokenHash && hashes[peer.role] !== peer.tokenHash) {
              peer.close(CLOSE_TOKEN_REVOKED, 'this link is no longer valid');
            }
          }
        },
      },
      store,
      options.worker,
      options.log,
    );
    this.answers = new SyncAnswers(content, options.worker);
    this.writes = new RoomWrites(
      boardId,
      store,
      content,
      loaded,
      { ...options, sharedStore: !!options.channel },
      {
        stored: (batch) => this.stored(batch),
        refused: (batch, error) => this.refused(batch, error),
      },
    );
    this.history = new RoomHistory(boardId, { store, content, writes: this.writes }, loaded.latest, options);
    this.deletedCards = new DeletedCardKeeper(boardId, { store, worker: options.worker, log: options.log });
    this.admission = new RoomAdmission(boardId, content, this.writes, {
      ...options,
      onCardsDeleted: (ids, before, entry) => this.deletedCards.note(ids, before, this.nameOf(entry.from)),
    });
    this.gate = new RoomGate(loaded.locked, () => this.admission.phaseRestriction() === 'locked');
    this.edits = new ServerEdits({
      content,
      writes: this.writes,
      admission: this.admission,
      history: this.history,
      worker: options.worker,
    });
    this.presence = new Presence(
      options.presence,
      {
        broadcast: (message) => {
          // Sent to the sender too: y-websocket clients drop a connection on which nothing
          // arrives for 30 s, and a lone client's own awareness renewals are its keep-alive.
          for (const peer of this.peers.keys()) peer.send(message);
          options.stats.awarenessMessages += this.peers.size;
        },
        audience: () => this.peers.size,
      },
      options.stats,
      ({ added, updated, removed }, origin) => {
        // What this room's peers changed (or left with) goes to the other processes; never what came from them.
        if (origin !== RELAYED && origin !== 'timeout') this.publishPresence([...added, ...updated, ...removed]);
        const controlled = this.peers.get(origin as Peer);
        if (!controlled) return;
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      },
    );
  }

  /** Loads the board's stored state and log into a new room (merged in the worker). */
  static async load(boardId: string, store: BoardStore, options: RoomOptions): Promise<Room> {
    const [info, stored, latest] = await Promise.all([
      store.getBoard(boardId),
      store.loadBoard(boardId),
      store.latestVersion(boardId),
    ]);
    if (!info) throw new Error('no board with this id');
    const state = await mergeStored(stored.updates, options.worker, (error) =>
      options.log.error(
        { event: 'room.unreadable-update', board: boardId, err: error },
        'skipped an unreadable stored update',
      ),
    );
    const room = new Room(boardId, new DocState(state), store, options, {
      lastSeq: stored.lastSeq,
      updates: stored.updates.length,
      locked: info.locked,
      latest,
    });
    void room.admission.ensureAnalysis();
    options.channel?.attach({
      event: (event) => room.relayed(event),
      missed: () => {
        options.stats.catchUps++;
        void room.catchUp.request();
      },
    });
    // An older board gets this server's fields as the server's own edit (stored, so it happens once),
    // in the background: building the document to check took ≈ 70 ms of a 1,000-card board's load,
    // which every first person to open a board waited for. Until it lands, a field a card lacks is
    // not there to type in (card.ts writes only into fields that exist); then it arrives live.
    void room.edits
      .migrate()
      .catch((error: unknown) =>
        options.log.error({ event: 'room.migration-failed', board: boardId, err: error }, 'board migration failed'),
      );
    return room;
  }

  get peerCount(): number {
    return this.peers.size;
  }

  /** The whole stored document as one Yjs update (for exports of a live board, and tests). */
  encodeState(): Promise<Uint8Array> {
    return this.options.worker.run({ op: 'merge', updates: this.content.parts() });
  }

  /** Adds a peer and starts the sync handshake with it (server's step 1 and the awareness states). */
  join(peer: Peer): void {
    this.peers.set(peer, new Set());
    this.unsynced.add(peer);
    // Our step 1 goes out after the peer's own step 1 (usually already buffered) has been
    // answered, which is what syncs a new client; on a room just loaded it waits for the analysis.
    // It must always go out: it is what makes a reconnecting client send the edits it made offline.
    // A vector older than the current one only makes the client resend a little more.
    const sendVector = (fallback: Uint8Array | undefined) => {
      const vector = this.content.stateVector() ?? fallback;
      if (vector && this.peers.has(peer)) peer.send(encodeStateVectorMessage(vector));
    };
    const known = this.content.stateVector();
    if (known) setImmediate(() => sendVector(known));
    else void this.admission.ensureAnalysis().then(sendVector);
    const states = this.presence.snapshot();
    if (states) peer.send(states);
  }

  leave(peer: Peer): void {
    const controlled = this.peers.get(peer);
    if (!controlled) return;
    this.peers.delete(peer);
    this.gate.forget(peer);
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
        this.answerSync(peer, message.stateVector);
        return;
      case 'update':
        if (isEmptyUpdate(message.decoded)) {
          if (message.step2) this.unsynced.delete(peer);
          return;
        }
        this.options.stats.updatesIn++;
        if (!this.gate.admits(peer)) {
          this.options.stats.refused++;
          return;
        }
        this.admission.submit({
          from: peer,
          update: message.update,
          decoded: message.decoded,
          beforeSync: !message.step2 && this.unsynced.has(peer),
        });
        if (message.step2) this.unsynced.delete(peer);
        return;
      case 'oversized-update':
        if (!this.gate.admits(peer)) {
          this.options.stats.refused++;
          return;
        }
        this.admission.refuseUnread(
          peer,
          CLOSE_DOCUMENT_TOO_LARGE,
          `update of ${message.bytes} bytes; at most ${MAX_UPDATE_BYTES} are accepted`,
        );
        return;
      case 'awareness':
        this.options.stats.awarenessIn++;
        this.applyPresence(peer, message);
        return;
      case 'query-awareness': {
        const states = this.presence.answerQuery();
        if (states) peer.send(states);
        return;
      }
      case 'ignored':
        return;
    }
  }

  private applyPresence(peer: Peer, message: Extract<ClientMessage, { kind: 'awareness' }>): void {
    try {
      this.presence.apply(message.entries, message.update, peer, this.peers.get(peer) ?? new Set(), peer.role);
    } catch (error) {
      if (!(error instanceof PresenceRefused)) throw error;
      this.options.stats.refused++;
      peer.close(CLOSE_PRESENCE_REFUSED, `${error.message}; presence refused`);
    }
  }

  /** Locks or unlocks the board's document for participants (the facilitator's REST call). */
  setLocked(locked: boolean): void {
    this.gate.setLocked(locked);
  }

  /** What the current workshop phase leaves participants (the trusted REST edits they may make check it too). */
  phaseRestriction(): ReturnType<RoomAdmission['phaseRestriction']> {
    return this.admission.phaseRestriction();
  }

  /** The board's voting round as its document has it (README "Dot voting"). */
  votingRound(): ReturnType<RoomAdmission['votingRound']> {
    return this.admission.votingRound();
  }

  /** The workshop's phase changed (an agenda edit): participants refused while it was locked resync. */
  phaseChanged(): void {
    this.gate.recheck();
  }

  /** Which of these card ids are on the board now. */
  liveCards(ids: readonly string[]): Promise<string[]> {
    return this.admission.liveCards(ids);
  }

  /** Closes every peer whose role is in `roles` (a rotated link, a deleted board). */
  closePeers(roles: readonly Role[], code: number, reason: string): void {
    for (const peer of [...this.peers.keys()]) if (roles.includes(peer.role)) peer.close(code, reason);
  }

  /** The name a peer shows in presence (the page's `user`, else tldraw's record), else its role. */
  private nameOf(peer: Peer): string {
    if (peer === SERVER_PEER) return 'Samtavla';
    const states = this.presence.awareness.getStates();
    for (const id of this.peers.get(peer) ?? []) {
      // The page always sets `user.name`; tldraw's presence record has it too while the canvas is open.
      const state = states.get(id) as { user?: { name?: unknown }; presence?: { userName?: unknown } } | undefined;
      for (const name of [state?.user?.name, state?.presence?.userName]) {
        if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 100);
      }
    }
    return peer.role;
  }

  /** Sync step 2: a new client gets the state as it is; a returning one what it lacks, worked out in the worker. */
  private answerSync(peer: Peer, stateVector: Uint8Array): void {
    const answer = this.answers.answer(stateVector, this.writes.lastSeq);
    if (Array.isArray(answer)) {
      const [state, tail] = answer;
      peer.send(encodeSyncStep2Update(state as Uint8Array));
      if (tail) peer.send(encodeUpdate(tail));
      return;
    }
    answer.then(
      (update) => this.peers.has(peer) && peer.send(encodeSyncStep2Update(update)),
      (error: Error) =>
        this.options.log.error({ event: 'room.sync-failed', board: this.boardId, err: error }, 'sync answer failed'),
    );
  }

  /** A batch is stored: relay it (and find the vector again if it left a gap). */
  private stored(batch: PendingUpdate[]): void {
    if (!this.content.stateVector()) void this.admission.ensureAnalysis();
    const merged = batch.length === 1 ? (batch[0] as PendingUpdate).update : mergeMany(batch.map((e) => e.update));
    this.relay(batch, merged);
    // Stored, so now the other processes may have it (README "Running on several machines").
    this.options.channel?.publish({ kind: 'update', seq: this.writes.lastSeq, update: merged });
    for (const entry of batch) entry.settled?.resolve();
    this.options.onEdited?.(this);
    // One name per sender, not per update: a busy batch holds many updates of few people.
    const senders = new Set(batch.map((entry) => entry.from));
    senders.delete(SERVER_PEER);
    this.history.noteEdits([...senders].map((peer) => this.nameOf(peer)));
  }

  /** Storage said no: close the senders so they keep their edits locally and resync later. */
  private refused(batch: PendingUpdate[], error: Error): void {
    this.options.log.error({ event: 'room.storage-refused', board: this.boardId, err: error }, 'storage refused edits');
    this.options.onStorageRefused?.(this);
    this.admission.recount();
    for (const entry of batch) entry.settled?.reject(error);
    for (const peer of new Set(batch.map((entry) => entry.from))) {
      peer.close(CLOSE_STORAGE_UNAVAILABLE, 'storage unavailable, edits kept locally; retrying');
    }
  }

  /**
   * Sends a stored batch to every peer as one message. A sender gets the batch
   * too when others' updates are in it: its own are no news to its Y.Doc (Yjs
   * skips structs it has), and one merge per batch instead of one per sender is
   * what keeps a busy room cheap.
   */
  private relay(batch: PendingUpdate[], merged: Uint8Array): void {
    const stats = this.options.stats;
    const own = new Map<Peer, number>();
    for (const { from } of batch) own.set(from, (own.get(from) ?? 0) + 1);
    let message: Uint8Array | undefined;
    for (const peer of this.peers.keys()) {
      const mine = own.get(peer) ?? 0;
      if (mine === batch.length) continue;
      message ??= encodeUpdate(merged);
      peer.send(message);
      stats.relayMessages++;
      stats.deliveries += batch.length - mine;
    }
  }

  /** Waits for every queued write, the last version and a final compaction; before the room is dropped. */
  async settle(): Promise<void> {
    // The server's own edits first (a migration still running): they are written like any other.
    await this.edits.settled();
    await this.writes.settle();
    await this.deletedCards.settled();
    await this.history.finish();
  }

  /** What another process said on this board's channel. */
  private relayed(event: RelayEvent): void {
    switch (event.kind) {
      case 'update':
        this.applyRelayed(event.update, event.seq);
        return;
      case 'awareness':
        this.presence.applyRelayed(event.update);
        return;
      case 'close':
        this.closePeers(event.roles, event.code, event.reason);
        return;
      case 'lock':
        this.gate.setLocked(event.locked);
        return;
      case 'tick':
        return;
    }
  }

  /** An update another process stored: into the state, the index and to our peers; not stored again. */
  private applyRelayed(update: Uint8Array, seq: number): void {
    let decoded: DecodedUpdate;
    try {
      decoded = Y.decodeUpdate(update);
    } catch (error) {
      this.options.log.error(
        { event: 'relay.unreadable-update', board: this.boardId, err: error },
        'relayed update unreadable',
      );
      return;
    }
    if (isEmptyUpdate(decoded)) return;
    this.options.stats.relayedIn++;
    this.writes.addRelayed(update, decoded, seq);
    this.admission.noteRelayed(decoded);
    if (!this.content.stateVector()) void this.admission.ensureAnalysis();
    const message = encodeUpdate(update);
    for (const peer of this.peers.keys()) peer.send(message);
    this.options.stats.relayMessages += this.peers.size;
    this.options.stats.deliveries += this.peers.size;
    // A phase change in it may have unlocked the board: participants refused meanwhile resync.
    this.gate.recheck();
  }

  /** Our peers' presence changes, for the other processes. */
  private publishPresence(clientIds: number[]): void {
    if (!this.options.channel || clientIds.length === 0) return;
    const update = awarenessProtocol.encodeAwarenessUpdate(this.presence.awareness, clientIds);
    this.options.channel.publish({ kind: 'awareness', update });
  }

  destroy(): void {
    this.options.channel?.leave();
    this.presence.destroy();
    // Its warm document (≈ 12 MB at 1,000 cards) is of no use once the room is gone.
    this.options.worker.forgetWarm(this.content.position().room);
  }
}
