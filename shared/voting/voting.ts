/**
 * Dot voting (README "Dot voting"): the facilitator opens a round with a number of votes per
 * person, on the whole board or one focus area; people spread their votes over cards, as many on
 * one card as they like; the facilitator reveals the totals. Ballots are kept by the server beside
 * the document and never sent to anyone but their voter before the reveal: the document carries
 * only the round (`meta.voting`, server-owned) and, after the reveal, each card's total.
 */

export const VOTES_PER_PERSON_MAX = 20;
/** How many people may vote in one round (bounds what a hostile client can make the server keep). */
export const VOTERS_PER_ROUND_MAX = 1_000;
const ROUND_ID_MAX = 40;

export type VotingStage = 'open' | 'revealed';

/** `meta.voting`: the current or last round; null or absent when none. */
export interface VotingRound {
  id: string;
  stage: VotingStage;
  votesPerPerson: number;
  /** The focus area whose cards may be voted on; null for the whole board. */
  areaId: string | null;
  openedAt: string;
  revealedAt?: string;
  /** How many people voted (written at the reveal). */
  voters?: number;
}

const isIsoTime = (value: unknown) =>
  typeof value === 'string' && value.length <= 40 && !Number.isNaN(Date.parse(value));

export function isVotingRound(value: unknown): value is VotingRound {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const round = value as Record<string, unknown>;
  const allowed = ['id', 'stage', 'votesPerPerson', 'areaId', 'openedAt', 'revealedAt', 'voters'];
  if (Object.keys(round).some((key) => !allowed.includes(key))) return false;
  return (
    typeof round.id === 'string' &&
    round.id.length > 0 &&
    round.id.length <= ROUND_ID_MAX &&
    (round.stage === 'open' || round.stage === 'revealed') &&
    isVotesPerPerson(round.votesPerPerson) &&
    (round.areaId === null || (typeof round.areaId === 'string' && round.areaId.length <= ROUND_ID_MAX)) &&
    isIsoTime(round.openedAt) &&
    (round.revealedAt === undefined || isIsoTime(round.revealedAt)) &&
    (round.voters === undefined || (Number.isInteger(round.voters) && (round.voters as number) >= 0))
  );
}

export const isVotesPerPerson = (value: unknown): value is number =>
  Number.isInteger(value) && (value as number) >= 1 && (value as number) <= VOTES_PER_PERSON_MAX;

/** One person's votes in a round: card id → how many (only cards with at least one). */
export type Ballot = Record<string, number>;

export const votesUsed = (ballot: Ballot): number => Object.values(ballot).reduce((sum, n) => sum + n, 0);

/**
 * Why `count` votes on `cardId` do not fit the ballot (null when they do): a vote is a whole
 * number from 0 (take them back) up to what the person has left with this card's own votes freed.
 */
export function voteProblem(ballot: Ballot, cardId: string, count: number, votesPerPerson: number): string | null {
  if (!Number.isInteger(count) || count < 0) return 'count must be a whole number, 0 or more';
  const elsewhere = votesUsed(ballot) - (ballot[cardId] ?? 0);
  if (elsewhere + count > votesPerPerson) {
    return `you have ${votesPerPerson - elsewhere} of your ${votesPerPerson} votes left for this card`;
  }
  return null;
}

/** The ballot with `count` votes on `cardId` (0 takes the card off it). */
export function withVote(ballot: Ballot, cardId: string, count: number): Ballot {
  const next = { ...ballot };
  if (count === 0) delete next[cardId];
  else next[cardId] = count;
  return next;
}

/** A card's votes in the plan: the sum of its `votes` map (after a reveal, the round's total). */
export const cardVoteTotal = (votes: Record<string, number>): number =>
  Object.values(votes).reduce((sum, n) => sum + (Number.isInteger(n) && n > 0 ? n : 0), 0);
