/**
 * The REST calls the client makes. Every failure becomes an ApiError carrying
 * the server's own words. Calls on one board carry its token as
 * `Authorization: Bearer …` (see client/access/).
 */
import type { BoardView, CreateBoardBody, CreatedBoard } from '../../shared/api.ts';

export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached at all. */
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
  }
}

/** Reads `{ error }` from a failed response, falling back to the status line when the body is not JSON. */
export async function errorFrom(response: Response): Promise<ApiError> {
  let message = `${response.status} ${response.statusText}`.trim();
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'error' in body && typeof body.error === 'string') message = body.error;
  } catch {
    // Not JSON (a proxy's error page, say): the status line is the best we have.
  }
  return new ApiError(response.status, message);
}

export function authorization(token: string): Record<string, string> {
  return { authorization: `Bearer ${token}` };
}

export async function request(path: string, init?: RequestInit): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers: { accept: 'application/json', ...init?.headers } });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

export async function createBoard(body: CreateBoardBody): Promise<CreatedBoard> {
  const response = await request('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await response.json()) as CreatedBoard;
}

export type FetchedBoard =
  | { kind: 'found'; info: BoardView }
  | { kind: 'not-found' }
  /** 401 (no token) or 403 (a wrong or rotated one): the link does not open this board. */
  | { kind: 'denied' };

/** The board's info as this token sees it. Other failures throw. */
export async function fetchBoard(boardId: string, token: string | null): Promise<FetchedBoard> {
  try {
    const response = await request(`/api/boards/${encodeURIComponent(boardId)}`, {
      headers: token ? authorization(token) : {},
    });
    return { kind: 'found', info: (await response.json()) as BoardView };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { kind: 'not-found' };
    if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return { kind: 'denied' };
    throw error;
  }
}

/**
 * An export file as the server sent it (`GET /api/boards/:id/export?…`), with
 * its Content-Disposition. Fetched rather than linked: a plain link cannot
 * carry the token's header.
 */
export async function fetchExport(url: string, token: string): Promise<{ blob: Blob; disposition: string | null }> {
  const response = await request(url, { headers: { accept: '*/*', ...authorization(token) } });
  return { blob: await response.blob(), disposition: response.headers.get('content-disposition') };
}

/** What `POST /api/boards/import` answers: the new board, its tokens and how many cards the file gave it. */
export interface ImportedBoard extends CreatedBoard {
  cardCount: number;
  /** What the person should know about the file (columns Samtavla did not know), in the server's words. */
  notices?: string[];
}

export interface ImportFileOptions {
  /** CSV/XLSX only; the server infers the template when absent. */
  templateId?: string;
  /** 'file': lay the board out on the file's own focus areas and goals (no templateId then). */
  layout?: 'file';
  /** CSV/XLSX only; JSON files carry their own title. */
  title?: string;
}

/** Sends a plan file's bytes to become a new board. A bad file fails with the server's words naming the line/row/field. */
export async function importPlanFile(file: File, options: ImportFileOptions = {}): Promise<ImportedBoard> {
  // The server reads the format from the file name's extension (the media type of a File is often empty).
  const params = new URLSearchParams({ filename: file.name });
  if (options.templateId) params.set('templateId', options.templateId);
  if (options.layout) params.set('layout', options.layout);
  if (options.title) params.set('title', options.title);
  const response = await request(`/api/boards/import?${params}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body: file,
  });
  return (await response.json()) as ImportedBoard;
}
