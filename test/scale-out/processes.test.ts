/**
 * Real server processes on one PostgreSQL and one Redis (README "Running on
 * several machines"): stock y-websocket clients connected to different
 * processes converge; kill -9 of a process in the middle of a write stream
 * loses no edit it acknowledged, and its clients carry on through another
 * process while the others notice nothing; Redis restarting loses no relay.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { createStore } from '../../server/storage/create-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { startRedisServer } from '../helpers/redis-server.ts';
import { connectClient, createBoard, type TestClient, tempDataDir, waitFor } from '../helpers/server.ts';
import { closeCodes, tokensIn, typeTokens } from '../integration/reliability-support.ts';
import { eventually, moveClient, type Processes, readiness, startProcesses, storedDoc } from './scale-out-support.ts';

let processes: Processes | undefined;
let store: BoardStore | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await processes?.close();
  await store?.close();
  processes = undefined;
  store = undefined;
});

async function start(count: number, redisUrl = inject('redisUrl')): Promise<string[]> {
  const databaseUrl = await createDatabase(inject('postgresUrl'));
  processes = await startProcesses(count, { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
  store = await createStore({ databaseUrl, dataDir: tempDataDir() });
  return processes.urls;
}

function client(url: string, boardId: string): TestClient {
  const c = connectClient(url, boardId, new Y.Doc());
  clients.push(c);
  return c;
}

const sorted = (tokens: string[]) => [...tokens].sort();

describe('server processes on one PostgreSQL and one Redis', () => {
  it('clients of three processes typing at once converge, with presence, and PostgreSQL has every token', async () => {
    const urls = await start(3);
    const board = await createBoard(urls[0] as string);
    const writers = urls.map((url) => client(url, board.id));
    await Promise.all(writers.map((w) => w.synced));
    writers[0]?.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const written: string[] = [];
    const stops = writers.map((w, i) => typeTokens(w, `p${i}`, () => 3, written));
    await waitFor('90 tokens typed', () => written.length >= 90, 20_000);
    for (const stop of stops) stop();
    for (const w of writers)
      await waitFor('every token at every client', () => tokensIn(w.doc).length === written.length);
    for (const w of writers) expect(sorted(tokensIn(w.doc))).toEqual(sorted(written));
    const annaId = writers[0]?.doc.clientID as number;
    for (const w of writers.slice(1)) {
      await waitFor("Anna's presence at the other processes' clients", () =>
        w.provider.awareness.getStates().has(annaId),
      );
    }
    const stored = await storedDoc(store as BoardStore, board.id);
    expect(sorted(tokensIn(stored))).toEqual(sorted(written));
  });

  it('kill -9 of a process in a write stream: nothing acknowledged is lost, its clients go on through the other', async () => {
    const [a, b] = (await start(2)) as [string, string];
    const board = await createBoard(a);
    const atA = client(a, board.id);
    const atB = client(b, board.id);
    const observer = client(b, board.id);
    await Promise.all([atA.synced, atB.synced, observer.synced]);
    const bCodes = closeCodes(atB.provider);
    const written: string[] = [];
    const stops = [typeTokens(atA, 'a', () => 4, written), typeTokens(atB, 'b', () => 4, written)];
    await waitFor(
      "A's edits reaching B's observer",
      () => tokensIn(observer.doc).filter((t) => t.startsWith('a-')).length >= 20,
    );

    await (processes as Processes).kill(0);
    // What B's observer has is stored: a process relays only what PostgreSQL acknowledged.
    const acknowledged = tokensIn(observer.doc);
    const storedAtKill = new Set(tokensIn(await storedDoc(store as BoardStore, board.id)));
    expect(acknowledged.filter((token) => !storedAtKill.has(token))).toEqual([]);

    // A's client keeps typing offline, then the balancer sends it to B.
    const before = written.length;
    await waitFor('typing goes on', () => written.length >= before + 20);
    moveClient(atA, b);
    await waitFor('more typing after the move', () => written.length >= before + 40);
    for (const stop of stops) stop();
    for (const c of [atA, atB, observer]) {
      await waitFor('every token everywhere', () => tokensIn(c.doc).length === written.length, 15_000);
      expect(sorted(tokensIn(c.doc))).toEqual(sorted(written));
    }
    expect(sorted(tokensIn(await storedDoc(store as BoardStore, board.id)))).toEqual(sorted(written));
    expect(bCodes, "B's clients were never disconnected").toEqual([]);
  });

  it('Redis restarting: the processes are not ready meanwhile, then catch up from PostgreSQL what was not relayed', async () => {
    const redis = await startRedisServer();
    try {
      const [a, b] = (await start(2, redis.url)) as [string, string];
      const board = await createBoard(a);
      const atA = client(a, board.id);
      const atB = client(b, board.id);
      await Promise.all([atA.synced, atB.synced]);
      await redis.stop();
      await eventually('both not ready', async () => (await readiness(a)) === 503 && (await readiness(b)) === 503);
      createCard(atA.doc, { id: 'while-redis-was-away', goalId: 'A1', createdBy: 'Anna' });
      await eventually('the card stored', async () =>
        cardsMap(await storedDoc(store as BoardStore, board.id)).has('while-redis-was-away'),
      );
      await redis.restart();
      await waitFor("the card at B's client", () => cardsMap(atB.doc).has('while-redis-was-away'), 15_000);
      await eventually('both ready again', async () => (await readiness(a)) === 200 && (await readiness(b)) === 200);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await processes?.close();
      processes = undefined;
      await redis.stop();
    }
  });
});
