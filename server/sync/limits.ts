/**
 * What one connection and one board may do, and the close codes that say so.
 * Documented in README.md (Limits). startServer takes overrides (tests use small values).
 */

export interface SyncLimits {
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
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxCardsPerBoard: 2_000,
  // Typing is ≈ 10 updates/s and a tldraw drag ≈ 60/s (one per frame); a burst covers a paste or a reconnect.
  updateBurst: 200,
  updatesPerSecond: 100,
  awarenessBurst: 200,
  awarenessPerSecond: 100,
  awarenessIntervalMs: 50,
};

/** Close codes. y-websocket clients reconnect after any code except 4400–4499, which they treat as final. */
export const CLOSE_MALFORMED = 1007;
export const CLOSE_ROOM_FAILED = 1011;
/** Storage refused a write: the client keeps its edits and resends them when it reconnects. */
export const CLOSE_STORAGE_UNAVAILABLE = 1011;
/** The client did not read its backlog: it reconnects and resyncs. */
export const CLOSE_TOO_SLOW = 4008;
/** Over the message rate: the client reconnects (after y-websocket's back-off) and resends what was refused. */
export const CLOSE_TOO_MANY_MESSAGES = 4029;
/** The update breaks the board-document layout: final, as the same client would resend it. */
export const CLOSE_LAYOUT_BROKEN = 4422;
/** The board is full: final, as resending the same cards would be refused again. */
export const CLOSE_BOARD_FULL = 4413;
