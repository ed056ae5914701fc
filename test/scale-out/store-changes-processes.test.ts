/**
 * Changes made through the store by something other than a facilitator's request
 * (README "Running on several machines"): `npm run boards -- links` run as its own
 * process, and board expiry in one server process. Every process with the board
 * open closes its sockets at once; a Redis the command line cannot reach leaves
 * the links rotated and says so.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { DAY_MS } from '../../server/boards/board-expiry.ts';
import type { RunningServer } from '../../server/start.ts';
import { CLOSE_BOARD_DELETED, CLOSE_TOKEN_REVOKED } from '../../shared/close-codes.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
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
} from '../helpers/server.ts';
import { closeCodes, freePort } from '../integration/reliability-support.ts';
import { eventually, type Processes, startProcesses } from './scale-out-support.ts';

const run = promisify(execFile);

let databaseUrl: string;
/** Process A: in this process, so that the test can run its expiry sweep. */
let a: RunningServer;
/** Process B: a real server process, where the clients are. */
let b: string;
const clients: TestClient[] = [];

beforeAll(async () => {
  databaseUrl = await createDatabase(inject('postgresUrl'));
  const redisUrl = inject('redisUrl');
  const processes: Processes = await startProcesses(1, { DATABASE_URL: databaseUrl, REDIS_URL: redisUrl });
  b = processes.urls[0] as string;
  const dataDir = tempDataDir();
  // Expiry on, but the sweep only when the test runs it (the one at start finds nothing old).
  a = await startTestServer({ dataDir, databaseUrl, redisUrl, boardRetentionDays: 7, retentionSweepMs: DAY_MS });
  return async () => {
    await a.close();
    await processes.close();
    removeDir(dataDir);
  };
});

afterEach(() => {
  for (const c of clients.splice(0)) c.destroy();
});

function client(url: string, boardId: string, role: Role): TestClient {
  const c = connectClient(url, boardId, new Y.Doc(), role);
  clients.push(c);
  return c;
}

/** `npm run boards -- links <id>` as its own process, as an operator runs it, with the server's environment. */
function rotateLinks(boardId: string, redisUrl: string) {
  return run(process.execPath, ['server/cli/boards.ts', 'links', boardId], {
    env: { ...process.env, DATABASE_URL: databaseUrl, REDIS_URL: redisUrl },
  });
}

/** The tokens of the links the command printed, by role. */
const printedTokens = (stdout: string): Record<string, string> =>
  Object.fromEntries([...stdout.matchAll(/^(\w+)\s+\S+#token=(\S+)$/gm)].map((m) => [m[1], m[2]]));

describe('store changes outside a request, across processes', () => {
  it('`npm run boards -- links` closes the board’s sockets on another process, which refuses the old links', async () => {
    const board = await createBoard(b);
    const participant = client(b, board.id, 'participant');
    const viewer = client(b, board.id, 'viewer');
    await Promise.all([participant.synced, viewer.synced]);
    const codes = [closeCodes(participant.provider), closeCodes(viewer.provider)];

    const { stdout } = await rotateLinks(board.id, inject('redisUrl'));
    const tokens = printedTokens(stdout);
    expect(Object.keys(tokens).sort()).toEqual([...ROLES].sort());

    for (const [i, seen] of codes.entries()) {
      await waitFor(`client ${i} closed on B`, () => seen.includes(CLOSE_TOKEN_REVOKED));
    }
    for (const role of ROLES) {
      const old = await upgradeAnswer(boardSocketUrl(b, board.id, { token: board.tokens[role] }));
      expect(old.status, `the old ${role} link at B`).toBe(403);
    }
    const renewed = await upgradeAnswer(boardSocketUrl(b, board.id, { token: tokens.participant as string }));
    expect(renewed.status, 'the new participant link at B').toBe(101);
  });

  it('board expiry in process A closes the board’s sockets on process B, which then refuses it', async () => {
    const board = await createBoard(b);
    const facilitator = client(b, board.id, 'facilitator');
    await facilitator.synced;
    const codes = closeCodes(facilitator.provider);

    // Unused for eight days as far as the store knows (again, should B's record of the opening land late).
    const longAgo = new Date(Date.now() - 8 * DAY_MS).toISOString();
    await eventually('the board expired in A', async () => {
      await a.store.touchBoard(board.id, longAgo);
      return (await a.expiry.sweep()).includes(board.id);
    });

    await waitFor('the client closed on B', () => codes.includes(CLOSE_BOARD_DELETED));
    expect((await upgradeAnswer(boardSocketUrl(b, board.id, 'facilitator'))).status, 'the board at B').toBe(404);
    expect(await a.store.getBoard(board.id)).toBeUndefined();
  });

  it('with Redis unreachable, `npm run boards -- links` exits non-zero and says so; the links are rotated', async () => {
    const board = await createBoard(b);
    const before = await a.store.tokenHashes(board.id);
    const nobody = `redis://127.0.0.1:${await freePort()}`;

    const failed = await rotateLinks(board.id, nobody).then(
      () => undefined,
      (error: { code: number; stdout: string; stderr: string }) => error,
    );
    expect(failed, 'the command failed').toBeDefined();
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain('links rotated; other server processes could not be told: ');
    expect(failed?.stderr).toContain('ECONNREFUSED');

    const after = await a.store.tokenHashes(board.id);
    for (const role of ROLES) expect(after?.[role], `the ${role} hash`).not.toBe(before?.[role]);
    const tokens = printedTokens(failed?.stdout ?? '');
    expect((await upgradeAnswer(boardSocketUrl(b, board.id, { token: tokens.viewer as string }))).status).toBe(101);
    expect((await upgradeAnswer(boardSocketUrl(b, board.id, { token: board.tokens.viewer }))).status).toBe(403);
  });
});
