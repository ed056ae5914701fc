/**
 * The facilitator's calls on a board: rename, lock, delete, rotate a share
 * link. The server answers 403 to any other role; the page shows these
 * controls to facilitators only.
 */

import type { BoardView } from '../../shared/api.ts';
import type { Role } from '../../shared/roles.ts';
import { authorization, request } from './boards.ts';

const boardPath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

async function patchBoard(boardId: string, token: string, body: { title: string } | { locked: boolean }) {
  const response = await request(boardPath(boardId), {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: JSON.stringify(body),
  });
  return (await response.json()) as BoardView;
}

/** The new title reaches everyone on the board through the document's meta. */
export function renameBoard(boardId: string, token: string, title: string): Promise<BoardView> {
  return patchBoard(boardId, token, { title });
}

/** Locking makes the board read-only for participants, live (the server writes `meta.locked`). */
export function setBoardLocked(boardId: string, token: string, locked: boolean): Promise<BoardView> {
  return patchBoard(boardId, token, { locked });
}

export async function deleteBoard(boardId: string, token: string): Promise<void> {
  await request(boardPath(boardId), { method: 'DELETE', headers: authorization(token) });
}

/** A new token for `role`: the old link stops working at once and its open connections are closed. */
export async function rotateToken(boardId: string, token: string, role: Role): Promise<{ role: Role; token: string }> {
  const response = await request(`${boardPath(boardId)}/tokens/${role}/rotate`, {
    method: 'POST',
    // A JSON body, as every state-changing call has: the server refuses other media types (cross-site forms).
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: '{}',
  });
  return (await response.json()) as { role: Role; token: string };
}
