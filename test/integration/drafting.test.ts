/**
 * Private drafting's round (README "Running the workshop") against a real
 * server and real Yjs clients: only the facilitator's route starts, reveals and
 * ends it, and no client can write `meta.drafting` over the socket.
 */
import { describe, expect, it } from 'vitest';
import { metaMap } from '../../shared/board-doc.ts';
import type { Role } from '../../shared/roles.ts';
import type { DraftingRound } from '../../shared/workshop/drafting.ts';
import { bearer, createBoard, forgedCloseCode, serverPerTest, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest();

function drafting(boardId: string, body: unknown, role: Role = 'facilitator') {
  return fetch(`${ctx.server.url}/api/boards/${boardId}/drafting`, {
    method: 'POST',
    headers: { ...bearer(boardId, role), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

describe('drafting round', () => {
  it('answers 403 to participants and viewers and 4xx JSON to bad bodies or a wrong moment', async () => {
    const board = await createBoard(ctx.server.url);
    for (const role of ['participant', 'viewer'] as Role[]) {
      for (const action of ['start', 'reveal', 'end']) {
        const response = await drafting(board.id, { action }, role);
        expect(response.status, `${role} ${action}`).toBe(403);
        expect(await response.json()).toHaveProperty('error');
      }
    }
    const bad: [unknown, number][] = [
      [{ action: 'publish' }, 400],
      [{}, 400],
      [{ action: 'start', by: 'x'.repeat(101) }, 400],
      [{ action: 'start', by: 42 }, 400],
      ['{not json', 400],
      [[], 400],
      [{ action: 'reveal' }, 409],
    ];
    for (const [body, status] of bad) {
      const response = await drafting(board.id, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(await response.json()).toHaveProperty('error');
    }
    const viewer = ctx.client(board.id, 'viewer');
    await viewer.synced;
    expect(metaMap(viewer.doc).get('drafting')).toBeUndefined();
  });

  it('starts, reveals and ends a round that every client sees live', async () => {
    const board = await createBoard(ctx.server.url);
    const participant = ctx.client(board.id, 'participant');
    await participant.synced;
    const round = () => metaMap(participant.doc).get('drafting') as DraftingRound | null | undefined;

    const started = await drafting(board.id, { action: 'start', by: 'Karin' });
    expect(started.status).toBe(200);
    const answer = (await started.json()) as { drafting: DraftingRound; now: number };
    expect(answer.drafting).toMatchObject({ state: 'private', startedAt: answer.now, by: 'Karin' });
    await waitFor('the private round on the participant’s page', () => round()?.state === 'private');
    expect(round()).toEqual(answer.drafting);
    expect((await drafting(board.id, { action: 'start' })).status).toBe(409);

    const revealed = (await (await drafting(board.id, { action: 'reveal' })).json()) as { drafting: DraftingRound };
    expect(revealed.drafting).toMatchObject({ state: 'revealed', roundId: answer.drafting.roundId });
    await waitFor('the reveal', () => round()?.state === 'revealed');

    // A new round may start right after a reveal; it gets a new id.
    const next = (await (await drafting(board.id, { action: 'start' })).json()) as { drafting: DraftingRound };
    expect(next.drafting.roundId).not.toBe(answer.drafting.roundId);
    expect((await drafting(board.id, { action: 'end' })).status).toBe(200);
    await waitFor('the end', () => round() === null);
    expect(await (await drafting(board.id, { action: 'end' })).json()).toMatchObject({ drafting: null });
  });

  it('refuses a client that writes meta.drafting over the socket, whatever its role', async () => {
    const board = await createBoard(ctx.server.url);
    const facilitator = ctx.client(board.id);
    await facilitator.synced;
    const forged = { state: 'revealed', roundId: 'r1', startedAt: 1, revealedAt: 2, by: 'Mallory' };
    const forge = (role: Role) =>
      forgedCloseCode(ctx.server.url, board.id, facilitator.doc, (d) => metaMap(d).set('drafting', forged), role);
    expect(await forge('participant')).toBe(4422);
    expect(await forge('facilitator')).toBe(4422);

    // Nor may a client take a real round back or replace it.
    expect((await drafting(board.id, { action: 'start' })).status).toBe(200);
    await waitFor('the round on the facilitator’s client', () => metaMap(facilitator.doc).get('drafting') != null);
    expect(
      await forgedCloseCode(ctx.server.url, board.id, facilitator.doc, (d) => metaMap(d).set('drafting', null)),
    ).toBe(4422);
    const fresh = ctx.client(board.id, 'viewer');
    await fresh.synced;
    expect((metaMap(fresh.doc).get('drafting') as DraftingRound).state).toBe('private');
  });
});
