import { describe, expect, it } from 'vitest';
import { BOARD_ID_PATTERN, randomId } from '../../shared/ids.ts';

describe('randomId', () => {
  it('makes board ids the pattern accepts, never starting with a dash or underscore', () => {
    const ids = Array.from({ length: 5000 }, () => randomId());
    for (const id of ids) expect(id).toMatch(BOARD_ID_PATTERN);
    expect(ids.filter((id) => /^[-_]/.test(id))).toEqual([]);
    // The other 21 characters still use the whole alphabet, dashes included.
    expect(ids.some((id) => id.slice(1).includes('-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('takes the length asked for', () => {
    expect(randomId(32)).toHaveLength(32);
    expect(randomId(1)).toMatch(/^[A-Za-z0-9]$/);
  });
});
