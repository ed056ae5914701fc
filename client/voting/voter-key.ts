/**
 * This browser's voter secret (README "Dot voting"): sent only to the voting routes, never in
 * presence, so nobody who sees this person on the board can read or change their ballot. Without
 * storage a page gets a key of its own for as long as it is open.
 */
import { randomId } from '../../shared/ids.ts';
import { VOTER_KEY_PATTERN } from '../../shared/voting/voting-api.ts';

const KEY = 'samtavla.voterKey';
let pageKey: string | null = null;

export function voterKey(): string {
  try {
    const stored = localStorage.getItem(KEY);
    if (stored && VOTER_KEY_PATTERN.test(stored)) return stored;
    const made = randomId(32);
    localStorage.setItem(KEY, made);
    return made;
  } catch {
    pageKey ??= randomId(32);
    return pageKey;
  }
}
