/**
 * The follow-up rounds on the server (facilitator only): start one, make
 * another current, make the next plan from one. Each carries the board's
 * token; a refusal throws an ApiError with its status (409: the label is
 * taken, 422: the board is full) and the server's `{ error }` words.
 */
import type { CreatedBoard } from '../../shared/api.ts';
import type { BoardRound } from '../../shared/follow-up/round-meta.ts';
import { authorization, request } from './boards.ts';

export interface RoundsAnswer {
  rounds: BoardRound[];
  currentRound: string | null;
}

const roundsPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/rounds`;

const jsonCall = (method: string, token: string, body: unknown): RequestInit => ({
  method,
  headers: { 'content-type': 'application/json', ...authorization(token) },
  body: JSON.stringify(body),
});

export async function startRound(
  boardId: string,
  token: string,
  round: { label: string; date: string | null },
): Promise<RoundsAnswer> {
  const response = await request(roundsPath(boardId), jsonCall('POST', token, round));
  return (await response.json()) as RoundsAnswer;
}

export async function makeRoundCurrent(boardId: string, token: string, label: string | null): Promise<RoundsAnswer> {
  const response = await request(`${roundsPath(boardId)}/current`, jsonCall('PUT', token, { label }));
  return (await response.json()) as RoundsAnswer;
}

/** The follow-up report's address for a format and round (fetched with the token, like the exports). */
export const reportUrl = (boardId: string, format: 'docx' | 'md' | 'xlsx', round: string): string =>
  `/api/boards/${encodeURIComponent(boardId)}/report?${new URLSearchParams({ format, round })}`;

/** "Ny plan från den här": a new board for the next period from the chosen cards (facilitator). */
export async function createNextPlan(
  boardId: string,
  token: string,
  choice: { title?: string; round: string; cardIds: readonly string[] },
): Promise<CreatedBoard & { cardCount: number }> {
  const path = `/api/boards/${encodeURIComponent(boardId)}/next-plan`;
  const response = await request(path, jsonCall('POST', token, choice));
  return (await response.json()) as CreatedBoard & { cardCount: number };
}
