/**
 * Board expiry (BOARD_RETENTION_DAYS) against a real server and its SQLite
 * store: boards whose last use (faked in the store) lies beyond the retention
 * are deleted at start and by the periodic sweep, a board with people on it is
 * kept, opening a board counts as use, GET /api/boards/:id says when a board
 * expires, and the schema migration keeps boards made before last_used_at.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DAY_MS } from '../../server/boards/board-expiry.ts';
import type { RunningServer } from '../../server/start.ts';
import {
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
  withToken,
} from '../helpers/server.ts';

const LONG_AGO = '2020-01-01T00:00:00.000Z';

let server: RunningServer | undefined;
let dataDir = '';
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  server = undefined;
  removeDir(dataDir);
});

async function start(options: Parameters<typeof startTestServer>[0]): Promise<RunningServer> {
  server = await startTestServer(options);
  return server;
}

describe('with BOARD_RETENTION_DAYS', () => {
  it('deletes boards unused for longer at start, with their content, and keeps the others', async () => {
    dataDir = tempDataDir();
    const first = await start({ dataDir, boardRetentionDays: 30 });
    const old = await createBoard(first.url);
    const fresh = await createBoard(first.url);
    await first.store.touchBoard(old.id, LONG_AGO);
    await first.close();

    const again = await start({ dataDir, boardRetentionDays: 30 });
    await again.expiry.stop(); // waits for the sweep started with the server
    expect(await again.store.getBoard(old.id)).toBeUndefined();
    expect((await again.store.loadBoard(old.id)).updates).toEqual([]);
    expect((await fetch(withToken(`${again.url}/api/boards/${old.id}`, old.id))).status).toBe(404);
    expect((await fetch(withToken(`${again.url}/api/boards/${fresh.id}`, fresh.id))).status).toBe(200);
  });

  it('deletes a board that falls out of use while the server runs (periodic sweep)', async () => {
    dataDir = tempDataDir();
    const running = await start({ dataDir, boardRetentionDays: 7, retentionSweepMs: 50 });
    const board = await createBoard(running.url);
    await running.store.touchBoard(board.id, new Date(Date.now() - 8 * DAY_MS).toISOString());
    let gone = false;
    for (let attempt = 0; !gone && attempt < 100; attempt++) {
      gone = (await running.store.getBoard(board.id)) === undefined;
      if (!gone) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(gone).toBe(true);
  });

  it('keeps a board whose room is open, and deletes it once everyone has left', async () => {
    dataDir = tempDataDir();
    const running = await start({ dataDir, boardRetentionDays: 30 });
    const board = await createBoard(running.url);
    const client = connectClient(running.url, board.id);
    clients.push(client);
    await client.synced;
    await running.store.touchBoard(board.id, LONG_AGO);
    expect(await running.expiry.sweep()).toEqual([]);
    expect(await running.store.getBoard(board.id)).toBeDefined();

    client.destroy();
    await waitFor('the room to unload', () => running.rooms.openCount === 0);
    expect(await running.expiry.sweep()).toEqual([board.id]);
    expect(await running.store.getBoard(board.id)).toBeUndefined();
  });

  it('counts opening the board (its room loading) as use', async () => {
    dataDir = tempDataDir();
    const running = await start({ dataDir, boardRetentionDays: 30 });
    const board = await createBoard(running.url);
    await running.store.touchBoard(board.id, LONG_AGO);
    const client = connectClient(running.url, board.id);
    clients.push(client);
    await client.synced;
    let lastUsed = await running.store.boardLastUsed(board.id);
    for (let attempt = 0; lastUsed === LONG_AGO && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      lastUsed = await running.store.boardLastUsed(board.id);
    }
    expect(Date.parse(lastUsed ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(await running.expiry.sweep()).toEqual([]);
  });

  it('records use at most once an hour per board', async () => {
    dataDir = tempDataDir();
    const running = await start({ dataDir, boardRetentionDays: 30 });
    const board = await createBoard(running.url);
    await running.expiry.touch(board.id);
    const recorded = await running.store.boardLastUsed(board.id);
    await running.store.touchBoard(board.id, LONG_AGO);
    await running.expiry.touch(board.id); // within the hour: no write
    expect(await running.store.boardLastUsed(board.id)).toBe(LONG_AGO);
    expect(Date.parse(recorded ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });

  it('says in GET /api/boards/:id when the board expires, counted from this visit', async () => {
    dataDir = tempDataDir();
    const running = await start({ dataDir, boardRetentionDays: 14 });
    const board = await createBoard(running.url);
    const before = Date.now();
    const info = (await (await fetch(withToken(`${running.url}/api/boards/${board.id}`, board.id))).json()) as {
      expiresAt?: string;
    };
    const expiresAt = Date.parse(info.expiresAt ?? '');
    expect(expiresAt).toBeGreaterThanOrEqual(before + 14 * DAY_MS - 1_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + 14 * DAY_MS);
  });
});

describe('without BOARD_RETENTION_DAYS', () => {
  it('deletes nothing and sends no expiresAt', async () => {
    dataDir = tempDataDir();
    const running = await start({ dataDir });
    const board = await createBoard(running.url);
    await running.store.touchBoard(board.id, LONG_AGO);
    expect(await running.expiry.sweep()).toEqual([]);
    const info = await (await fetch(withToken(`${running.url}/api/boards/${board.id}`, board.id))).json();
    expect(info).not.toHaveProperty('expiresAt');
  });
});

describe('the last_used_at migration', () => {
  it('keeps the boards of a data directory made before it, counting them as used at the upgrade', async () => {
    dataDir = tempDataDir();
    const db = new Database(join(dataDir, 'samtavla.sqlite'));
    db.exec(`
      CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, template_id TEXT NOT NULL,
        template_version TEXT NOT NULL, created_at TEXT NOT NULL);
      CREATE TABLE board_states (board_id TEXT PRIMARY KEY REFERENCES boards(id), state BLOB NOT NULL,
        compacted_at TEXT NOT NULL);
      CREATE TABLE board_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL REFERENCES boards(id),
        data BLOB NOT NULL);`);
    const doc = new Y.Doc();
    doc.getMap('meta').set('title', 'Gammal tavla');
    db.prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?)').run(
      'OldBoardOldBoardOldBoa',
      'Gammal tavla',
      'hsvo-2024-2026',
      '1.0.0',
      LONG_AGO,
    );
    db.prepare('INSERT INTO board_states VALUES (?, ?, ?)').run(
      'OldBoardOldBoardOldBoa',
      Y.encodeStateAsUpdate(doc),
      LONG_AGO,
    );
    db.close();

    const running = await start({ dataDir, boardRetentionDays: 30 });
    await running.expiry.stop();
    expect((await running.store.getBoard('OldBoardOldBoardOldBoa'))?.title).toBe('Gammal tavla');
    expect((await running.store.loadBoard('OldBoardOldBoardOldBoa')).updates).toHaveLength(1);
    expect(Date.parse((await running.store.boardLastUsed('OldBoardOldBoardOldBoa')) ?? '')).toBeGreaterThan(
      Date.now() - 60_000,
    );
  });
});
