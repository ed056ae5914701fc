/** The drafting round's rules (README "Running the workshop", private drafting): what each action does, and what a round is. */
import { describe, expect, it } from 'vitest';
import { applyDraftingAction, DraftingConflict, isDraftingRound } from '../../shared/workshop/drafting.ts';

describe('applyDraftingAction', () => {
  it('starts a private round, reveals it, starts the next after a reveal, and ends any', () => {
    const started = applyDraftingAction(null, 'start', 1_000, 'Karin', 'r1');
    expect(started).toEqual({ state: 'private', roundId: 'r1', startedAt: 1_000, by: 'Karin' });
    const revealed = applyDraftingAction(started, 'reveal', 2_000, 'Karin', 'unused');
    expect(revealed).toEqual({ state: 'revealed', roundId: 'r1', startedAt: 1_000, revealedAt: 2_000, by: 'Karin' });
    expect(applyDraftingAction(revealed, 'start', 3_000, 'Karin', 'r2')).toMatchObject({ roundId: 'r2' });
    expect(applyDraftingAction(revealed, 'end', 3_000, 'Karin', 'x')).toBeNull();
    expect(applyDraftingAction(started, 'end', 3_000, 'Karin', 'x')).toBeNull();
    expect(applyDraftingAction(null, 'end', 3_000, 'Karin', 'x')).toBeNull();
  });

  it('refuses a second start while private and a reveal without a private round', () => {
    const started = applyDraftingAction(null, 'start', 1, 'K', 'r1');
    expect(() => applyDraftingAction(started, 'start', 2, 'K', 'r2')).toThrow(DraftingConflict);
    expect(() => applyDraftingAction(null, 'reveal', 2, 'K', 'r2')).toThrow(DraftingConflict);
    const revealed = applyDraftingAction(started, 'reveal', 2, 'K', 'r2');
    expect(() => applyDraftingAction(revealed, 'reveal', 3, 'K', 'r3')).toThrow(DraftingConflict);
  });
});

describe('isDraftingRound', () => {
  it('takes what the server writes and nothing else', () => {
    expect(isDraftingRound(null)).toBe(true);
    expect(isDraftingRound({ state: 'private', roundId: 'r1', startedAt: 1, by: 'K' })).toBe(true);
    expect(isDraftingRound({ state: 'revealed', roundId: 'r1', startedAt: 1, revealedAt: 2, by: 'K' })).toBe(true);
    for (const bad of [
      { state: 'revealed', roundId: 'r1', startedAt: 1, by: 'K' },
      { state: 'private', roundId: 'r1', startedAt: 1, revealedAt: 2, by: 'K' },
      { state: 'open', roundId: 'r1', startedAt: 1, by: 'K' },
      { state: 'private', roundId: '', startedAt: 1, by: 'K' },
      { state: 'private', roundId: 'r1', startedAt: -1, by: 'K' },
      { state: 'private', roundId: 'r1', startedAt: 1, by: 'K'.repeat(101) },
      { state: 'private', roundId: 'r1', startedAt: 1, by: 'K', drafts: ['hemligt'] },
      ['private'],
      'private',
    ]) {
      expect(isDraftingRound(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});
