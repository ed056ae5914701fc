/**
 * Per-address and per-board limits (README "Limits") against a real server:
 * board creation and plan import share a budget per address (429 with
 * Retry-After), X-Forwarded-For counts only with TRUST_PROXY, and WebSocket
 * upgrades past the per-address or per-board cap are answered 429 like the API.
 */
import { describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { CreatedBoard } from '../../shared/api.ts';
import { boardSocketUrl, rawSocket, rememberBoard, serverPerTest, upgradeAnswer } from '../helpers/server.ts';

const BODY = JSON.stringify({ title: 'Samverkansplan Tierp', templateId: 'hsvo-2024-2026' });
const PLAN_JSON = JSON.stringify({
  format: 'samverkansplan',
  formatVersion: 1,
  title: 'Importerad plan',
  templateId: 'hsvo-2024-2026',
  rows: [],
});

function create(url: string, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(`${url}/api/boards`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: BODY,
  });
}

/** A new board, its tokens remembered for the socket helpers. */
async function newBoard(url: string, headers: Record<string, string> = {}): Promise<CreatedBoard> {
  const response = await create(url, headers);
  if (response.status !== 201) throw new Error(`create board: ${response.status}`);
  return rememberBoard((await response.json()) as CreatedBoard);
}

/** A socket to a board sent as if through a proxy that saw `forwardedFor`, resolved once open. */
function socketFrom(url: string, boardId: string, forwardedFor: string): Promise<WebSocket> {
  const socket = new WebSocket(boardSocketUrl(url, boardId), { headers: { 'X-Forwarded-For': forwardedFor } });
  socket.on('error', () => {});
  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(socket));
    socket.once('unexpected-response', () => reject(new Error('upgrade refused')));
  });
}

describe('board creation per address', () => {
  const ctx = serverPerTest();

  it('answers the 31st creation within a minute with 429 and Retry-After, and counts imports in the same budget', async () => {
    for (let i = 0; i < 30; i++) expect((await create(ctx.server.url)).status).toBe(201);
    const refused = await create(ctx.server.url);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await refused.json()) as { error: string }).toEqual({ error: expect.stringMatching(/too many/) });

    const imported = await fetch(`${ctx.server.url}/api/boards/import?format=json`, {
      method: 'POST',
      body: PLAN_JSON,
    });
    expect(imported.status).toBe(429);
    expect(imported.headers.get('retry-after')).not.toBeNull();
    expect((await ctx.server.store.listBoards()).length).toBe(30);
  });
});

describe('X-Forwarded-For without TRUST_PROXY', () => {
  const ctx = serverPerTest({ addressLimits: { boardCreationsPerMinute: 2 } });

  it('is ignored: another forwarded address does not get a new budget', async () => {
    expect((await create(ctx.server.url, { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(201);
    expect((await create(ctx.server.url, { 'X-Forwarded-For': '198.51.100.1' })).status).toBe(201);
    expect((await create(ctx.server.url, { 'X-Forwarded-For': '198.51.100.2' })).status).toBe(429);
  });
});

describe('X-Forwarded-For with TRUST_PROXY', () => {
  const ctx = serverPerTest({ trustProxy: 1, addressLimits: { boardCreationsPerMinute: 2, wsPerAddress: 1 } });

  it('is the client address: each forwarded address has its own budget, whatever the client prepends', async () => {
    const from = (chain: string) => create(ctx.server.url, { 'X-Forwarded-For': chain });
    expect((await from('198.51.100.1')).status).toBe(201);
    // The client wrote the left entry itself; the proxy appended what it saw, the right-most one.
    expect((await from('203.0.113.9, 198.51.100.1')).status).toBe(201);
    expect((await from('203.0.113.10, 198.51.100.1')).status).toBe(429);
    expect((await from('198.51.100.2')).status).toBe(201);
  });

  it('counts WebSockets per forwarded address', async () => {
    const board = await newBoard(ctx.server.url, { 'X-Forwarded-For': '198.51.100.7' });
    const first = await socketFrom(ctx.server.url, board.id, '198.51.100.1');
    const refused = await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id), {
      'X-Forwarded-For': '198.51.100.1',
    });
    expect(refused.status).toBe(429);
    const other = await socketFrom(ctx.server.url, board.id, '198.51.100.2');
    first.close();
    other.close();
  });
});

describe('WebSocket connections', () => {
  const ctx = serverPerTest({ addressLimits: { wsPerAddress: 3, wsPerBoard: 2 } });

  it('past the per-board cap are refused at the upgrade with a 429 JSON answer, and admitted again once one leaves', async () => {
    const board = await newBoard(ctx.server.url);
    const other = await newBoard(ctx.server.url);
    const open = [await rawSocket(ctx.server.url, board.id), await rawSocket(ctx.server.url, board.id)];

    const refused = await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id));
    expect(refused.status).toBe(429);
    expect(refused.headers['content-type']).toBe('application/json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(refused.body)).toEqual({ error: expect.stringMatching(/too many connections to this board/) });
    // Another board is not affected.
    const elsewhere = await rawSocket(ctx.server.url, other.id);

    open[0]?.socket.close();
    await open[0]?.closed;
    let again = await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id));
    for (let attempt = 0; again.status !== 101 && attempt < 50; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      again = await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id));
    }
    expect(again.status).toBe(101);
    open[1]?.socket.close();
    elsewhere.socket.close();
  });

  it('past the per-address cap are refused at the upgrade with 429, over all boards', async () => {
    const [first, second] = [await newBoard(ctx.server.url), await newBoard(ctx.server.url)];
    const open = [
      await rawSocket(ctx.server.url, first.id),
      await rawSocket(ctx.server.url, first.id),
      await rawSocket(ctx.server.url, second.id),
    ];
    const refused = await upgradeAnswer(boardSocketUrl(ctx.server.url, second.id));
    expect(refused.status).toBe(429);
    expect(JSON.parse(refused.body)).toEqual({
      error: expect.stringMatching(/too many connections from this address/),
    });
    for (const { socket } of open) socket.close();
  });

  it('opened together are all counted: of five upgrades at once to one board, exactly the cap get through', async () => {
    const board = await newBoard(ctx.server.url);
    const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => rawSocket(ctx.server.url, board.id)));
    const opened = attempts.flatMap((attempt) => (attempt.status === 'fulfilled' ? [attempt.value] : []));
    expect(opened.length).toBe(2);
    for (const { socket } of opened) socket.close();
  });
});

describe('wrong tokens from one address', () => {
  const ctx = serverPerTest({ addressLimits: { failedAuthPerMinute: 2 } });

  it('past the budget are answered 429 with Retry-After before the token is checked, on REST and the upgrade', async () => {
    const board = await newBoard(ctx.server.url);
    const read = (token: string) =>
      fetch(`${ctx.server.url}/api/boards/${board.id}`, { headers: { authorization: `Bearer ${token}` } });
    expect((await read('wrong-token-1')).status).toBe(403);
    expect((await read('wrong-token-2')).status).toBe(403);
    const blocked = await read(board.tokens.viewer);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(((await blocked.json()) as { error: string }).error).toMatch(/too many wrong tokens/);
    const upgrade = await upgradeAnswer(boardSocketUrl(ctx.server.url, board.id));
    expect(upgrade.status).toBe(429);
    expect(upgrade.headers['retry-after']).toBeDefined();
  });
});
