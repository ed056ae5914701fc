/**
 * The workshop routes on the server (README "Running the workshop"): timer and
 * agenda calls carry the facilitator's token; a refusal throws an ApiError
 * with the server's `{ error }` words. The clock call needs no token.
 */
import type { Phase } from '../../shared/workshop/agenda.ts';
import type { TimerBody, WorkshopAnswer } from '../../shared/workshop/workshop-api.ts';
import { authorization, request } from '../api/boards.ts';

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

async function call(method: string, path: string, token: string, body: unknown): Promise<WorkshopAnswer> {
  const response = await request(path, {
    method,
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as WorkshopAnswer;
}

export const timerAction = (boardId: string, token: string, body: TimerBody) =>
  call('POST', `${boardPath(boardId)}/timer`, token, body);

export const saveAgenda = (boardId: string, token: string, phases: Phase[]) =>
  call('PUT', `${boardPath(boardId)}/agenda`, token, { phases });

export const makePhaseCurrent = (boardId: string, token: string, phaseId: string | null) =>
  call('POST', `${boardPath(boardId)}/agenda/current`, token, { phaseId });

/** The server's clock as { now }, for the offset (server-clock.ts). */
export async function serverTime(): Promise<number> {
  const response = await request('/api/time', { cache: 'no-store' });
  return ((await response.json()) as { now: number }).now;
}
