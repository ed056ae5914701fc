/** Random identifiers, made with Web Crypto so the same code runs in Node and in the browser. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A URL-safe random id. 22 characters of a 64-letter alphabet carry 132 bits,
 * so board ids cannot be guessed. `crypto.getRandomValues` (unlike
 * `randomUUID`) also works on plain-http pages, which self-hosted installs use.
 */
export function randomId(length = 22): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = '';
  for (const byte of bytes) id += ALPHABET[byte & 63];
  return id;
}

/** Board ids as the server issues them: exactly what `randomId()` makes. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
