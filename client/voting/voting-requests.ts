/**
 * The voting routes on the server (README "Dot voting"): the facilitator's round calls and
 * everyone's own ballot, each with the board token; a vote also carries this browser's voter
 * key. A refusal throws an ApiError with the server's `{ error }` words.
 */
import type { BallotAnswer, VotingAction, VotingAnswer } from '../../shared/voting/voting-api.ts';
import { VOTER_HEADER } from '../../shared/voting/voting-api.ts';
import { authorization, request } from '../api/boards.ts';
import { voterKey } from './voter-key.ts';

const votingPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/voting`;

async function json<T>(path: string, token: string, init: RequestInit = {}): Promise<T> {
  const response = await request(path, {
    ...init,
    headers: { 'content-type': 'application/json', ...authorization(token), [VOTER_HEADER]: voterKey() },
  });
  return (await response.json()) as T;
}

export const openVoting = (boardId: string, token: string, votesPerPerson: number, areaId: string | null) =>
  json<VotingAnswer>(votingPath(boardId), token, { method: 'POST', body: JSON.stringify({ votesPerPerson, areaId }) });

export const votingAction = (boardId: string, token: string, action: VotingAction) =>
  json<VotingAnswer>(`${votingPath(boardId)}/${action}`, token, { method: 'POST' });

export const fetchBallot = (boardId: string, token: string) =>
  json<BallotAnswer>(`${votingPath(boardId)}/ballot`, token, { cache: 'no-store' });

export const castVote = (boardId: string, token: string, cardId: string, count: number) =>
  json<BallotAnswer>(`${votingPath(boardId)}/votes/${encodeURIComponent(cardId)}`, token, {
    method: 'PUT',
    body: JSON.stringify({ count }),
  });
