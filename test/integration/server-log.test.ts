/**
 * The structured log (README "Logging"), captured from a real server: one JSON
 * line per request, board creation, import, export, restore, deletion, accepted and
 * refused WebSocket and every close the server makes, each with its board and
 * client address, and never a token (right or wrong) or a query string,
 * wherever the token was sent (`?token=` on REST and WebSocket, Bearer header).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../server/log/logger.ts';
import type { RunningServer } from '../../server/start.ts';
import type { CreatedBoard } from '../../shared/api.ts';
import {
  bearer,
  boardSocketUrl,
  connectClient,
  rawSocket,
  rememberBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  upgradeAnswer,
  waitFor,
  withToken,
} from '../helpers/server.ts';

const WRONG_TOKEN = 'secret123-do-not-log-me-4f9a';

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
  it('records creation, import, export, restore, deletion, WebSocket closes and refusals, with no token or query string', async () => {
    const created = await fetch(`${server.url}/api/boards`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Loggad tavla', templateId: 'hsvo-2024-2026' }),
    });
    const board = rememberBoard((await created.json()) as CreatedBoard);
    const secrets = [WRONG_TOKEN, ...Object.values(board.tokens)];
    // The export with the token in the query (as curl would), the import with the Bearer header.
    const exported = await fetch(withToken(`${server.url}/api/boards/${board.id}/export?format=json`, board.id));
    const imported = await fetch(`${server.url}/api/boards/import?format=json`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(board.id) },
      body: await exported.text(),
    });
    expect(imported.status).toBe(201);
    const copy = rememberBoard((await imported.json()) as CreatedBoard);
    secrets.push(...Object.values(copy.tokens));

    // A socket with the token in its query sends a malformed frame and is closed with 1007.
    const { socket, closed } = await rawSocket(server.url, board.id, 'participant');
    socket.send(new Uint8Array([0, 9, 0]));
    expect((await closed).code).toBe(1007);
    // A viewer's edit: refused (not stored), the connection stays; logged once.
    const viewer = connectClient(server.url, board.id, undefined, 'viewer');
    await viewer.synced;
    viewer.doc.getMap('canvas').set('shape:viewer', { x: 1 });
    await waitFor('the refusal logged', () => events('ws.update-refused').length > 0);
    viewer.destroy();
    // A wrong token in the query: refused at the upgrade.
    expect((await upgradeAnswer(boardSocketUrl(server.url, board.id, { token: WRONG_TOKEN }))).status).toBe(403);
    const saved = await fetch(`${server.url}/api/boards/${board.id}/versions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...bearer(board.id) },
      body: JSON.stringify({ name: 'Före workshop' }),
    });
    const version = (await saved.json()) as { id: string };
    const restored = await fetch(`${server.url}/api/boards/${board.id}/versions/${version.id}/restore`, {
      method: 'POST',
      headers: bearer(board.id),
    });
    expect(restored.status).toBe(200);
    const deleted = await fetch(`${server.url}/api/boards/${copy.id}`, { method: 'DELETE', headers: bearer(copy.id) });
    expect(deleted.status).toBe(204);

    await waitFor('the close logged', () => events('ws.closed').length > 0);
    const address = '127.0.0.1';
    expect(events('board.created')).toEqual([expect.objectContaining({ board: board.id, address })]);
    expect(events('board.exported')).toEqual([expect.objectContaining({ board: board.id, format: 'json', address })]);
    expect(events('board.imported')).toEqual([expect.objectContaining({ board: copy.id, address })]);
    expect(events('board.restored')).toEqual([
      expect.objectContaining({ board: board.id, version: version.id, address }),
    ]);
    expect(events('board.deleted')).toEqual([expect.objectContaining({ board: copy.id, address })]);
    expect(events('ws.connected')).toEqual([
      expect.objectContaining({ board: board.id, address, role: 'participant' }),
      expect.objectContaining({ board: board.id, address, role: 'viewer' }),
    ]);
    expect(events('ws.update-refused')).toEqual([
      expect.objectContaining({ board: board.id, address, reason: 'a viewer link cannot change the board' }),
    ]);
    expect(events('ws.closed')).toEqual([expect.objectContaining({ board: board.id, address, code: 1007 })]);
    expect(events('ws.refused')).toEqual([expect.objectContaining({ board: board.id, address, status: 403 })]);
    const requests = events('http.request');
    expect(requests).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ method: 'POST', path: '/api/boards', status: 201, address }),
        expect.objectContaining({ path: `/api/boards/${board.id}/export`, status: 200, board: board.id }),
        expect.objectContaining({ method: 'POST', path: '/api/boards/import', status: 201 }),
        expect.objectContaining({ method: 'DELETE', path: `/api/boards/${copy.id}`, status: 204, board: copy.id }),
      ]),
    );
    for (const request of requests) expect(request.ms).toEqual(expect.any(Number));

    const everything = raw.join('');
    for (const secret of secrets) expect(everything).not.toContain(secret);
    expect(everything).not.toContain('token=');
    expect(everything).not.toContain('Bearer');
  });
});
