/** `POST /api/rollups`: the regional roll-up as JSON, or as a file (workbook, Word) to save. */
import type { Rollup } from '../../shared/plan/rollup.ts';
import { request } from './boards.ts';

export interface RollupRequest {
  boards: { id: string; token: string }[];
  round?: string;
}

const post = (body: RollupRequest, query: string, accept: string) =>
  request(`/api/rollups${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept },
    body: JSON.stringify(body),
  });

export async function fetchRollup(body: RollupRequest): Promise<Rollup> {
  return (await (await post(body, '', 'application/json')).json()) as Rollup;
}

/** The roll-up as a file, with its Content-Disposition; a refusal throws ApiError with the server's words. */
export async function fetchRollupFile(
  body: RollupRequest,
  format: 'xlsx' | 'docx',
  lang: 'sv' | 'en',
): Promise<{ blob: Blob; disposition: string | null }> {
  const response = await post(body, `?format=${format}&lang=${lang}`, '*/*');
  return { blob: await response.blob(), disposition: response.headers.get('content-disposition') };
}
