/**
 * Following and summoning (README "Following and summoning") against a real
 * server with raw and stock y-websocket clients: the role a presence state
 * shows is the connection's own, and only the facilitator summons everyone.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { metaMap } from '../../shared/board-doc.ts';
import { CLOSE_PRESENCE_REFUSED } from '../../shared/close-codes.ts';
import type { Role } from '../../shared/roles.ts';
import type { Summon } from '../../shared/workshop/summon.ts';
import { bearer, createBoard, forgedCloseCode, rawSocket, serverPerTest, waitFor } from '../helpers/server.ts';
import { presenceClients, presenceMessage } from './presence-messages.ts';

const ctx = serverPerTest();

const state = (role: Role) => ({ user: { id: 'user:k', name: 'Karin', color: '#0072B2' }, role, idle: false });

function summon(boardId: string, body: unknown, role: Role = 'facilitator') {
  return fetch(`${ctx.server.url}/api/boards/${boardId}/summon`, {
    method: 'POST',
    headers: { ...bearer(boardId, role), 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const BOUNDS = { x: 1200, y: -300, w: 1440, h: 900 };

/** A raw socket on the board that collects the client ids of every presence state relayed to it. */
async function rawWatcher(boardId: string): Promise<{ seen: Set<number>; close(): void }> {
  const { socket } = await rawSocket(ctx.server.url, boardId, 'viewer');
  const seen = new Set<number>();
  socket.on('message', (data: Buffer) => {
    for (const id of presenceClients(new Uint8Array(data)) ?? []) seen.add(id);
  });
  return { seen, close: () => socket.terminate() };
}

describe('the role in presence', () => {
  it('closes a participant connection whose presence claims the facilitator role (4431), relaying nothing', async () => {
    const board = await createBoard(ctx.server.url);
    const watcher = await rawWatcher(board.id);
    const { socket, closed } = await rawSocket(ctx.server.url, board.id, 'participant');
    socket.send(presenceMessage([{ clientId: 900, clock: 1, state: state('facilitator') }]));
    const { code, reason } = await closed;
    expect(code).toBe(CLOSE_PRESENCE_REFUSED);
    expect(reason).toMatch('claims the role facilitator; this link gives participant');
    // An honest state sent after it arrives; the forged one never did.
    const honest = await rawSocket(ctx.server.url, board.id, 'participant');
    honest.socket.send(presenceMessage([{ clientId: 901, clock: 1, state: state('participant') }]));
    await waitFor('the honest state', () => watcher.seen.has(901));
    expect(watcher.seen.has(900)).toBe(false);
    honest.socket.terminate();
    watcher.close();
  });

  it('relays a presence state whose role is the connection’s own, and one without a role', async () => {
    const board = await createBoard(ctx.server.url);
    const watcher = await rawWatcher(board.id);
    const honest = await rawSocket(ctx.server.url, board.id, 'participant');
    honest.socket.send(presenceMessage([{ clientId: 901, clock: 1, state: state('participant') }]));
    const stock = await rawSocket(ctx.server.url, board.id, 'viewer');
    stock.socket.send(presenceMessage([{ clientId: 902, clock: 1, state: { user: state('viewer').user } }]));
    await waitFor('both states at the watcher', () => watcher.seen.has(901) && watcher.seen.has(902));
    expect([honest.socket.readyState, stock.socket.readyState]).toEqual([WebSocket.OPEN, WebSocket.OPEN]);
    honest.socket.terminate();
    stock.socket.terminate();
    watcher.close();
  });
});

describe('the others’ states a stock client echoes', () => {
  it('do not close a participant whose stock client sends back the facilitator’s state', async () => {
    const board = await createBoard(ctx.server.url);
    const watcher = await rawWatcher(board.id);
    const facilitator = await rawSocket(ctx.server.url, board.id, 'facilitator');
    facilitator.socket.send(presenceMessage([{ clientId: 910, clock: 1, state: state('facilitator') }]));
    await waitFor('the facilitator’s state', () => watcher.seen.has(910));
    // y-websocket relays every awareness change it applies, the others' included, back to the server.
    const participant = ctx.client(board.id, 'participant');
    const awareness = participant.provider.awareness;
    await waitFor('the facilitator’s state at the participant', () => awareness.getStates().has(910));
    // Sent after the echo on the same socket: once it is relayed, the echo has been judged.
    awareness.setLocalStateField('role', 'participant');
    await waitFor('the participant’s own state relayed', () => watcher.seen.has(awareness.clientID));
    expect(participant.provider.wsconnected).toBe(true);
    facilitator.socket.terminate();
    watcher.close();
  });
});

describe('summon', () => {
  it('reaches another client live as a server-owned meta.summon with the facilitator’s bounds', async () => {
    const board = await createBoard(ctx.server.url);
    const participant = ctx.client(board.id, 'participant');
    await participant.synced;
    const response = await summon(board.id, { bounds: BOUNDS, by: 'Karin' });
    expect(response.status).toBe(200);
    const { summon: sent } = (await response.json()) as { summon: Summon };
    expect(sent).toMatchObject({ by: 'Karin', bounds: BOUNDS });
    const seen = () => metaMap(participant.doc).get('summon') as Summon | undefined;
    await waitFor('the summon at the participant', () => seen()?.id === sent.id);
    expect(seen()).toEqual(sent);

    // "Följ mig": the same, naming whom to follow.
    const again = (await (await summon(board.id, { bounds: BOUNDS, follow: 'person-k' })).json()) as { summon: Summon };
    expect(again.summon.id).not.toBe(sent.id);
    await waitFor('the second summon', () => seen()?.id === again.summon.id);
    expect(seen()?.follow).toBe('person-k');
  });

  it('answers 403 to a participant and a viewer, and 400 to bad bounds, writing nothing', async () => {
    const board = await createBoard(ctx.server.url);
    for (const role of ['participant', 'viewer'] as const) {
      const response = await summon(board.id, { bounds: BOUNDS }, role);
      expect(response.status).toBe(403);
      expect(await response.json()).toHaveProperty('error');
    }
    for (const body of [{}, { bounds: { ...BOUNDS, w: 0 } }, { bounds: { ...BOUNDS, x: 'a' } }, '{nope']) {
      const response = await summon(board.id, body);
      expect(response.status).toBe(400);
      expect(await response.json()).toHaveProperty('error');
    }
    const fresh = ctx.client(board.id);
    await fresh.synced;
    expect(metaMap(fresh.doc).get('summon')).toBeUndefined();
  });

  it('refuses a forged raw write of meta.summon, even from a facilitator (4422)', async () => {
    const board = await createBoard(ctx.server.url);
    const facilitator = ctx.client(board.id);
    await facilitator.synced;
    const forged: Summon = { id: 'forged', by: 'Mallory', at: 1, bounds: BOUNDS };
    for (const role of ['participant', 'facilitator'] as const) {
      const code = await forgedCloseCode(
        ctx.server.url,
        board.id,
        facilitator.doc,
        (d) => metaMap(d).set('summon', forged),
        role,
      );
      expect(code).toBe(4422);
    }
    const fresh = ctx.client(board.id);
    await fresh.synced;
    expect(metaMap(fresh.doc).get('summon')).toBeUndefined();
  });
});
