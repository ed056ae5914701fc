/**
 * What one connection and one board may do, and the close codes that say so.
 * Documented in README.md (Limits). startServer takes overrides (tests use small values).
 */

import { MAX_BOARD_DOCUMENT_BYTES, MAX_CARDS_PER_BOARD } from '../../shared/limits.ts';

export interface SyncLimits {
  /** A board's stored document (state plus log) may not grow past this; closes with 4414. */
  maxDocumentBytes: number;
  /** A board may hold at most this many cards; an update that would exceed it is refused, not stored. */
  maxCardsPerBoard: number;
  /** Document messages (sync steps and updates) a connection may send at once, and per second after that. */
  updateBurst: number;
  updatesPerSecond: number;
  /** Presence messages (awareness, awareness queries): the same kind of budget. */
  awarenessBurst: number;
  awarenessPerSecond: number;
  /** Presence changes are relayed at most this often per room (the first after a quiet spell at once). */
  awarenessIntervalMs: number;
  /** Largest presence (awareness) state, in bytes of JSON; a larger one closes the connection (4431). */
  maxPresenceStateBytes: number;
  /** Presence states one connection may add (a browser tab has one); more close it (4431). */
  maxPresenceStatesPerConnection: number;
  /** Presence states one board holds, and their bytes together; states past either are dropped, not relayed. */
  maxPresenceStatesPerBoard: number;
  maxPresenceBytesPerBoard: number;
  /** Presence bytes one board sends to all its peers together per second; changes past it wait their turn. */
  presenceBytesPerSecond: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxDocumentBytes: MAX_BOARD_DOCUMENT_BYTES,
  maxCardsPerBoard: MAX_CARDS_PER_BOARD,
  // Typing is ≈ 10 updates/s and a tldraw drag ≈ 60/s (one per frame); a burst covers a paste or a reconnect.
  updateBurst: 200,
  updatesPerSecond: 100,
  awarenessBurst: 200,
  awarenessPerSecond: 100,
  awarenessIntervalMs: 50,
  // The real client's state (tldraw's presence record + name and colour) is ≈ 650 bytes; selecting
  // all 2,000 cards of a full board makes it ≈ 61 KB, a 10 s laser stroke ≈ 35 KB. 128 KB leaves twice that.
  maxPresenceStateBytes: 128 * 1024,
  maxPresenceStatesPerConnection: 4,
  maxPresenceStatesPerBoard: 500,
  // 500 ordinary states are ≈ 330 KB; this also bounds what a joining client is sent at once.
  maxPresenceBytesPerBoard: 4 * 1024 * 1024,
  // 30 people moving cursors (every state new each 50 ms) need ≈ 12 MB/s; past that, each person's
  // cursor is relayed less often instead of the board's traffic growing with the square of its people.
  presenceBytesPerSecond: 16 * 1024 * 1024,
};

/** The close codes live in shared/ because the client explains each of them to the person. */
export * from '../../shared/close-codes.ts';
