/**
 * What the canvas cards, the table rows and the header need of dot voting (README "Dot
 * voting"): the round, whether this person may vote now, their own ballot (from the server,
 * never anyone else's) and a way to change it. Provided by the board page (useVoting.ts).
 */
import { createContext, useContext } from 'react';
import type { Card } from '../../shared/card-schema.ts';
import type { Ballot, VotingRound } from '../../shared/voting/voting.ts';

export interface VotingView {
  round: VotingRound | null;
  /** The round is open and this person's role, the lock and the phase let them vote. */
  canVote: boolean;
  ballot: Ballot;
  left: number;
  /** The last refusal or failure, in the person's language; '' when none. */
  problem: string;
  /** Whether the round is on this card's focus area (every card for a whole-board round). */
  covers(card: Pick<Card, 'goalId'>): boolean;
  vote(cardId: string, count: number): void;
}

export const NO_VOTING: VotingView = {
  round: null,
  canVote: false,
  ballot: {},
  left: 0,
  problem: '',
  covers: () => false,
  vote() {},
};

export const VotingContext = createContext<VotingView>(NO_VOTING);

export const useVotingView = (): VotingView => useContext(VotingContext);
