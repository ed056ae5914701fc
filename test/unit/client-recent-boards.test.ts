import { describe, expect, it } from 'vitest';
import { MAX_RECENT, parseRecent, withoutRecent, withRecent } from '../../client/home/recent-boards.ts';
import type { BoardInfo } from '../../shared/api.ts';

const board = (n: number): BoardInfo => ({
  id: `board-${n}`,
  title: `Tavla ${n}`,
  templateId: 'hsvo-2024-2026',
  templateVersion: '1.0.0',
  createdAt: '2025-01-01T00:00:00.000Z',
  locked: false,
});

describe('recent boards', () => {
  it('puts the board just opened first, once, and keeps the list short', () => {
    let list = withRecent([], board(1), '2025-01-01T10:00:00Z');
    list = withRecent(list, board(2), '2025-01-01T11:00:00Z');
    list = withRecent(list, board(1), '2025-01-01T12:00:00Z');
    expect(list.map((b) => b.id)).toEqual(['board-1', 'board-2']);
    expect(list[0]?.openedAt).toBe('2025-01-01T12:00:00Z');
    for (let n = 3; n < 30; n++) list = withRecent(list, board(n), '2025-01-02T00:00:00Z');
    expect(list).toHaveLength(MAX_RECENT);
    expect(list[0]?.id).toBe('board-29');
  });

  it('forgets a board', () => {
    const list = withRecent(withRecent([], board(1), 'x'), board(2), 'y');
    expect(withoutRecent(list, 'board-1').map((b) => b.id)).toEqual(['board-2']);
  });

  it('keeps the role the board was opened with, and drops entries with a role it does not know', () => {
    const list = withRecent([], board(1), 'x', 'viewer');
    expect(list[0]?.role).toBe('viewer');
    expect(parseRecent(JSON.stringify([...list, { ...list[0], id: 'b2', role: 'admin' }]))).toEqual(list);
  });

  it('survives damaged storage', () => {
    expect(parseRecent(null)).toEqual([]);
    expect(parseRecent('not json')).toEqual([]);
    expect(parseRecent('{"id":1}')).toEqual([]);
    const good = withRecent([], board(1), 'x');
    expect(parseRecent(JSON.stringify([...good, { id: 5 }, null]))).toEqual(good);
  });
});
