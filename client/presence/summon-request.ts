/** POST /api/boards/:id/summon with the facilitator's token (README "Following and summoning"). */
import type { Summon, SummonBody } from '../../shared/workshop/summon.ts';
import { authorization, request } from '../api/boards.ts';

/** Ids of the summons this page made: its own camera is already there. */
export const ownSummons = new Set<string>();

export async function summonEveryone(boardId: string, token: string, body: SummonBody): Promise<Summon> {
  const response = await request(`/api/boards/${encodeURIComponent(boardId)}/summon`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...authorization(token) },
    body: JSON.stringify(body),
  });
  const { summon } = (await response.json()) as { summon: Summon };
  ownSummons.add(summon.id);
  return summon;
}
