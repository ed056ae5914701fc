import { describe, expect, it } from 'vitest';
import { createPendingChanges } from '../../client/sync/pending-changes.ts';
import {
  RECONNECT_BASE_MS,
  RECONNECT_CAP_MS,
  reconnectDelayMs,
  SILENCE_LIMIT_MS,
  socketSilent,
} from '../../client/sync/reconnect.ts';

describe('reconnectDelayMs', () => {
  it('stays between half and all of the exponential ceiling', () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      const ceiling = Math.min(RECONNECT_CAP_MS, RECONNECT_BASE_MS * 2 ** attempt);
      expect(reconnectDelayMs(attempt, () => 0)).toBe(ceiling / 2);
      expect(reconnectDelayMs(attempt, () => 0.999999)).toBeCloseTo(ceiling, 0);
    }
  });

  it('grows with the attempts and stops at the cap', () => {
    expect(reconnectDelayMs(1, () => 0)).toBe(2 * reconnectDelayMs(0, () => 0));
    expect(reconnectDelayMs(100, () => 1)).toBe(RECONNECT_CAP_MS);
    expect(reconnectDelayMs(10_000, () => 0.5)).toBeLessThanOrEqual(RECONNECT_CAP_MS);
  });

  it('spreads many clients over the interval instead of one moment', () => {
    const delays = new Set(Array.from({ length: 40 }, () => Math.round(reconnectDelayMs(3))));
    expect(delays.size).toBeGreaterThan(20);
  });
});

describe('socketSilent', () => {
  it('counts silence beyond the limit as lost', () => {
    expect(socketSilent(10_000, 10_000 - SILENCE_LIMIT_MS - 1, 9_800)).toBe(true);
    expect(socketSilent(10_000, 10_000 - SILENCE_LIMIT_MS + 100, 9_800)).toBe(false);
  });

  it('takes no decision on a late tick (a blocked or throttled tab)', () => {
    expect(socketSilent(10_000, 0, 1_000)).toBe(false);
  });
});

describe('pending changes', () => {
  it('counts local updates only while not synced, and clears on sync', () => {
    const seen: number[] = [];
    const pending = createPendingChanges(0, (n) => seen.push(n));
    pending.localUpdate(true);
    expect(pending.count).toBe(0);
    pending.localUpdate(false);
    pending.localUpdate(false);
    expect(pending.count).toBe(2);
    pending.synced();
    expect(pending.count).toBe(0);
    pending.synced();
    expect(seen).toEqual([1, 2, 0]);
  });
});
