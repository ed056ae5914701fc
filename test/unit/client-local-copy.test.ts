/**
 * The pure parts of the board's local copy (README "Weak networks"): which
 * refusals delete it, and how the changes it brings back are counted.
 */
import { describe, expect, it } from 'vitest';
import { discardsLocalCopy, problemForClose } from '../../client/sync/connection-state.ts';
import { createPendingChanges } from '../../client/sync/pending-changes.ts';

describe('discardsLocalCopy', () => {
  it('deletes the copy only when the server refused its content for good', () => {
    // Board full (4413), over a size cap (4414), against the document contract (4422): the same content is refused again.
    for (const code of [4413, 4414, 4422]) expect(discardsLocalCopy(problemForClose(code))).toBe(true);
  });

  it('keeps it through drops, storage faults, rate limits, a slow socket and an oversized presence', () => {
    for (const code of [undefined, 1006, 1011, 4008, 4029, 4431, 4000, 4500]) {
      expect(discardsLocalCopy(problemForClose(code))).toBe(false);
    }
  });
});

describe('pending changes after a reopen', () => {
  it('counts the changes the local copy kept until the connection syncs', () => {
    const seen: number[] = [];
    const pending = createPendingChanges(0, (count) => seen.push(count));
    pending.restored(3, false);
    expect(pending.count).toBe(3);
    pending.localUpdate(false);
    expect(pending.count).toBe(4);
    pending.synced();
    expect(pending.count).toBe(0);
    // Every change is reported, so the stored count follows the badge.
    expect(seen).toEqual([3, 4, 0]);
  });

  it('does not count a copy that loads after the sync: its changes go out live', () => {
    const pending = createPendingChanges();
    pending.restored(5, true);
    expect(pending.count).toBe(0);
  });

  it('reports nothing for an empty copy', () => {
    const seen: number[] = [];
    const pending = createPendingChanges(0, (count) => seen.push(count));
    pending.restored(0, false);
    pending.localUpdate(true);
    expect(seen).toEqual([]);
  });
});
