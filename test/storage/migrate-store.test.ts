/**
 * `npm run migrate-store` (README "PostgreSQL storage"): boards made on a real
 * server over SQLite — cards typed, a card deleted, a version saved — are
 * copied into PostgreSQL with everything the store keeps, and the server on
 * PostgreSQL opens them with the old links. A second run refuses, or skips.
 */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { openPostgresStore } from '../../server/storage/postgres-store.ts';
import { openSqliteStore, SQLITE_FILE } from '../../server/storage/sqlite-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import { createCard, deleteCard } from '../../shared/card.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import {
  bearer,
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';

const run = promisify(execFile);
// Without a DATABASE_URL of the caller's: --to is the only target.
const migrate = (args: string[]) =>
  run(process.execPath, ['server/cli/migrate-store.ts', ...args], { env: { ...process.env, DATABASE_URL: '' } });

const dataDir = tempDataDir();
let server: RunningServer | undefined;
let target: string;
const boardIds: string[] = [];
/** The PostgreSQL server's data folder: nothing of a board goes there. */
const pgDataDir = tempDataDir();

/** Everything a store keeps of its boards, read through the interface. */
async function contents(store: BoardStore) {
  const boards = await store.listBoards();
  return Promise.all(
    boards.map(async (info) => {
      const versions = await store.listVersions(info.id);
      return {
        info,
        tokens: await store.tokenHashes(info.id),
        updates: (await store.loadBoard(info.id)).updates,
        lastUsed: await store.boardLastUsed(info.id),
        versions,
        versionStates: await Promise.all(versions.map((v) => store.versionState(info.id, v.id))),
        deleted: await store.listDeletedCards(info.id),
      };
    }),
  );
}

beforeAll(async () => {
  target = await createDatabase(inject('postgresUrl'));
  server = await startTestServer({ dataDir });
  const url = server.url;
  for (const title of ['Plan Knivsta', 'Plan Tierp']) {
    const board = await createBoard(url, { title, templateId: 'hsvo-2024-2026' });
    boardIds.push(board.id);
    const client = connectClient(url, board.id);
    await client.synced;
    createCard(client.doc, { id: 'kept', goalId: 'A1', createdBy: 'Anna', fields: { title: `${title}: kvar` } });
    createCard(client.doc, { id: 'gone', goalId: 'B1', createdBy: 'Anna', fields: { title: 'Tas bort' } });
    const saved = await fetch(`${url}/api/boards/${board.id}/versions`, {
      method: 'POST',
      headers: { ...bearer(board.id), 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Före' }),
    });
    expect(saved.status).toBe(201);
    deleteCard(client.doc, 'gone');
    const store = server.store;
    for (let i = 0; i < 100 && (await store.listDeletedCards(board.id)).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    client.destroy();
  }
  await server.close();
  server = undefined;
  // A voting round on each: the first still open, the second ended.
  const store = openSqliteStore({ dataDir });
  const [open, ended] = boardIds as [string, string];
  await store.openVoteRound(open, 'r-open', 3, 10);
  await store.castVote(open, 'r-open', 'anna', 'kept', 2);
  await store.castVote(open, 'r-open', 'bo', 'kept', 1);
  await store.openVoteRound(ended, 'r-ended', 3, 10);
  await store.castVote(ended, 'r-ended', 'anna', 'kept', 3);
  await store.closeVoteRound(ended, 'r-ended');
  await store.close();
});

afterAll(async () => {
  await server?.close();
  removeDir(dataDir);
  removeDir(pgDataDir);
});

describe('npm run migrate-store', () => {
  it('copies every board with tokens, state and log, versions, trash and voting round, and prints the counts', async () => {
    const { stdout } = await migrate(['--from', join(dataDir, SQLITE_FILE), '--to', target]);
    expect(stdout).toMatch(/copied 2 boards \(\d+ log updates, \d+ versions, 2 deleted cards, 3 votes\); skipped 0/);

    const source = openSqliteStore({ dataDir });
    const copy = await openPostgresStore({ connectionString: target });
    try {
      const before = await contents(source);
      expect(before.map((board) => board.deleted.map((card) => card.cardId))).toEqual([['gone'], ['gone']]);
      expect(before.every((board) => board.versions.some((version) => version.name === 'Före'))).toBe(true);
      expect(await contents(copy)).toEqual(before);
      const [open, ended] = boardIds as [string, string];
      expect(await copy.ballotOf(open, 'r-open', 'anna')).toEqual({ kept: 2 });
      expect(await copy.castVote(open, 'r-open', 'bo', 'gone', 2)).toEqual({ ballot: { kept: 1, gone: 2 } });
      expect(await copy.castVote(ended, 'r-ended', 'bo', 'kept', 1)).toEqual({ refused: 'closed' });
      expect(await copy.closeVoteRound(ended, 'r-ended')).toEqual({ totals: { kept: 3 }, voters: 1 });
    } finally {
      await source.close();
      await copy.close();
    }

    // The server on PostgreSQL opens the boards with the links made on SQLite.
    server = await startTestServer({ dataDir: pgDataDir, databaseUrl: target });
    for (const id of boardIds) {
      expect((await fetch(`${server.url}/api/boards/${id}`, { headers: bearer(id) })).status).toBe(200);
      const client = connectClient(server.url, id);
      await client.synced;
      await waitFor('the board to load', () => client.doc.getMap('cards').has('kept'));
      expect(client.doc.getMap('cards').has('gone')).toBe(false);
      client.destroy();
    }
  });

  it('refuses a target that already has the boards, unless told to skip them', async () => {
    const refused = await migrate(['--from', dataDir, '--to', target]).catch(
      (error: { code: number; stderr: string }) => error,
    );
    expect(refused).toMatchObject({ code: 1 });
    expect((refused as { stderr: string }).stderr).toMatch(/already has 2 of these boards .* --skip-existing/);

    const { stdout } = await migrate(['--from', dataDir, '--to', target, '--skip-existing']);
    expect(stdout).toMatch(/copied 0 boards .* skipped 2/);
  });

  it('says what is missing', async () => {
    const noTarget = await migrate(['--from', dataDir]).catch((error: { stderr: string }) => error);
    expect((noTarget as { stderr: string }).stderr).toMatch(/--to \(or DATABASE_URL\) is required/);
    const noSource = await migrate(['--from', join(dataDir, 'nothing-here'), '--to', target]).catch(
      (error: { stderr: string }) => error,
    );
    expect((noSource as { stderr: string }).stderr).toMatch(/no SQLite store at/);
  });
});

describe('the other tools under DATABASE_URL', () => {
  const tool = (script: string, args: string[]) =>
    run(process.execPath, [`server/cli/${script}.ts`, ...args], { env: { ...process.env, DATABASE_URL: target } });

  it('list the boards in PostgreSQL', async () => {
    const { stdout } = await tool('boards', ['list']);
    expect(stdout).toContain('Plan Knivsta');
    expect(stdout).toContain('Plan Tierp');
  });

  it('refuse the SQLite-only backup and restore with a clear message', async () => {
    for (const [script, args] of [
      ['backup', ['--out', join(dataDir, 'copy.sqlite')]],
      ['restore', [join(dataDir, 'copy.sqlite')]],
    ] as const) {
      const refused = await tool(script, [...args]).catch((error: { code: number; stderr: string }) => error);
      expect(refused).toMatchObject({ code: 1 });
      expect((refused as { stderr: string }).stderr).toMatch(/works on the SQLite store only.*pg_dump/);
    }
  });
});
