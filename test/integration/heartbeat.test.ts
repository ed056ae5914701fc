/**
 * The heartbeat (README "Weak networks"): the server writes to every socket
 * once a second, so a page notices a connection that went silent (a Wi-Fi
 * drop leaves the TCP connection half open) within seconds, not after the
 * stock provider's 30 s. A TCP relay between a stock provider and the real
 * server stops forwarding without closing, as a dead network does.
 */
import { createServer, type Server, Socket } from 'node:net';
import { afterEach, expect, it } from 'vitest';
import * as Y from 'yjs';
import { controlReconnects } from '../../client/sync/reconnect.ts';
import { connectClient, createBoard, rawSocket, serverPerTest } from '../helpers/server.ts';

const ctx = serverPerTest();

/** A TCP relay to `target` whose open connections can be frozen: nothing passes, nothing closes. */
async function relayTo(target: URL): Promise<{ url: string; freeze(): void; close(): Promise<void> }> {
  const pairs: [Socket, Socket][] = [];
  const all: Socket[] = [];
  const relay: Server = createServer((inbound) => {
    const outbound = new Socket();
    outbound.connect(Number(target.port), target.hostname);
    inbound.pipe(outbound).pipe(inbound);
    inbound.on('error', () => {});
    outbound.on('error', () => {});
    pairs.push([inbound, outbound]);
    all.push(inbound, outbound);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const { port } = relay.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    freeze() {
      for (const [inbound, outbound] of pairs.splice(0)) {
        inbound.unpipe(outbound);
        outbound.unpipe(inbound);
        inbound.pause();
        outbound.pause();
      }
    },
    close: () => {
      for (const socket of all) socket.destroy();
      return new Promise<void>((resolve) => relay.close(() => resolve()));
    },
  };
}

const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

it('writes to an idle connection every second', async () => {
  const board = await createBoard(ctx.server.url);
  const { socket } = await rawSocket(ctx.server.url, board.id, 'participant');
  cleanups.push(() => socket.close());
  let messages = 0;
  socket.on('message', () => messages++);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const afterSync = messages;
  // Nobody else is on the board: whatever arrives now is the heartbeat.
  await expect.poll(() => messages - afterSync, { timeout: 4_000 }).toBeGreaterThanOrEqual(2);
});

it('lets a page notice a connection that went silent long before the stock 30 s, and reconnect', async () => {
  const board = await createBoard(ctx.server.url);
  const relay = await relayTo(new URL(ctx.server.url));
  cleanups.push(() => relay.close());
  const client = connectClient(relay.url, board.id, new Y.Doc(), 'participant');
  cleanups.push(() => client.destroy());
  const control = controlReconnects(client.provider);
  cleanups.push(() => control.stop());
  await client.synced;
  const statuses: string[] = [];
  client.provider.on('status', ({ status }: { status: string }) => statuses.push(status));

  // Idle but alive: the heartbeat keeps a quiet board's connection up past the page's 2.5 s limit.
  await new Promise((resolve) => setTimeout(resolve, 4_000));
  expect(statuses).toEqual([]);

  relay.freeze();
  // Well within the test's own timeout, under the stock provider's 30 s silence limit: only the page's watch can pass it.
  await expect.poll(() => statuses.includes('disconnected'), { timeout: 10_000, interval: 100 }).toBe(true);
  await expect.poll(() => client.provider.wsconnected && client.provider.synced, { timeout: 10_000 }).toBe(true);
}, 20_000);
