/**
 * Presence limits (README "Limits", server/sync/presence.ts): the states one
 * connection adds (close 4431, final), the states a board holds (dropped, nobody
 * closed) and the presence bytes a board sends per second. The state size limit
 * is tested against a flood in presence-flood.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { DEFAULT_SYNC_LIMITS } from '../../server/sync/limits.ts';
import { CLOSE_PRESENCE_REFUSED } from '../../shared/close-codes.ts';
import { boardSocketUrl, createBoard, type RawSocket, rawSocket, serverPerTest, waitFor } from '../helpers/server.ts';
import { presenceClients, presenceMessage } from './presence-messages.ts';
import { sleep } from './reliability-support.ts';

const ctx = serverPerTest();
const sockets: WebSocket[] = [];
afterEach(() => {
  for (const socket of sockets.splice(0)) socket.terminate();
});

async function raw(boardId: string): Promise<RawSocket> {
  const opened = await rawSocket(ctx.server.url, boardId);
  sockets.push(opened.socket);
  return opened;
}

const cursorState = (n: number, step: number) => ({
  user: { id: `user:${n}`, name: `Deltagare ${n}`, color: '#0072B2' },
  presence: {
    cursor: { x: step % 1440, y: (step * 7) % 900, type: 'default', rotation: 0 },
    currentPageId: 'page:page',
  },
});

describe('presence from one connection', () => {
  it('closes a connection that adds more presence states than one connection may (4431)', async () => {
    const board = await createBoard(ctx.server.url);
    const { socket, closed } = await raw(board.id);
    const max = DEFAULT_SYNC_LIMITS.maxPresenceStatesPerConnection;
    const states = Array.from({ length: max + 1 }, (_, n) => ({
      clientId: 100 + n,
      clock: 1,
      state: cursorState(n, 0),
    }));
    socket.send(presenceMessage(states.slice(0, max)));
    socket.send(presenceMessage(states.slice(max)));
    const { code, reason } = await closed;
    expect(code).toBe(CLOSE_PRESENCE_REFUSED);
    expect(reason).toMatch(`${max + 1} presence states from one connection; at most ${max}`);
  });
});

describe('presence of one board', () => {
  it('drops states past the board’s limit without closing anyone; a place frees when someone leaves', async () => {
    await ctx.restart({ limits: { maxPresenceStatesPerBoard: 3 } });
    const board = await createBoard(ctx.server.url);
    const [a, b, c, d] = await Promise.all([1, 2, 3, 4].map(() => raw(board.id)));
    const watcher = ctx.client(board.id);
    await watcher.synced;
    for (const [n, peer] of [a, b, c, d].entries()) {
      peer?.socket.send(presenceMessage([{ clientId: 200 + n, clock: 1, state: cursorState(n, 0) }]));
      await sleep(20);
    }
    const others = () => [...watcher.provider.awareness.getStates().keys()].filter((id) => id !== watcher.doc.clientID);
    await waitFor('three states at the watcher', () => others().length === 3);
    await sleep(200);
    // The fourth was dropped; its sender stays connected.
    expect(others().sort()).toEqual([200, 201, 202]);
    expect(ctx.server.stats().presenceDropped).toBeGreaterThanOrEqual(1);
    expect([a, b, c, d].every((peer) => peer?.socket.readyState === WebSocket.OPEN)).toBe(true);

    a?.socket.close();
    await waitFor('the first state gone', () => !others().includes(200));
    d?.socket.send(presenceMessage([{ clientId: 203, clock: 2, state: cursorState(3, 1) }]));
    await waitFor('the fourth state in its place', () => others().includes(203));
  });

  it('sends 300 people moving cursors no more presence bytes per second than the board’s budget', async () => {
    const board = await createBoard(ctx.server.url);
    const people = 300;
    const perSecond = DEFAULT_SYNC_LIMITS.presenceBytesPerSecond;
    const startedAt = performance.now();
    let received = 0;
    const seen = Array.from({ length: people }, () => new Set<number>());
    const opened = await Promise.all(
      Array.from({ length: people }, async (_, n) => {
        const socket = new WebSocket(boardSocketUrl(ctx.server.url, board.id));
        sockets.push(socket);
        socket.binaryType = 'nodebuffer';
        socket.on('message', (data: Buffer) => {
          const ids = presenceClients(new Uint8Array(data.buffer, data.byteOffset, data.byteLength));
          if (!ids) return;
          received += data.byteLength;
          for (const id of ids) seen[n]?.add(id);
        });
        await new Promise((resolve, reject) => {
          socket.once('open', resolve);
          socket.once('error', reject);
        });
        return socket;
      }),
    );
    const before = ctx.server.stats().awarenessBytes;
    const windowStart = performance.now();
    // Ten moves a second each, well within the per-connection rate (100/s): allowed traffic.
    for (let step = 0; step < 30; step++) {
      opened.forEach((socket, n) => {
        socket.send(presenceMessage([{ clientId: 1_000 + n, clock: step + 1, state: cursorState(n, step) }]));
      });
      await sleep(100);
    }
    const sent = ctx.server.stats().awarenessBytes - before;
    const windowSeconds = (performance.now() - windowStart) / 1000;
    await sleep(500);
    const spanSeconds = (performance.now() - startedAt) / 1000;

    // The budget: a quarter second's worth at once, the rate after that, and one flush over (see presence.ts).
    const slack = perSecond / 4 + people * 1_000;
    expect(sent).toBeLessThanOrEqual(perSecond * windowSeconds + slack);
    expect(received).toBeLessThanOrEqual(perSecond * spanSeconds + slack);
    // Every person's cursor still reached the others.
    expect(Math.min(...seen.map((ids) => ids.size))).toBeGreaterThanOrEqual(people - 1);
  });
});
