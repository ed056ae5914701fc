/** The rules of dot voting (shared/voting/voting.ts): what fits a ballot and what a round is. */
import { describe, expect, it } from 'vitest';
import { cardVoteTotal, isVotingRound, voteProblem, votesUsed, withVote } from '../../shared/voting/voting.ts';

const round = { id: 'r1', stage: 'open', votesPerPerson: 5, areaId: null, openedAt: '2026-03-01T09:00:00.000Z' };

describe('voting rules', () => {
  it('lets a person spread their votes, stack them on one card and move them, never past the cap', () => {
    let ballot = {};
    expect(voteProblem(ballot, 'a', 5, 5)).toBeNull();
    ballot = withVote(ballot, 'a', 3);
    ballot = withVote(ballot, 'b', 2);
    expect(votesUsed(ballot)).toBe(5);
    expect(voteProblem(ballot, 'c', 1, 5)).toMatch(/0 of your 5 votes left/);
    // Changing a card's own votes frees them first.
    expect(voteProblem(ballot, 'a', 1, 5)).toBeNull();
    expect(voteProblem(ballot, 'a', 4, 5)).toMatch(/3 of your 5/);
    ballot = withVote(ballot, 'a', 0);
    expect(ballot).toEqual({ b: 2 });
    expect(voteProblem(ballot, 'c', 3, 5)).toBeNull();
    expect(voteProblem(ballot, 'c', -1, 5)).toMatch(/whole number/);
    expect(voteProblem(ballot, 'c', 1.5, 5)).toMatch(/whole number/);
  });

  it('knows a voting round from anything else a client might write', () => {
    expect(isVotingRound(round)).toBe(true);
    expect(isVotingRound(null)).toBe(true);
    expect(isVotingRound({ ...round, stage: 'revealed', revealedAt: '2026-03-01T09:10:00.000Z', voters: 12 })).toBe(
      true,
    );
    expect(isVotingRound({ ...round, areaId: 'B' })).toBe(true);
    for (const bad of [
      { ...round, stage: 'counting' },
      { ...round, votesPerPerson: 0 },
      { ...round, votesPerPerson: 21 },
      { ...round, openedAt: 'yesterday' },
      { ...round, id: '' },
      { ...round, ballots: { anna: 3 } },
      { ...round, voters: -1 },
      'open',
      [],
    ]) {
      expect(isVotingRound(bad), JSON.stringify(bad)).toBe(false);
    }
  });

  it('counts a card’s total from its votes, ignoring what is not a positive whole number', () => {
    expect(cardVoteTotal({ r1: 4 })).toBe(4);
    expect(cardVoteTotal({ r1: 4, old: 2 })).toBe(6);
    expect(cardVoteTotal({ r1: -3, r2: 1.5, r3: 2 })).toBe(2);
    expect(cardVoteTotal({})).toBe(0);
  });
});
