/** When the board page warns that the board will expire. */
import { describe, expect, it } from 'vitest';
import { EXPIRY_WARNING_DAYS, expiresSoon } from '../../client/board/ExpiryNotice.tsx';

const DAY_MS = 24 * 60 * 60 * 1000;

describe('expiresSoon', () => {
  const now = Date.parse('2026-06-01T12:00:00.000Z');
  it('is true within the last 30 days before expiry, and after it', () => {
    expect(expiresSoon(new Date(now + EXPIRY_WARNING_DAYS * DAY_MS).toISOString(), now)).toBe(true);
    expect(expiresSoon(new Date(now + DAY_MS).toISOString(), now)).toBe(true);
    expect(expiresSoon(new Date(now - DAY_MS).toISOString(), now)).toBe(true);
  });

  it('is false further out, without an expiry, or for a date that does not parse', () => {
    expect(expiresSoon(new Date(now + (EXPIRY_WARNING_DAYS + 1) * DAY_MS).toISOString(), now)).toBe(false);
    expect(expiresSoon(undefined, now)).toBe(false);
    expect(expiresSoon('soon', now)).toBe(false);
  });
});
