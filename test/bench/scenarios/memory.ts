/**
 * Server memory of one open 1,000-card board, fresh from SQLite and after 20
 * edits per card by 100 different people. Measured in the server process as
 * V8 heapUsed + ArrayBuffer memory after a full GC (--expose-gc), with the room
 * held open and no client connected (sockets do not count): fresh = held minus
 * before loading; edited = held minus right after the room is let go.
 */
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { encodeUpdate } from '../../../server/sync/protocol.ts';
import { cardsMap } from '../../../shared/board-doc.ts';
import { getCardText, setCardText } from '../../../shared/card.ts';
import type { CardTextField } from '../../../shared/card-schema.ts';
import { addCards, connectProvider, createBoard, roomsClosed, type Scenario, waitUntil, wsBase } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import type { ServerStats } from '../server-process.ts';
import { check, mb } from '../stats.ts';

const CARDS = 1_000;
const EDITS_PER_CARD = 20;
const SOCKETS = 25;
const PEOPLE_PER_SOCKET = 4;
/** Below the server's per-connection update rate, so nothing is refused. */
const SEND_RATE = 80;

const roomBytes = (s: ServerStats) => s.heapUsed + s.arrayBuffers;

export const sameState = (a: Y.Doc, b: Y.Doc) =>
  Buffer.from(Y.encodeStateVector(a)).equals(Buffer.from(Y.encodeStateVector(b)));

/** 20 edits per card, each by one of 100 people (a client id each), as update frames per socket. */
export function generateEdits(doc: Y.Doc): Uint8Array[][] {
  const queues: Uint8Array[][] = Array.from({ length: SOCKETS }, () => []);
  let target = 0;
  doc.on('update', (update: Uint8Array) => queues[target]?.push(encodeUpdate(update)));
  const ids = [...cardsMap(doc).keys()];
  const fields: CardTextField[] = ['activity', 'indicator', 'targetGroup'];
  for (let round = 0; round < EDITS_PER_CARD; round++) {
    ids.forEach((id, k) => {
      target = k % SOCKETS;
      // Each card's edits go through one socket, and each person through one socket, so order is kept.
      doc.clientID = 1_000_000 + target * PEOPLE_PER_SOCKET + (round % PEOPLE_PER_SOCKET);
      const field = fields[(round + k) % fields.length] ?? 'activity';
      const text = getCardText(doc, id, field)?.toString() ?? '';
      const at = (round * 7 + k) % Math.max(1, text.length - 4);
      setCardText(doc, id, field, `${text.slice(0, at)}ord${round} ${text.slice(at + 3)}`);
    });
  }
  return queues;
}

/** Sends frames at SEND_RATE; resolves with the open socket (closing early could drop frames the server has not read). */
export async function send(url: string, boardId: string, frames: Uint8Array[]): Promise<WebSocket> {
  const socket = new WebSocket(`${wsBase(url)}/${boardId}`);
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  let closed: string | undefined;
  socket.on('close', (code, reason) => {
    closed = `${code} ${reason.toString()}`;
  });
  for (let i = 0; i < frames.length; i++) {
    if (closed) throw new Error(`the server closed an edit socket: ${closed}`);
    socket.send(frames[i] as Uint8Array);
    if (i % 10 === 9) await new Promise((resolve) => setTimeout(resolve, (10 * 1000) / SEND_RATE));
  }
  return socket;
}

export const memory: Scenario = {
  name: 'memory',
  title: 'Server memory of an open 1,000-card board, fresh and after 20 edits per card',
  async run(context) {
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const board = await createBoard(server.url);
      const generator = new Y.Doc();
      const seeding = connectProvider(server.url, board.room, generator);
      await seeding.synced;
      addCards(generator, CARDS);
      const stored = connectProvider(server.url, board.room);
      await waitUntil('the seeded board to be stored', () => sameState(generator, stored.doc));
      seeding.provider.destroy();
      stored.provider.destroy();
      await roomsClosed(server);

      const base = await server.heap();
      await server.holdRoom(board.id);
      const fresh = await server.heap();
      const freshBytes = roomBytes(fresh) - roomBytes(base);
      context.log('  measured in the server process: V8 heapUsed + ArrayBuffers after a full GC (--expose-gc),');
      context.log('  room held open (RoomRegistry.acquire), no client connected; fresh = held − before loading,');
      context.log('  edited = held − right after the room is let go');
      context.log(`  fresh 1,000-card room: ${mb(freshBytes)} (server RSS ${mb(fresh.rss)})`);

      const queues = generateEdits(generator);
      const sent = queues.reduce((sum, q) => sum + q.length, 0);
      const sockets = await Promise.all(queues.map((frames) => send(server.url, board.room, frames)));
      const verifier = connectProvider(server.url, board.room);
      await waitUntil('every edit to be stored', () => sameState(generator, verifier.doc)).catch((error) => {
        const theirs = Y.decodeStateVector(Y.encodeStateVector(verifier.doc));
        for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(generator))) {
          if (theirs.get(client) !== clock)
            console.log(`client ${client}: sent up to ${clock}, stored ${theirs.get(client)}`);
        }
        throw error;
      });
      verifier.provider.destroy();
      for (const socket of sockets) socket.close();
      const deadline = Date.now() + 30_000;
      while ((await server.stats()).sync.connections > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      // 20,000 updates leave other traces in the process (socket buffers, compiled code), so the
      // edited room is measured against the same process right after the room is let go.
      const edited = await server.heap();
      await server.releaseRoom(board.id);
      await roomsClosed(server);
      const released = await server.heap();
      const editedBytes = roomBytes(edited) - roomBytes(released);
      context.log(
        `  after ${sent.toLocaleString('en-US')} edits (20 per card): ${mb(editedBytes)} (server RSS ${mb(edited.rss)})`,
      );
      const stateBytes = Y.encodeStateAsUpdate(generator).byteLength;
      return {
        name: 'memory',
        figures: { cards: CARDS, freshBytes, editedBytes, edits: sent, stateBytes, rssBytes: edited.rss },
        checks: [
          check('room memory, fresh 1,000-card board', freshBytes / 1024 / 1024, 'MB', '<=', 8),
          check('room memory after 20 edits per card', editedBytes / 1024 / 1024, 'MB', '<=', 16),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
