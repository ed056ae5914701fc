/** The retention rule for automatic versions: all of the last 24 h, then the newest of each day; named forever. */
import { describe, expect, it } from 'vitest';
import { autoVersionsToPrune } from '../../server/sync/retention.ts';

const now = new Date('2026-03-12T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();

describe('autoVersionsToPrune', () => {
  it('keeps every version of the last day and the newest automatic one of each older day', () => {
    const versions = [
      { id: 'recent-1', createdAt: hoursAgo(1), auto: true },
      { id: 'recent-2', createdAt: hoursAgo(23), auto: true },
      // 2026-03-10: three automatic, one named
      { id: 'day-early', createdAt: '2026-03-10T08:00:00Z', auto: true },
      { id: 'day-late', createdAt: '2026-03-10T17:00:00Z', auto: true },
      { id: 'day-mid', createdAt: '2026-03-10T12:00:00Z', auto: true },
      { id: 'named', createdAt: '2026-03-10T09:00:00Z', auto: false },
      { id: 'old-only', createdAt: '2025-11-01T10:00:00Z', auto: true },
    ];
    expect(autoVersionsToPrune(versions, now, { keepAllHours: 24, maxAuto: 300 }).sort()).toEqual([
      'day-early',
      'day-mid',
    ]);
  });

  it('keeps everything younger than the configured hours', () => {
    const versions = [1, 2, 3].map((h) => ({ id: `v${h}`, createdAt: hoursAgo(h), auto: true }));
    expect(autoVersionsToPrune(versions, now, { keepAllHours: 24, maxAuto: 300 })).toEqual([]);
    // All three fall on one day once they are older than the hour limit: the newest stays.
    expect(autoVersionsToPrune(versions, now, { keepAllHours: 0, maxAuto: 300 }).sort()).toEqual(['v2', 'v3']);
  });

  it('keeps at most maxAuto automatic versions, the newest, and every named one', () => {
    const versions = [
      ...Array.from({ length: 5 }, (_, i) => ({ id: `auto-${i}`, createdAt: hoursAgo(i + 1), auto: true })),
      { id: 'named', createdAt: hoursAgo(10), auto: false },
    ];
    expect(autoVersionsToPrune(versions, now, { keepAllHours: 24, maxAuto: 3 }).sort()).toEqual(['auto-3', 'auto-4']);
  });
});
