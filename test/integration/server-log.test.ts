/**
 * The structured log (README "Logging"), captured from a real server: one JSON
 * line per request, board creation, import, export, accepted and refused
 * WebSocket and every close the server makes, each with its board and client
 * address, and never a token or a query string, wherever the token was sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createLogger } from '../../server/log/logger.ts';
import type { RunningServer } from '../../server/start.ts';
import { removeDir, startTestServer, tempDataDir, upgradeAnswer, waitFor, wsUrl } from '../helpers/server.ts';

const TOKEN = 'secret123-do-not-log-me-4f9a';

interface Line {
  level: number;
  event: string;
  msg: string;
  [field: string]: unknown;
}

let server: RunningServer;
let dataDir: string;
const raw: string[] = [];
const lines = (): Line[] => raw.map((line) => JSON.parse(line) as Line);
const events = (event: string) => lines().filter((line) => line.event === event);

beforeAll(async () => {
  dataDir = tempDataDir();
  const log = createLogger({ level: 'info', destination: { write: (line: string) => void raw.push(line) } });
  server = await startTestServer({ dataDir, log });
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

describe('the server log', () => {
  it('records creation, import, export, WebSocket closes and refusals, with no token or query string', async () => {
    const auth = { Authorization: `Bearer ${TOKEN}` };
    const created = await fetch(`${server.url}/api/boards?token=${TOKEN}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...auth },
      body: JSON.stringify({ title: 'Loggad tavla', templateId: 'hsvo-2024-2026' }),
    });
    const board = (await created.json()) as { id: string };
    const plan = await (await fetch(`${server.url}/api/boards/${board.id}/export?format=json&token=${TOKEN}`)).text();
    const imported = await fetch(`${server.url}/api/boards/import?format=json&token=${TOKEN}`, {
      method: 'POST',
      headers: auth,
      body: plan,
    });
    expect(imported.status).toBe(201);
    const copy = (await imported.json()) as { id: string };

    // A socket with the token in its query sends a malformed frame and is closed with 1007.
    const socket = new WebSocket(`${wsUrl(server.url)}/${board.id}?token=${TOKEN}`, { headers: auth });
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve, reject) => {
      socket.once('open', resolve);
      socket.once('error', reject);
    });
    socket.send(new Uint8Array([0, 9, 0]));
    expect(await closed).toBe(1007);
    expect((await upgradeAnswer(`${wsUrl(server.url)}/AAAAAAAAAAAAAAAAAAAAAA?token=${TOKEN}`)).status).toBe(404);

    await waitFor('the close logged', () => events('ws.closed').length > 0);
    const address = '127.0.0.1';
    expect(events('board.created')).toEqual([expect.objectContaining({ board: board.id, address })]);
    expect(events('board.exported')).toEqual([expect.objectContaining({ board: board.id, format: 'json', address })]);
    expect(events('board.imported')).toEqual([expect.objectContaining({ board: copy.id, address })]);
    expect(events('ws.connected')).toEqual([expect.objectContaining({ board: board.id, address })]);
    expect(events('ws.closed')).toEqual([expect.objectContaining({ board: board.id, address, code: 1007 })]);
    expect(events('ws.refused')).toEqual([
      expect.objectContaining({ board: 'AAAAAAAAAAAAAAAAAAAAAA', address, status: 404 }),
    ]);
    const requests = events('http.request');
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', path: '/api/boards', status: 201, address }),
        expect.objectContaining({ path: `/api/boards/${board.id}/export`, status: 200, board: board.id }),
        expect.objectContaining({ method: 'POST', path: '/api/boards/import', status: 201 }),
      ]),
    );
    for (const request of requests) expect(request.ms).toEqual(expect.any(Number));

    const everything = raw.join('');
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain('token=');
  });
});
