/** Limits the server enforces; documented in README.md. */

/** Largest WebSocket message the server accepts; a larger one closes the connection with 1009. */
export const MAX_WS_MESSAGE_BYTES = 10 * 1024 * 1024;

/** Largest JSON body of an ordinary API call. */
export const MAX_JSON_BODY_BYTES = 64 * 1024;
