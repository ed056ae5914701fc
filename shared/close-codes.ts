/**
 * WebSocket close codes of the board sync. The server closes with them; the
 * client tells the person what happened. y-websocket clients reconnect after
 * any code except 4400–4499, which they treat as final.
 */
export const CLOSE_MALFORMED = 1007;
/**
 * The server is stopping (SIGTERM, a redeploy) after storing every edit it
 * received: the registered code "Service Restart". The client reconnects with
 * its back-off and says meanwhile that the server is restarting.
 */
export const CLOSE_SERVER_RESTARTING = 1012;
export const CLOSE_ROOM_FAILED = 1011;
/**
 * A fault of the server's while handling a message: the client reconnects and
 * resyncs. Not 1011, which the board page explains as a storage fault.
 */
export const CLOSE_INTERNAL_ERROR = 4500;
/** Storage refused a write: the client keeps its edits and resends them when it reconnects. */
export const CLOSE_STORAGE_UNAVAILABLE = 1011;
/** The client did not read its backlog: it reconnects and resyncs. */
export const CLOSE_TOO_SLOW = 4008;
/** Over the message rate: the client reconnects (after y-websocket's back-off) and resends what was refused. */
export const CLOSE_TOO_MANY_MESSAGES = 4029;
/**
 * The update breaks the board-document contract (layout, a card key's type, a
 * text's length, a canvas record, a meta key or zone the sender may not change):
 * final, as the same client would resend it.
 */
export const CLOSE_LAYOUT_BROKEN = 4422;
/** The board is full: final, as resending the same cards would be refused again. */
export const CLOSE_BOARD_FULL = 4413;
/**
 * An update over the per-update cap, or one that would take the board's stored
 * document past its cap: final, as resending it would be refused again.
 */
export const CLOSE_DOCUMENT_TOO_LARGE = 4414;
/** The link's token was replaced by the facilitator: final, the old link is no longer valid. */
export const CLOSE_TOKEN_REVOKED = 4401;
/** The board was deleted by its facilitator: final. */
export const CLOSE_BOARD_DELETED = 4410;
/**
 * The board was unlocked after this connection's edits were refused while it was
 * locked: the client reconnects, resyncs and sends those edits again.
 */
export const CLOSE_RESYNC = 4000;
/**
 * A presence (awareness) state over the size limit, or more states than one
 * connection may hold: final, as the same client would resend the same state.
 * The stock client never comes near it (see maxPresenceStateBytes).
 */
export const CLOSE_PRESENCE_REFUSED = 4431;
