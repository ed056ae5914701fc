/**
 * Board link tokens: random, stored only as hashes, compared in constant time.
 * A token is 32 characters of a 64-letter alphabet from the CSPRNG (192 bits),
 * so a plain SHA-256 is enough (nothing to brute-force, unlike a password).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { randomId } from '../../shared/ids.ts';
import { type BoardTokens, ROLES, type Role } from '../../shared/roles.ts';

export const TOKEN_PATTERN = /^[A-Za-z0-9_-]{32}$/;

export const newToken = (): string => randomId(32);

export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** Fresh tokens for every role, and their hashes for storage. */
export function newBoardTokens(): { tokens: BoardTokens; hashes: BoardTokens } {
  const tokens = Object.fromEntries(ROLES.map((role) => [role, newToken()])) as BoardTokens;
  const hashes = Object.fromEntries(ROLES.map((role) => [role, hashToken(tokens[role])])) as BoardTokens;
  return { tokens, hashes };
}

/**
 * The role a token gives, or null. Every stored hash is compared, each in
 * constant time, so the answer's timing says nothing about which one matched.
 */
export function roleOfToken(token: string, hashes: BoardTokens): Role | null {
  if (!TOKEN_PATTERN.test(token)) return null;
  const presented = Buffer.from(hashToken(token), 'hex');
  let found: Role | null = null;
  for (const role of ROLES) {
    const stored = Buffer.from(hashes[role], 'hex');
    if (stored.length === presented.length && timingSafeEqual(stored, presented)) found = role;
  }
  return found;
}
