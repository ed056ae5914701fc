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
import { MAX_UPDATE_BYTES } from '../../shared/limits.ts';
import type { Role } from '../../shared/roles.ts';
import type { Logger } from '../log/logger.ts';
import type { BoardStore, VersionInfo } from '../storage/store.ts';
import { DeletedCardKeeper } from './deleted-cards.ts';
import { DocState } from './doc-state.ts';
import { CLOSE_DOCUMENT_TOO_LARGE, CLOSE_PRESENCE_REFUSED, CLOSE_STORAGE_UNAVAILABLE } from './limits.ts';
import { mergeMany } from './merge.ts';
import { type Peer, sendStoredBatch, shownName } from './peer.ts';
import { Presence, type PresenceLimits, PresenceRefused, RELAYED } from './presence.ts';
import { type ClientMessage, decodeClientMessage, isEmptyUpdate } from './protocol.ts';
import { RoomRelay, type RoomRelayLink } from './relay/room-relay.ts';
import { RoomAdmission } from './room-admission.ts';
import { RoomGate } from './room-gate.ts';
import { type HistoryOptions, RoomHistory } from './room-history.ts';
import { mergeStored, type PendingUpdate, RoomWrites } from './room-writes.ts';
import { SERVER_PEER, ServerEdits } from './server-edits.ts';
import type { StateWorker } from './state-worker-client.ts';
import type { SyncStats } from './stats.ts';
import { SyncAnswers } from './sync-answers.ts';

export type { Peer } from './peer.ts';

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
  /** The board's relay when other processes serve it too (REDIS_URL; README "Running on several machines"). */
  relay?: RoomRelayLink;
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
  /** The other processes' side of the board, when they serve it too (README "Running on several machines"). */
  private readonly relay: RoomRelay | undefined;

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
    this.answers = new SyncAnswers(boardId, content, options);
    this.writes = new RoomWrites(
      boardId,
      store,
      content,
      loaded,
      { ...options, sharedStore: !!options.relay },
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
        if (origin !== RELAYED && origin !== 'timeout') this.relay?.publishPresence([...added, ...updated, ...removed]);
        const controlled = this.peers.get(origin as Peer);
        if (!controlled) return;
        for (const id of added) controlled.add(id);
        for (const id of removed) controlled.delete(id);
      },
    );
    this.relay =
      options.relay &&
      new RoomRelay(
        {
          boardId,
          peers: () => this.peers.keys(),
          stateVector: () => this.admission.ensureAnalysis(),
          addRelayed: (update, decoded, seq) => {
            this.writes.addRelayed(update, decoded, seq);
            this.admission.noteRelayed(decoded);
            if (!this.content.stateVector()) void this.admission.ensureAnalysis();
          },
          awareness: this.presence.awareness,
          applyRelayedPresence: (update) => this.presence.applyRelayed(update),
          setLocked: (locked) => this.gate.setLocked(locked),
          recheckLock: () => this.gate.recheck(),
          closePeers: (roles, code, reason) => this.closePeers(roles, code, reason),
        },
        options.relay,
        store,
        options,
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
    room.relay?.start();
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
    this.answers.sendStep1(
      peer,
      () => this.admission.ensureAnalysis(),
      () => this.peers.has(peer),
    );
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
        this.answers.reply(peer, message.stateVector, this.writes.lastSeq, () => this.peers.has(peer));
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

  private nameOf(peer: Peer): string {
    if (peer === SERVER_PEER) return 'Samtavla';
    return shownName(peer, this.peers.get(peer) ?? [], this.presence.awareness.getStates());
  }

  /** A batch is stored: relay it (and find the vector again if it left a gap). */
  private stored(batch: PendingUpdate[]): void {
    if (!this.content.stateVector()) void this.admission.ensureAnalysis();
    const merged = batch.length === 1 ? (batch[0] as PendingUpdate).update : mergeMany(batch.map((e) => e.update));
    sendStoredBatch(this.peers.keys(), batch, merged, this.options.stats);
    // Stored, so now the other processes may have it (README "Running on several machines").
    this.relay?.publishUpdate(this.writes.lastSeq, merged);
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

  /** Waits for every queued write, the last version and a final compaction; before the room is dropped. */
  async settle(): Promise<void> {
    // The server's own edits first (a migration still running): they are written like any other.
    await this.edits.settled();
    await this.writes.settle();
    await this.deletedCards.settled();
    await this.history.finish();
  }

  destroy(): void {
    this.relay?.leave();
    this.presence.destroy();
    // Its warm document (≈ 12 MB at 1,000 cards) is of no use once the room is gone.
    this.options.worker.forgetWarm(this.content.position().room);
  }
}
