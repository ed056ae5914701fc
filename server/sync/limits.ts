/**
 * What one connection and one board may do, and the close codes that say so.
 * Documented in README.md (Limits). startServer takes overrides (tests use small values).
 */

import { MAX_BOARD_DOCUMENT_BYTES } from '../../shared/limits.ts';

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
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxDocumentBytes: MAX_BOARD_DOCUMENT_BYTES,
  maxCardsPerBoard: 2_000,
  // Typing is ≈ 10 updates/s and a tldraw drag ≈ 60/s (one per frame); a burst covers a paste or a reconnect.
  updateBurst: 200,
  updatesPerSecond: 100,
  awarenessBurst: 200,
  awarenessPerSecond: 100,
  awarenessIntervalMs: 50,
};

/** The close codes live in shared/ because the client explains each of them to the person. */
export * from '../../shared/close-codes.ts';
