/**
 * When a server catches up from storage (README "Running on several machines",
 * "Catch-up"): not when it opens a board another server is already editing (the
 * first message it hears of that server is a baseline), but on a real gap in a
 * publisher's numbers; and after a Redis outage, every open room of a server
 * catches up through one queue, a few at a time (real PostgreSQL and Redis).
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { catchUpConcurrency } from '../../server/sync/relay/catch-up-queue.ts';
import { encodeRelayMessage, type RelayMessage } from '../../server/sync/relay/relay-message.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { type RedisServer, startRedisServer } from '../helpers/redis-server.ts';
import {
  connectClient,
  createBoard,
  editOfCopy,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { tokensIn, typeTokens } from '../integration/reliability-support.ts';
import { type Cluster, eventually, readiness, startInProcessCluster, storedDoc } from './scale-out-support.ts';

const redisUrl = inject('redisUrl');
let cluster: Cluster | undefined;
const clients: TestClient[] = [];
let forger: Redis | undefined;
let redis: RedisServer | undefined;
const servers: RunningServer[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster?.close();
  cluster = undefined;
  await forger?.quit();
  forger = undefined;
  await Promise.all(servers.splice(0).map((server) => server.close()));
  for (const dir of dirs.splice(0)) removeDir(dir);
  await redis?.stop();
  redis = undefined;
});

/** A server in this process on `databaseUrl` and `redisUrl`, with a store pool of `pgPoolSize`. */
async function startPostgresServer(databaseUrl: string, redisUrl: string, pgPoolSize: number): Promise<RunningServer> {
  const dataDir = tempDataDir();
  dirs.push(dataDir);
  const server = await startTestServer({ dataDir, databaseUrl, redisUrl, pgPoolSize });
  servers.push(server);
  return server;
}

const BOARDS = 12;
const POOL_SIZE = 4;

function client(url: string, boardId: string): TestClient {
  const c = connectClient(url, boardId, new Y.Doc());
  clients.push(c);
  return c;
}

const emptyUpdate = Y.encodeStateAsUpdate(new Y.Doc());

describe('catching up from storage', () => {
  it('a server opening a board another is editing does not catch up; a gap in a publisher’s numbers does', async () => {
    cluster = await startInProcessCluster(redisUrl, 2);
    const [a, b] = cluster.servers.map((server) => server.url) as [string, string];
    const board = await createBoard(a);
    const anna = client(a, board.id);
    await anna.synced;
    const written: string[] = [];
    const stop = typeTokens(anna, 'anna', () => 5, written);
    // A's room has published many messages before B's room subscribes.
    await waitFor('20 tokens typed at A', () => written.length >= 20);
    // Both of B's Redis connections up: its room's subscription is confirmed before the room loads.
    await eventually('B ready', async () => (await readiness(b)) === 200);
    const bo = client(b, board.id);
    await bo.synced;
    const atJoin = written.length;
    await waitFor('10 more tokens typed while Bo is there', () => written.length >= atJoin + 10);
    stop();
    await waitFor("every token at Bo's", () => tokensIn(bo.doc).length === written.length);
    const serverB = cluster.servers[1];
    expect(serverB?.stats().relayedIn, 'the tokens came relayed').toBeGreaterThan(0);
    expect(serverB?.stats().catchUps, 'no catch-up on opening the board').toBe(0);

    // Another process of the board: first heard at its 4th message (a baseline), then at its 6th,
    // and what its 5th carried is only in storage.
    forger = new Redis(redisUrl);
    const publish = (message: RelayMessage) =>
      (forger as Redis).publish(`samtavla:board:${board.id}`, Buffer.from(encodeRelayMessage(message)));
    await publish({ publisher: 'elsewhere/room', counter: 4, event: { kind: 'update', seq: 0, update: emptyUpdate } });
    const lost = editOfCopy(await storedDoc(cluster.store, board.id), (copy) =>
      createCard(copy, { id: 'only-stored', goalId: 'A1', createdBy: 'Elsewhere' }),
    );
    await cluster.store.appendUpdates(board.id, [lost]);
    await publish({ publisher: 'elsewhere/room', counter: 6, event: { kind: 'update', seq: 0, update: emptyUpdate } });
    await waitFor("the stored card at Bo's after the catch-up", () => cardsMap(bo.doc).has('only-stored'));
    expect(serverB?.stats().catchUps, 'one catch-up, for the gap').toBe(1);
  });

  it('after a Redis outage every open board catches up, at most half the pool’s worth at a time', async () => {
    redis = await startRedisServer();
    const databaseUrl = await createDatabase(inject('postgresUrl'));
    const a = await startPostgresServer(databaseUrl, redis.url, POOL_SIZE);
    const b = await startPostgresServer(databaseUrl, redis.url, POOL_SIZE);
    const boards = await Promise.all(Array.from({ length: BOARDS }, () => createBoard(a.url)));
    const atA = boards.map((board) => client(a.url, board.id));
    const atB = boards.map((board) => client(b.url, board.id));
    await Promise.all([...atA, ...atB].map((c) => c.synced));

    await redis.stop();
    await eventually(
      'both not ready',
      async () => (await readiness(a.url)) === 503 && (await readiness(b.url)) === 503,
    );
    for (const [i, c] of atA.entries()) createCard(c.doc, { id: `outage-${i}`, goalId: 'A1', createdBy: 'A' });
    for (const [i, board] of boards.entries()) {
      await eventually('the card stored', async () => cardsMap(await storedDoc(a.store, board.id)).has(`outage-${i}`));
    }
    expect(
      atB.some((c) => cardsMap(c.doc).size > 0),
      'nothing relayed while Redis is away',
    ).toBe(false);
    const before = b.stats().catchUps;

    await redis.restart();
    for (const [i, c] of atB.entries()) {
      await waitFor(`board ${i}'s card at B after the reconnect`, () => cardsMap(c.doc).has(`outage-${i}`), 20_000);
    }
    const stats = b.stats();
    expect(stats.catchUps - before, 'every open board caught up').toBeGreaterThanOrEqual(BOARDS);
    const concurrency = catchUpConcurrency(POOL_SIZE);
    expect(stats.catchUpsRunningPeak, 'the queue ran').toBeGreaterThan(0);
    expect(stats.catchUpsRunningPeak, `never more than ${concurrency} at once`).toBeLessThanOrEqual(concurrency);

    // Relayed both ways again, and every client has every card.
    await eventually(
      'both ready again',
      async () => (await readiness(a.url)) === 200 && (await readiness(b.url)) === 200,
    );
    for (const [i, c] of atB.entries()) createCard(c.doc, { id: `after-${i}`, goalId: 'A1', createdBy: 'B' });
    for (const [i, c] of atA.entries())
      await waitFor(`board ${i}'s new card at A`, () => cardsMap(c.doc).has(`after-${i}`));
    for (const [i, c] of atB.entries())
      expect([...cardsMap(c.doc).keys()].sort()).toEqual([...cardsMap(atA[i]?.doc as Y.Doc).keys()].sort());
  });
});
