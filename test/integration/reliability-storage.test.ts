/**
 * Storage faults: edits the server cannot store are refused loudly (the sender
 * is closed with 1011 and keeps its edits), nothing half-written is stored or
 * relayed, and everything lands once the fault clears.
 *
 * How the faults are made, as root (chmod does not stop root):
 * - locked: real. A second SQLite connection holds an exclusive write lock on
 *   the server's file; the server's write fails with SQLITE_BUSY after its busy
 *   timeout. The server runs in a child process, since a busy wait blocks its thread.
 * - disk full and read-only: a store wrapper (startServer's `wrapStore` hook)
 *   refuses writes with the StorageError the SQLite adapter raises for SQLITE_FULL
 *   and SQLITE_READONLY, so the room's refusal path runs exactly as on a real disk.
 */

import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { createCard, getCardText, readCards, setCardText } from '../../shared/card.ts';
import { type Fault, faultyStore } from '../helpers/faulty-store.ts';
import {
  boardSocketUrl,
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  upgradeAnswer,
  waitFor,
  withToken,
} from '../helpers/server.ts';
import { type ChildServer, closeCodes, freePort, sleep, startChildServer } from './reliability-support.ts';

let dataDir: string | undefined;
let child: ChildServer | undefined;
let server: RunningServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  child?.child.kill('SIGKILL');
  await child?.exited;
  await server?.close();
  child = undefined;
  server = undefined;
  if (dataDir) removeDir(dataDir);
});

/** The text of every card as stored (what a restarted server would load). */
async function storedActivities(store: BoardStore, boardId: string): Promise<string[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await store.loadBoard(boardId)).updates));
  return readCards(doc).map((card) => card.activity);
}

/** A writer with a card the observer has seen. */
async function writerAndObserver(url: string, boardId: string) {
  const writer = connectClient(url, boardId);
  const observer = connectClient(url, boardId);
  clients.push(writer, observer);
  await Promise.all([writer.synced, observer.synced]);
  const cardId = createCard(writer.doc, { goalId: 'A1', createdBy: 'writer' });
  const type = (text: string) => {
    const current = getCardText(writer.doc, cardId, 'activity')?.toString() ?? '';
    setCardText(writer.doc, cardId, 'activity', current + text);
  };
  const seen = () => getCardText(observer.doc, cardId, 'activity')?.toString() ?? '';
  await waitFor('the card to reach the observer', () => readCards(observer.doc).length === 1);
  return { writer, observer, type, seen, codes: closeCodes(writer.provider) };
}

describe.each(['full', 'read-only'] as const)('a %s disk', (kind) => {
  it('refuses edits with 1011, stores nothing of them, and takes them once it is writable again', async () => {
    dataDir = tempDataDir();
    let fault: Fault = 'none';
    server = await startTestServer({ dataDir, compactEvery: 5, wrapStore: (inner) => faultyStore(inner, () => fault) });
    const board = await createBoard(server.url);
    const { writer, type, seen, codes } = await writerAndObserver(server.url, board.id);
    type('before ');
    await waitFor('the first edit to be relayed', () => seen() === 'before ');

    fault = kind;
    type('during ');
    await waitFor('the writer to be refused', () => codes.includes(1011));
    // Refused edits stay with the writer; no one else got them and nothing of them is stored.
    expect(getCardText(writer.doc, readCards(writer.doc)[0]?.id ?? '', 'activity')?.toString()).toBe('before during ');
    expect(seen()).toBe('before ');
    expect(await storedActivities(server.store, board.id)).toEqual(['before ']);
    const boardsBefore = (await server.store.listBoards()).length;
    const create = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Ny plan', templateId: 'hsvo-2024-2026' }),
    });
    expect(create.status).toBe(503);
    expect(((await create.json()) as { error: string }).error).toMatch(/storage/);
    expect((await server.store.listBoards()).length).toBe(boardsBefore);
    expect((await fetch(withToken(`${server.url}/api/boards/${board.id}`, board.id))).status, 'reads still work').toBe(
      200,
    );

    fault = 'none';
    await waitFor('the kept edit to land once the disk is writable', () => seen() === 'before during ');
    type('after');
    await waitFor('later edits to flow', () => seen() === 'before during after');
    expect(await storedActivities(server.store, board.id)).toEqual(['before during after']);
  });
});

describe('a client refused for a failing disk', () => {
  it('is asked to wait (503) instead of resyncing and resending every 200 ms, and lands its edits after', async () => {
    dataDir = tempDataDir();
    let fault: Fault = 'none';
    server = await startTestServer({ dataDir, wrapStore: (inner) => faultyStore(inner, () => fault) });
    const board = await createBoard(server.url);
    const { writer, type, seen, codes } = await writerAndObserver(server.url, board.id);
    let connects = 0;
    writer.provider.on('status', ({ status }: { status: string }) => {
      if (status === 'connected') connects++;
    });

    fault = 'full';
    type('during ');
    await waitFor('the writer to be refused', () => codes.includes(1011));
    // What a refused client meets right after its refusal: a plain 503 with a JSON reason.
    const answer = await upgradeAnswer(boardSocketUrl(server.url, board.id));
    expect(answer.status).toBe(503);
    expect(JSON.parse(answer.body).error).toMatch(/storage is unavailable/);

    // Three seconds of a full disk: without the wait the writer would resync some fifteen times.
    connects = 0;
    await sleep(3_000);
    expect(connects).toBeLessThanOrEqual(4);
    expect(seen()).toBe('');

    fault = 'none';
    await waitFor('the kept edit to land once the disk is writable', () => seen() === 'during ', 15_000);
  });
});

describe('a database locked by another process', () => {
  it('refuses edits with 1011 while the lock is held, and takes them after', async () => {
    dataDir = tempDataDir();
    child = await startChildServer(dataDir, await freePort());
    const board = await createBoard(child.url);
    const { type, seen, codes } = await writerAndObserver(child.url, board.id);
    type('before ');
    await waitFor('the first edit to be relayed', () => seen() === 'before ');

    const lock = new Database(join(dataDir, 'samtavla.sqlite'));
    lock.exec('BEGIN EXCLUSIVE');
    type('locked ');
    // The server waits out its short busy timeout (SERVER_BUSY_TIMEOUT_MS), then refuses.
    await waitFor('the writer to be refused', () => codes.includes(1011), 20_000);
    expect(seen()).toBe('before ');
    lock.exec('ROLLBACK');
    lock.close();

    await waitFor('the kept edit to land once the lock is gone', () => seen() === 'before locked ', 20_000);
    await sleep(100);
    const store = openSqliteStore({ dataDir });
    try {
      expect(await storedActivities(store, board.id)).toEqual(['before locked ']);
    } finally {
      await store.close();
    }
  }, 60_000);
});
