/**
 * Fuzzing the wire: 10,000 malformed y-websocket frames (random bytes,
 * truncated and bit-flipped real messages, unknown types) and oversized frames,
 * each on its own connection, while two people keep editing. Every bad frame
 * closes its socket (1007, or 1009 when too large), the server stays up, the
 * people keep syncing, the stored board is what they made, no connection or
 * memory is left behind. Frames that still decode (a flipped byte inside a
 * string) are not malformed: they go to a second board, which must stay loadable.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { decodeClientMessage, encodeAwareness, encodeSyncStep1, encodeUpdate } from '../../server/sync/protocol.ts';
import { SCHEMA_VERSION } from '../../shared/board-doc.ts';
import { createCard, getCardText, setCardText } from '../../shared/card.ts';
import { geoShape } from '../helpers/canvas-records.ts';
import { prng, seedFor } from '../helpers/random.ts';
import {
  boardSocketUrl,
  connectClient,
  createBoard,
  docContent,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { collectGarbage } from './reliability-support.ts';

const MALFORMED = 10_000;
const OVERSIZED = 20;
const DECODABLE = 300;
const PARALLEL = 48;
const MAX_MESSAGE = 64 * 1024;

let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir, maxMessageBytes: MAX_MESSAGE });
});
afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

/** Real messages of every kind, to cut and flip. */
function realMessages(): Uint8Array[] {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  const id = createCard(doc, { goalId: 'A1', createdBy: 'fuzz', fields: { title: 'Aktivitet', activity: 'Träffar' } });
  setCardText(doc, id, 'activity', 'Träffar för föräldrar');
  doc.getMap('canvas').set('shape:x', geoShape('shape:x', 1, 2));
  const awareness = new awarenessProtocol.Awareness(doc);
  awareness.setLocalState({ user: { name: 'Fuzz', color: '#000' }, cursor: { x: 1, y: 2 } });
  return [encodeSyncStep1(doc), ...updates.map(encodeUpdate), encodeAwareness(awareness, [doc.clientID])];
}

/** Frames the server's decoder must refuse, and frames that still decode (kept apart). */
function generateFrames(random: () => number): { malformed: Uint8Array[]; decodable: Uint8Array[] } {
  const real = realMessages();
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)] as T;
  const malformed: Uint8Array[] = [];
  const decodable: Uint8Array[] = [];
  const byte = () => Math.floor(random() * 256);
  while (malformed.length < MALFORMED) {
    const kind = random();
    let frame: Uint8Array;
    if (kind < 0.25) frame = Uint8Array.from({ length: Math.floor(random() * 48) }, byte);
    else if (kind < 0.55) {
      const message = pick(real);
      frame = message.slice(0, Math.floor(random() * message.length));
    } else if (kind < 0.9) {
      frame = pick(real).slice();
      for (let flips = 1 + Math.floor(random() * 4); flips > 0; flips--)
        frame[Math.floor(random() * frame.length)] = byte();
    } else {
      // A known type with a wrong sync step or length, or an unknown type.
      frame = Uint8Array.from([pick([0, 0, 1, 4, 9, 127]), byte(), byte(), byte()]);
    }
    let accepted = true;
    try {
      decodeClientMessage(frame);
    } catch {
      accepted = false;
    }
    if (!accepted) malformed.push(frame);
    else if (decodable.length < DECODABLE) decodable.push(frame);
  }
  return { malformed, decodable };
}

/** Opens a socket to `boardId`, sends `frame` and resolves with the close code. */
function sendOnOwnSocket(boardId: string, frame: Uint8Array, closeAfterMs?: number): Promise<number> {
  return new Promise((resolve) => {
    const socket = new WebSocket(boardSocketUrl(server.url, boardId));
    socket.on('open', () => {
      socket.send(frame);
      if (closeAfterMs !== undefined) setTimeout(() => socket.close(), closeAfterMs);
    });
    socket.on('close', (code) => resolve(code));
    socket.on('error', () => {});
  });
}

