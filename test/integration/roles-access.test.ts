/**
 * Roles at the door (#10): every board route and the WebSocket upgrade check the
 * link's token; the role decides what a request may do. Real server, real HTTP.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import {
  bearer,
  boardSocketUrl,
  createBoard,
  rawSocket,
  removeDir,
  serverPerTest,
  startTestServer,
  tempDataDir,
  tokenFor,
  upgradeAnswer,
  wsUrl,
} from '../helpers/server.ts';

const run = promisify(execFile);
const ctx = serverPerTest({ allowedOrigins: ['https://intranat.example.se'] });

const boardUrl = (board: { id: string }, path = '') => `${ctx.server.url}/api/boards/${board.id}${path}`;

async function status(url: string, init: RequestInit = {}): Promise<number> {
  const response = await fetch(url, init);
  if (response.status >= 400) {
    expect(((await response.json()) as { error: string }).error, url).toEqual(expect.any(String));
  }
  return response.status;
}

describe('tokens', () => {
  it('gives each role its own random token and answers with the role it grants', async () => {
    const board = await createBoard(ctx.server.url);
    const tokens = Object.values(board.tokens);
    expect(new Set(tokens).size).toBe(3);
    // 32 characters of a 64-letter alphabet: 192 bits.
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{32}$/);
    for (const role of ROLES) {
      const viaHeader = await fetch(boardUrl(board), { headers: bearer(board.id, role) });
      expect(((await viaHeader.json()) as { role: Role }).role).toBe(role);
      const viaQuery = await fetch(`${boardUrl(board)}?token=${tokenFor(board.id, role)}`);
      expect(((await viaQuery.json()) as { role: Role }).role).toBe(role);
    }
  });

  it('refuses a missing token with 401 and a wrong or malformed one with 403 on every board route', async () => {
    const board = await createBoard(ctx.server.url);
    const other = await createBoard(ctx.server.url);
    const routes: [string, string][] = [
      ['GET', ''],
      ['PATCH', ''],
      ['DELETE', ''],
      ['GET', '/export?format=json'],
      ['POST', '/tokens/viewer/rotate'],
    ];
    const json = { 'content-type': 'application/json' };
    for (const [method, path] of routes) {
      const init = { method, headers: json, body: method === 'PATCH' ? '{"title":"x"}' : undefined };
      expect(await status(boardUrl(board, path), init), `${method} ${path}`).toBe(401);
      for (const wrong of ['x'.repeat(32), 'kort', tokenFor(other.id)]) {
        const headers = { ...json, authorization: `Bearer ${wrong}` };
        expect(await status(boardUrl(board, path), { ...init, headers }), `${method} ${path}`).toBe(403);
      }
    }
    expect(await status(boardUrl({ id: 'AAAAAAAAAAAAAAAAAAAAAA' }), { headers: bearer(board.id) })).toBe(404);
  });

  it('keeps facilitator acts to the facilitator; viewers may read and export', async () => {
    const board = await createBoard(ctx.server.url);
    const patch = (role: Role) =>
      status(boardUrl(board), {
        method: 'PATCH',
        headers: { ...bearer(board.id, role), 'content-type': 'application/json' },
        body: JSON.stringify({ locked: true }),
      });
    for (const role of ['participant', 'viewer'] as const) {
      expect(await patch(role)).toBe(403);
      expect(
        await status(boardUrl(board, '/tokens/viewer/rotate'), { method: 'POST', headers: bearer(board.id, role) }),
      ).toBe(403);
      expect(await status(boardUrl(board), { method: 'DELETE', headers: bearer(board.id, role) })).toBe(403);
      expect(await status(boardUrl(board, '/export?format=md'), { headers: bearer(board.id, role) })).toBe(200);
    }
    expect(((await ctx.server.store.getBoard(board.id)) ?? { locked: true }).locked).toBe(false);
    expect(await patch('facilitator')).toBe(200);
    expect((await ctx.server.store.getBoard(board.id))?.locked).toBe(true);
  });

  it('stores tokens only as hashes', async () => {
    const board = await createBoard(ctx.server.url);
    await ctx.server.close();
    const bytes = ['samtavla.sqlite', 'samtavla.sqlite-wal']
      .map((name) => {
        try {
          return readFileSync(join(ctx.dataDir, name)).toString('latin1');
        } catch {
          return '';
        }
      })
      .join('');
    expect(bytes).toContain(board.id);
    for (const token of Object.values(board.tokens)) expect(bytes).not.toContain(token);
    ctx.server = await startTestServer({ dataDir: ctx.dataDir });
  });
});

describe('rotating and deleting', () => {
  it('stops a rotated link at once: REST 403, upgrade 403, open sockets closed with 4401', async () => {
    const board = await createBoard(ctx.server.url);
    const participant = await rawSocket(ctx.server.url, board.id, 'participant');
    const viewer = await rawSocket(ctx.server.url, board.id, 'viewer');
    const oldToken = tokenFor(board.id, 'participant');

    const rotated = await fetch(boardUrl(board, '/tokens/participant/rotate'), {
      method: 'POST',
      headers: bearer(board.id),
    });
    expect(rotated.status).toBe(200);
    const { token } = (await rotated.json()) as { role: Role; token: string };
    expect(token).not.toBe(oldToken);

    expect((await participant.closed).code).toBe(4401);
    expect(await status(boardUrl(board), { headers: { authorization: `Bearer ${oldToken}` } })).toBe(403);
    expect((await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id, { token: oldToken }))).status).toBe(403);
    expect((await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id, { token }))).status).toBe(101);
    expect(viewer.socket.readyState, 'other roles stay connected').toBe(viewer.socket.OPEN);
    viewer.socket.close();
    expect(await status(boardUrl(board, '/tokens/owner/rotate'), { method: 'POST', headers: bearer(board.id) })).toBe(
      404,
    );
  });

  it('deletes a board for everyone: sockets closed with 4410, then 404 everywhere, nothing left in storage', async () => {
    const board = await createBoard(ctx.server.url);
    const keep = await createBoard(ctx.server.url);
    const socket = await rawSocket(ctx.server.url, board.id, 'participant');
    expect(await status(boardUrl(board), { method: 'DELETE', headers: bearer(board.id) })).toBe(204);
    expect((await socket.closed).code).toBe(4410);
    expect(await status(boardUrl(board), { headers: bearer(board.id) })).toBe(404);
    expect((await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id))).status).toBe(404);
    expect((await ctx.server.store.listBoards()).map((b) => b.id)).toEqual([keep.id]);
    expect(await ctx.server.store.tokenHashes(board.id)).toBeUndefined();
  });
});

describe('the WebSocket upgrade', () => {
  it('needs a valid token before any sync: none → 401, wrong → 403', async () => {
    const board = await createBoard(ctx.server.url);
    expect((await upgradeAnswer(`${wsUrl(ctx.server.url)}/${board.id}`)).status).toBe(401);
    const wrong = await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id, { token: 'y'.repeat(32) }));
    expect(wrong.status).toBe(403);
    expect(JSON.parse(wrong.body)).toEqual({ error: expect.stringMatching(/not valid/) });
    for (const role of ROLES)
      expect((await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id, role))).status).toBe(101);
  });

  it('refuses pages of other sites (Origin), accepts its own and ALLOWED_ORIGINS', async () => {
    const board = await createBoard(ctx.server.url);
    const url = boardSocketUrl(ctx.server.url, board.id, 'participant');
    const host = new URL(ctx.server.url).host;
    const answer = (origin: string) => upgradeAnswer(url, { Origin: origin }).then((a) => a.status);
    expect(await answer('https://evil.example.com')).toBe(403);
    expect(await answer(`http://${host}.evil.example.com`)).toBe(403);
    expect(await answer('null')).toBe(403);
    expect(await answer(`http://${host}`)).toBe(101);
    expect(await answer('https://intranat.example.se')).toBe(101);
  });
});

describe('cross-site requests', () => {
  it('creates and changes nothing from a form post: text/plain, urlencoded and multipart get 415', async () => {
    const board = await createBoard(ctx.server.url);
    const before = (await ctx.server.store.listBoards()).length;
    const formTypes = ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'];
    for (const type of formTypes) {
      const body = JSON.stringify({ title: 'Falsk', templateId: 'hsvo-2024-2026' });
      const headers = { 'content-type': type };
      expect(await status(`${ctx.server.url}/api/boards`, { method: 'POST', headers, body }), type).toBe(415);
      expect(await status(`${ctx.server.url}/api/boards/import?format=json`, { method: 'POST', headers, body })).toBe(
        415,
      );
      const patched = await status(`${boardUrl(board)}?token=${tokenFor(board.id)}`, {
        method: 'PATCH',
        headers,
        body: '{"title":"Falsk"}',
      });
      expect(patched).toBe(415);
    }
    expect((await ctx.server.store.listBoards()).length).toBe(before);
    expect((await ctx.server.store.getBoard(board.id))?.title).toBe('Samverkansplan Heby 2025');
  });
});

describe('boards from before roles', () => {
  it('get tokens in the migration; `npm run boards -- links` issues links that work', async () => {
    const dataDir = tempDataDir();
    try {
      const db = new Database(join(dataDir, 'samtavla.sqlite'));
      db.exec(`
        CREATE TABLE boards (id TEXT PRIMARY KEY, title TEXT NOT NULL, template_id TEXT NOT NULL,
          template_version TEXT NOT NULL, created_at TEXT NOT NULL);
        CREATE TABLE board_states (board_id TEXT PRIMARY KEY REFERENCES boards(id), state BLOB NOT NULL,
          compacted_at TEXT NOT NULL);
        CREATE TABLE board_updates (seq INTEGER PRIMARY KEY AUTOINCREMENT, board_id TEXT NOT NULL
          REFERENCES boards(id), data BLOB NOT NULL);
      `);
      const id = 'OldBoardOldBoardOldBo_';
      db.prepare('INSERT INTO boards VALUES (?, ?, ?, ?, ?)').run(id, 'Gammal plan', 'hsvo-2024-2026', '1', '2024');
      db.prepare('INSERT INTO board_states VALUES (?, ?, ?)').run(id, Buffer.from([0, 0]), '2024');
      db.close();

      const { stdout } = await run(process.execPath, ['server/cli/boards.ts', 'links', id, '--data-dir', dataDir]);
      const links = Object.fromEntries(
        [...stdout.matchAll(/^(\w+)\s+(\S+#token=(\S+))$/gm)].map((m) => [m[1], m[3] as string]),
      ) as CreatedBoard['tokens'];
      expect(Object.keys(links).sort()).toEqual([...ROLES].sort());

      const server = await startTestServer({ dataDir });
      try {
        const info = await fetch(`${server.url}/api/boards/${id}`, {
          headers: { authorization: `Bearer ${links.viewer}` },
        });
        expect(await info.json()).toMatchObject({ title: 'Gammal plan', role: 'viewer', locked: false });
      } finally {
        await server.close();
      }
    } finally {
      removeDir(dataDir);
    }
  });
});
