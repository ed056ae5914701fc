/** Bad input gets a clear error and leaves stored boards untouched; the server keeps serving others. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { geoShape } from '../helpers/canvas-records.ts';
import {
  connectClient,
  createBoard,
  docContent,
  rawSocket,
  removeDir,
  startTestServer,
  tempDataDir,
  upgradeAnswer,
  waitFor,
  wsUrl,
} from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
const MAX_MESSAGE = 64 * 1024;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir, maxMessageBytes: MAX_MESSAGE });
});
afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const post = (body: string, contentType = 'application/json') =>
  fetch(`${server.url}/api/boards`, { method: 'POST', headers: { 'content-type': contentType }, body });

async function expectError(response: Response, status: number, pattern: RegExp): Promise<void> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/application\/json/);
  const body = (await response.json()) as { error: string };
  expect(body.error).toMatch(pattern);
}

describe('REST bad input', () => {
  it('refuses a non-JSON body, a wrong content type and a malformed JSON body', async () => {
    await expectError(await post('{"title": "x",'), 400, /not valid JSON/);
    await expectError(await post('title=x', 'application/x-www-form-urlencoded'), 415, /JSON body/);
    await expectError(await post('[1,2]'), 400, /expected object, received array/);
  });

  it('refuses empty, too long and wrongly typed titles, and unknown templates', async () => {
    await expectError(await post(JSON.stringify({ title: '  ', templateId: 'hsvo-2024-2026' })), 400, /title.*empty/);
    await expectError(
      await post(JSON.stringify({ title: 'x'.repeat(500), templateId: 'hsvo-2024-2026' })),
      400,
      /title.*at most 200/,
    );
    await expectError(await post(JSON.stringify({ title: 42, templateId: 'hsvo-2024-2026' })), 400, /title/);
    await expectError(await post(JSON.stringify({ title: 'Plan', templateId: 'no-such' })), 400, /unknown template/);
  });

  it('refuses an oversized body with 413', async () => {
    await expectError(await post(JSON.stringify({ title: 'x'.repeat(300_000), templateId: 'a' })), 413, /larger/);
  });

  it('answers unknown boards and routes with 404 JSON', async () => {
    await expectError(await fetch(`${server.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA`), 404, /no board/);
    await expectError(await fetch(`${server.url}/api/boards/..%2F..%2Fetc`), 404, /no board/);
    await expectError(await fetch(`${server.url}/api/nothing-here`), 404, /not found/);
  });

  it('gives boards unguessable ids (at least 128 bits)', async () => {
    const ids = await Promise.all([1, 2, 3].map(() => createBoard(server.url).then((b) => b.id)));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22,}$/);
  });
});

describe('WebSocket bad input', () => {
  it('refuses the upgrade for an unknown board with 404', async () => {
    const { status, body } = await upgradeAnswer(`${wsUrl(server.url)}/AAAAAAAAAAAAAAAAAAAAAA`);
    expect(JSON.parse(body).error).toEqual(expect.any(String));
    expect(status).toBe(404);
  });

  it('closes a connection that sends malformed frames, keeps the board intact and serves others', async () => {
    const board = await createBoard(server.url);
    const good = connectClient(server.url, board.id);
    await good.synced;
    good.doc.getMap('canvas').set('shape:before', geoShape('shape:before', 1));
    const other = connectClient(server.url, board.id);
    await waitFor('edit relayed', () => other.doc.getMap('canvas').has('shape:before'));
    const before = docContent(other.doc);

    const garbage = [
      new Uint8Array([0, 2, 200, 1, 2, 3]), // sync update with a truncated payload
      new Uint8Array([0, 9, 0]), // unknown sync step
      new Uint8Array([77]), // unknown message type
      new Uint8Array([1, 5, 1, 2]), // truncated awareness update
      new Uint8Array([]),
    ];
    for (const frame of garbage) {
      const { socket, closed } = await rawSocket(server.url, board.id);
      socket.send(frame);
      const { code, reason } = await closed;
      expect(code).toBe(1007);
      expect(reason.length).toBeGreaterThan(0);
    }
    const { socket: texty, closed: textClosed } = await rawSocket(server.url, board.id);
    texty.send('hello');
    expect((await textClosed).code).toBe(1007);

    good.doc.getMap('canvas').set('shape:after', geoShape('shape:after', 2));
    await waitFor('others keep syncing', () => other.doc.getMap('canvas').has('shape:after'));
    const reloaded = connectClient(server.url, board.id);
    await reloaded.synced;
    expect(JSON.parse(docContent(reloaded.doc)).canvas).toEqual({
      ...JSON.parse(before).canvas,
      'shape:after': geoShape('shape:after', 2),
    });
    for (const c of [good, other, reloaded]) c.destroy();
  });

  it('refuses an update that breaks the board layout (final close 4422) and stores nothing of it', async () => {
    const board = await createBoard(server.url);
    const broken = connectClient(server.url, board.id);
    const other = connectClient(server.url, board.id);
    await Promise.all([broken.synced, other.synced]);
    const closed = new Promise<number>((resolve) =>
      broken.provider.on('connection-close', (event) => resolve(event?.code ?? 0)),
    );
    broken.doc.getText('notes').insert(0, 'not part of any board');
    expect(await closed).toBe(4422);

    other.doc.getMap('canvas').set('shape:still-fine', geoShape('shape:still-fine', 1));
    const fresh = connectClient(server.url, board.id);
    await waitFor('others keep syncing', () => fresh.doc.getMap('canvas').has('shape:still-fine'));
    expect(fresh.doc.share.has('notes')).toBe(false);
    for (const c of [broken, other, fresh]) c.destroy();
  });

  it('refuses layout breaks named in any script, with a reason that fits a close frame', async () => {
    const board = await createBoard(server.url);
    // 42 characters, 126 bytes of UTF-8: quoted in the reason, it once passed the 123 bytes a
    // close frame can carry, and ws threw out of the message handler, ending the server.
    const longName = '日本語'.repeat(14);
    const breaks = [
      (doc: Y.Doc) => doc.getMap(longName).set('a', 1),
      (doc: Y.Doc) => (cardsMap(doc) as unknown as Y.Map<string>).set(longName, 'not a card'),
    ];
    for (const breakLayout of breaks) {
      const client = connectClient(server.url, board.id);
      await client.synced;
      const closed = new Promise<{ code: number; reason: string }>((resolve) =>
        client.provider.on('connection-close', (event) =>
          resolve({ code: event?.code ?? 0, reason: event?.reason ?? '' }),
        ),
      );
      breakLayout(client.doc);
      const { code, reason } = await closed;
      expect(code).toBe(4422);
      expect(reason).toContain('日本語');
      expect(Buffer.byteLength(reason)).toBeLessThanOrEqual(123);
      client.destroy();
    }
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
    const check = connectClient(server.url, board.id);
    await check.synced;
    expect(check.doc.share.has(longName)).toBe(false);
    expect(cardsMap(check.doc).has(longName)).toBe(false);
    check.destroy();
  });

  it('closes a connection whose message exceeds the size limit with 1009 and stores nothing of it', async () => {
    const board = await createBoard(server.url);
    const source = new Y.Doc();
    source.getText('big').insert(0, 'x'.repeat(MAX_MESSAGE * 2));
    const update = Y.encodeStateAsUpdate(source);
    const frame = new Uint8Array(update.byteLength + 8);
    frame.set([0, 2]);
    // varUint length prefix of the update
    let n = update.byteLength;
    let offset = 2;
    while (n > 127) {
      frame[offset++] = (n & 127) | 128;
      n >>>= 7;
    }
    frame[offset++] = n;
    frame.set(update, offset);
    const { socket, closed } = await rawSocket(server.url, board.id);
    socket.send(frame.subarray(0, offset + update.byteLength));
    expect((await closed).code).toBe(1009);

    const check = connectClient(server.url, board.id);
    await check.synced;
    expect(check.doc.getText('big').length).toBe(0);
    check.destroy();
  });
});
