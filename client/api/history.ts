/**
 * The board's history and deleted cards on the server (README, "History and
 * undo"): list and save versions, fetch one version's document, restore it;
 * list and restore deleted cards. Every call carries the board's token
 * (`Authorization: Bearer`), the one the page opened the board with.
 */

import type { BoardVersion, DeletedCardInfo } from '../../shared/api.ts';
import { ApiError } from './boards.ts';

export type { BoardVersion };
export type DeletedCard = DeletedCardInfo;
export type { ChangeCounts, ChangeSummary as VersionSummary } from '../../shared/plan/compare.ts';

const base = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}`;

/** Which board, and the token the page opened it with (null: none, the server answers 401). */
export interface BoardAccess {
  boardId: string;
  token: string | null;
}

async function call({ boardId, token }: BoardAccess, path: string, init: RequestInit = {}): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string>) };
  if (token) headers.authorization = `Bearer ${token}`;
  let response: Response;
  try {
    response = await fetch(base(boardId) + path, { ...init, headers });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`.trim();
    try {
      const body = (await response.json()) as { error?: unknown };
      if (typeof body.error === 'string') message = body.error;
    } catch {
      // Not JSON: the status line says what we know.
    }
    throw new ApiError(response.status, message);
  }
  return response;
}

const postJson = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export async function listVersions(board: BoardAccess): Promise<BoardVersion[]> {
  return (await (await call(board, '/versions')).json()) as BoardVersion[];
}

export async function saveVersion(board: BoardAccess, name: string): Promise<BoardVersion> {
  return (await (await call(board, '/versions', postJson({ name }))).json()) as BoardVersion;
}

/** The version's whole board document as one Yjs update. */
export async function fetchVersionState(board: BoardAccess, versionId: string): Promise<Uint8Array> {
  const response = await call(board, `/versions/${encodeURIComponent(versionId)}/state`, {
    headers: { accept: 'application/octet-stream' },
  });
  return new Uint8Array(await response.arrayBuffer());
}

export async function restoreVersion(
  board: BoardAccess,
  versionId: string,
): Promise<{ restored: BoardVersion; backup: BoardVersion }> {
  const response = await call(board, `/versions/${encodeURIComponent(versionId)}/restore`, postJson({}));
  return (await response.json()) as { restored: BoardVersion; backup: BoardVersion };
}

export async function listDeletedCards(board: BoardAccess): Promise<DeletedCard[]> {
  return (await (await call(board, '/deleted-cards')).json()) as DeletedCard[];
}

export async function restoreDeletedCard(board: BoardAccess, cardId: string): Promise<void> {
  await call(board, `/deleted-cards/${encodeURIComponent(cardId)}/restore`, postJson({}));
}
