/** POST /api/boards/:id/decisions with the facilitator's token; a refusal throws an ApiError with the server's words. */
import type { DecisionAnswer, DecisionBody } from '../../shared/decisions/decision-api.ts';
import { authorization, request } from '../api/boards.ts';

export async function postDecision(boardId: string, token: string, body: DecisionBody): Promise<DecisionAnswer> {
  const response = await request(`/api/boards/${encodeURIComponent(boardId)}/decisions`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as DecisionAnswer;
}
