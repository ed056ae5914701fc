/**
 * kill -9 mid-stream: the server process is killed at random moments while
 * three people type steadily into their cards. Acknowledged means relayed (the server stores
 * before it relays), so what a silent observer has received is the
 * acknowledged set. After every kill the stored board (read straight from the
 * SQLite file) holds all of it; after restarts the writers resync and everyone
 * ends with the same document, every typed token exactly once, nothing lost.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { prng, seedFor } from '../helpers/random.ts';
import {
  connectClient,
  createBoard,
  docContent,
  removeDir,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { type ChildServer, freePort, sleep, startChildServer, tokensIn, typeTokens } from './reliability-support.ts';

const KILLS = 3;
const WRITERS = 3;

let dataDir: string | undefined;
let server: ChildServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  server?.child.kill('SIGKILL');
  await server?.exited;
  if (dataDir) removeDir(dataDir);
});

/** The board as stored: what a restarted server would load. */
async function storedTokens(dir: string, boardId: string): Promise<string[]> {
  const store = openSqliteStore({ dataDir: dir });
  try {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeMany((await store.loadBoard(boardId)).updates));
    return tokensIn(doc);
  } finally {
    await store.close();
  }
}

describe('the server killed with SIGKILL while people write', () => {
  it('keeps every acknowledged edit, and the clients resync without duplicates', async () => {
    const seed = seedFor('kill -9', 20_251_123);
    const random = prng(seed);
    dataDir = tempDataDir();
    const port = await freePort();
    server = await startChildServer(dataDir, port);
    const board = await createBoard(server.url);

    const writers = Array.from({ length: WRITERS }, () => connectClient(server?.url as string, board.id));
    const observer = connectClient(server.url, board.id);
    clients.push(...writers, observer);
    await Promise.all(clients.map((c) => c.synced));
    const written: string[] = [];
    const stops = writers.map((w, i) => typeTokens(w, `w${i}`, () => 8 + random() * 12, written));

    for (let kill = 0; kill < KILLS; kill++) {
      await sleep(300 + random() * 900);
      server.child.kill('SIGKILL');
      // Everything the observer has was relayed, so stored, before the process died.
      const acknowledged = tokensIn(observer.doc);
      await server.exited;
      const stored = new Set(await storedTokens(dataDir, board.id));
      const lost = acknowledged.filter((token) => !stored.has(token));
      expect(lost, `seed ${seed}, kill ${kill}: acknowledged but not stored`).toEqual([]);
      expect(acknowledged.length, `seed ${seed}: the observer saw edits before kill ${kill}`).toBeGreaterThan(0);

      server = await startChildServer(dataDir, port);
      await waitFor('every client to reconnect', () => clients.every((c) => c.provider.synced), 15_000);
    }

    for (const stop of stops) stop();
    const verifier = connectClient(server.url, board.id);
    clients.push(verifier);
    await verifier.synced;
    await waitFor(
      'everyone to hold the same document',
      () => clients.every((c) => c.provider.synced && docContent(c.doc) === docContent(verifier.doc)),
      20_000,
    );
    const tokens = tokensIn(verifier.doc);
    expect(new Set(tokens).size, `seed ${seed}: a token appears twice`).toBe(tokens.length);
    expect([...tokens].sort(), `seed ${seed}: every written token arrived, once`).toEqual([...written].sort());
  }, 90_000);
});
