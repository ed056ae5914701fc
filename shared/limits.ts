/** Limits the server enforces; documented in README.md. */

/** Largest WebSocket message the server accepts; a larger one closes the connection with 1009. */
export const MAX_WS_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * Most cards one board holds: a live board refuses the update that would pass it
 * (close 4413) and an import with more is refused (no board created). One
 * number, so that no way in makes a board the live limit would not allow.
 */
export const MAX_CARDS_PER_BOARD = 2_000;

/** Largest JSON body of an ordinary API call. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
