/** The facilitator's drafting round on the server (README "Running the workshop"): start, reveal, end. */
import type { DraftingAction, DraftingRound } from '../../shared/workshop/drafting.ts';
import { authorization, request } from '../api/boards.ts';

export async function draftingAction(
  boardId: string,
  token: string,
  action: DraftingAction,
  by: string,
): Promise<DraftingRound | null> {
  const response = await request(`/api/boards/${encodeURIComponent(boardId)}/drafting`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: JSON.stringify({ action, by }),
  });
  return ((await response.json()) as { drafting: DraftingRound | null }).drafting;
}
