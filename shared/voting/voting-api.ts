/** Bodies, header and answers of the voting routes (README "Dot voting", "HTTP API"). */
import * as z from 'zod/mini';
import { type Ballot, VOTES_PER_PERSON_MAX, type VotingRound } from './voting.ts';

/**
 * The voter's own secret, kept in the browser per board: ballots are keyed by its hash, so no one
 * who knows another person's public presence id can read or change their votes.
 */
export const VOTER_HEADER = 'X-Samtavla-Voter';
export const VOTER_KEY_PATTERN = /^[A-Za-z0-9_-]{24,64}$/;

const votesPerPerson = z
  .number({ error: 'votesPerPerson must be a number' })
  .check(
    z.int('votesPerPerson must be a whole number'),
    z.gte(1, 'votesPerPerson must be at least 1'),
    z.lte(VOTES_PER_PERSON_MAX, `votesPerPerson must be at most ${VOTES_PER_PERSON_MAX}`),
  );

/** POST /api/boards/:id/voting: open a round (areaId null or absent: the whole board). */
export const OpenVotingBody = z.object({
  votesPerPerson,
  areaId: z.optional(z.nullable(z.string({ error: 'areaId must be a string or null' }).check(z.maxLength(40)))),
});

/** POST /api/boards/:id/voting/:action. */
export const VOTING_ACTIONS = ['reveal', 'end'] as const;
export type VotingAction = (typeof VOTING_ACTIONS)[number];

/** PUT /api/boards/:id/voting/votes/:cardId. */
export const VoteBody = z.object({
  count: z
    .number({ error: 'count must be a number' })
    .check(
      z.int('count must be a whole number'),
      z.gte(0, 'count must be 0 or more'),
      z.lte(VOTES_PER_PERSON_MAX, `count must be at most ${VOTES_PER_PERSON_MAX}`),
    ),
});

/** What the facilitator's routes answer. */
export interface VotingAnswer {
  voting: VotingRound | null;
}

/** What GET …/voting/ballot and PUT …/voting/votes/:cardId answer: the caller's own votes only. */
export interface BallotAnswer {
  roundId: string;
  votesPerPerson: number;
  ballot: Ballot;
  left: number;
}