/** Runs `task` over `items` with at most PARALLEL at once. */
async function inParallel<T, R>(items: T[], task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, lane));
  return results;
}

const memory = () => {
  collectGarbage();
  const { heapUsed, arrayBuffers, rss } = process.memoryUsage();
  return { heap: heapUsed + arrayBuffers, rss };
};

describe('malformed and oversized frames', () => {
  it('close only the sender, keep the server, the board and memory intact', async () => {
    const seed = seedFor('wire fuzz', 7_351);
    const { malformed } = generateFrames(prng(seed));
    const board = await createBoard(server.url);
    const writer = connectClient(server.url, board.id);
    const observer = connectClient(server.url, board.id);
    const people: TestClient[] = [writer, observer];
    await Promise.all(people.map((p) => p.synced));
    const cardId = createCard(writer.doc, { goalId: 'A1', createdBy: 'writer' });
    const before = memory();

    // The people keep typing through the whole fuzz run.
    let typed = 0;
    const typing = setInterval(() => {
      const current = getCardText(writer.doc, cardId, 'activity')?.toString() ?? '';
      setCardText(writer.doc, cardId, 'activity', `${current}${typed++},`);
    }, 25);
    const codes = await inParallel(malformed, (frame) => sendOnOwnSocket(board.id, frame));
    const oversized = await inParallel(
      Array.from({ length: OVERSIZED }, (_, i) => new Uint8Array(MAX_MESSAGE + 1 + i * 997).fill(i)),
      (frame) => sendOnOwnSocket(board.id, frame),
    );
    clearInterval(typing);

    const unexpected = codes.filter((code) => code !== 1007);
    expect(unexpected.length, `seed ${seed}: close codes other than 1007: ${[...new Set(unexpected)]}`).toBe(0);
    expect(new Set(oversized)).toEqual(new Set([1009]));

    const expected = getCardText(writer.doc, cardId, 'activity')?.toString();
    await waitFor(
      'the observer to get every edit',
      () => getCardText(observer.doc, cardId, 'activity')?.toString() === expected,
    );
    const fresh = connectClient(server.url, board.id);
    people.push(fresh);
    await fresh.synced;
    await waitFor('a new client to load what the people made', () => docContent(fresh.doc) === docContent(writer.doc));
    expect(typed, 'typing went on during the fuzz run').toBeGreaterThan(10);

    // Nothing left behind: only the three clients are connected, and memory is back near where it was.
    const room = await server.rooms.open(board.id);
    await waitFor('fuzz connections to be gone', () => room.peerCount === 3 && server.stats().connections === 3);
    const after = memory();
    expect(after.heap - before.heap, `heap grew by ${after.heap - before.heap} bytes`).toBeLessThan(32 * 1024 * 1024);
    expect(after.rss - before.rss, `RSS grew by ${after.rss - before.rss} bytes`).toBeLessThan(200 * 1024 * 1024);
    for (const person of people) person.destroy();
  }, 120_000);

  it('survives frames that decode but carry garbage, and the board stays loadable', async () => {
    const seed = seedFor('decodable garbage', 9_173);
    const { decodable } = generateFrames(prng(seed));
    const board = await createBoard(server.url);
    const codes = await inParallel(decodable, (frame) => sendOnOwnSocket(board.id, frame, 50));
    expect(codes.length).toBe(decodable.length);
    const byCode = new Map<number, number>();
    for (const code of codes) byCode.set(code, (byCode.get(code) ?? 0) + 1);
    console.log(`decodable garbage: ${codes.length} frames, close codes ${JSON.stringify([...byCode])}`);
    const fresh = connectClient(server.url, board.id);
    await fresh.synced;
    expect(fresh.doc.getMap('meta').get('schemaVersion'), `seed ${seed}: the board still loads`).toBe(SCHEMA_VERSION);
    const health = await fetch(`${server.url}/api/health`);
    expect(health.status).toBe(200);
    fresh.destroy();
  }, 60_000);
});
