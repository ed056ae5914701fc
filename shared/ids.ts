/** Random identifiers, made with Web Crypto so the same code runs in Node and in the browser. */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/**
 * A URL-safe random id. 22 characters of a 64-letter alphabet (the first of 62) carry 131 bits,
 * so board ids cannot be guessed. `crypto.getRandomValues` (unlike
 * `randomUUID`) also works on plain-http pages, which self-hosted installs use.
 */
export function randomId(length = 22): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  let id = firstCharacter();
  for (const byte of bytes.subarray(1)) id += ALPHABET[byte & 63];
  return id;
}

/**
 * A letter or digit, never `-` or `_`: command lines read an id that starts
 * with a dash as an option (`--board -x…` fails in `npm run export`).
 * Drawing again instead of taking a remainder keeps the 62 letters equally likely.
 */
function firstCharacter(): string {
  const byte = new Uint8Array(1);
  for (;;) {
    const index = crypto.getRandomValues(byte)[0] ?? 0;
    if ((index & 63) < 62) return ALPHABET.charAt(index & 63);
  }
}

/** Board ids as the server issues them; older ones may start with `-` or `_`. */
export const BOARD_ID_PATTERN = /^[A-Za-z0-9_-]{22}$/;
