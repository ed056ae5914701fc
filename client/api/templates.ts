/**
 * The template calls: the server's list and one template to copy from, a
 * board made from a designed template, and a board's own template (read by
 * anyone on it, replaced by its facilitator). A replacement that would leave
 * cards without a place is answered 409 with those places, so the page can
 * ask where they go and send the moves along.
 */
import type { CreatedBoard, PlaceWithCards, TemplateSummary } from '../../shared/api.ts';
import { parseTemplate, type Template } from '../../shared/template.ts';
import { ApiError, authorization, errorFrom, request } from './boards.ts';

export type { PlaceWithCards, TemplateSummary };

/** `{ [removedPlaceId]: targetPlaceId }`: where a removed place's cards go. */
export type CardMoves = Record<string, string>;

const boardTemplatePath = (boardId: string) => `/api/boards/${encodeURIComponent(boardId)}/template`;

let listing: Promise<TemplateSummary[]> | null = null;

/** What the server offers (built-in and TEMPLATES_DIR), asked once per page load: the start page's forms share it. */
export function fetchTemplateList(): Promise<TemplateSummary[]> {
  listing ??= request('/api/templates').then((response) => response.json() as Promise<TemplateSummary[]>);
  // A failure is not kept: the next asker tries again.
  listing.catch(() => {
    listing = null;
  });
  return listing;
}

/** A template by id, checked as the server checks it. */
export async function fetchTemplate(id: string): Promise<Template> {
  const response = await request(`/api/templates/${encodeURIComponent(id)}`);
  return parseTemplate(await response.json(), `template ${id}`);
}

export async function createBoardFromTemplate(title: string, template: Template): Promise<CreatedBoard> {
  const response = await request('/api/boards', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ title, template }),
  });
  return (await response.json()) as CreatedBoard;
}

export async function fetchBoardTemplate(boardId: string, token: string): Promise<Template> {
  const response = await request(boardTemplatePath(boardId), { headers: authorization(token) });
  return parseTemplate(await response.json(), 'the board template');
}

/** The board's template as a file download (`?download=1`), with its Content-Disposition. */
export async function fetchBoardTemplateFile(
  boardId: string,
  token: string,
): Promise<{ blob: Blob; disposition: string | null }> {
  const response = await request(`${boardTemplatePath(boardId)}?download=1`, {
    headers: { accept: '*/*', ...authorization(token) },
  });
  return { blob: await response.blob(), disposition: response.headers.get('content-disposition') };
}

export type SaveTemplateResult = { ok: true } | { ok: false; placesWithCards: PlaceWithCards[] };

/** Replaces the board's template; a 409 with places still holding cards comes back as such, every other failure throws. */
export async function saveBoardTemplate(
  boardId: string,
  token: string,
  template: Template,
  moves?: CardMoves,
): Promise<SaveTemplateResult> {
  let response: Response;
  try {
    response = await fetch(boardTemplatePath(boardId), {
      method: 'PUT',
      headers: { accept: 'application/json', 'content-type': 'application/json', ...authorization(token) },
      body: JSON.stringify(moves ? { template, moves } : { template }),
    });
  } catch (error) {
    throw new ApiError(0, error instanceof Error ? error.message : String(error));
  }
  if (response.status === 409) {
    const body = (await response.json().catch(() => null)) as {
      placesWithCards?: PlaceWithCards[];
      error?: string;
    } | null;
    if (Array.isArray(body?.placesWithCards)) return { ok: false, placesWithCards: body.placesWithCards };
    throw new ApiError(409, body?.error ?? 'Conflict');
  }
  if (!response.ok) throw await errorFrom(response);
  return { ok: true };
}
