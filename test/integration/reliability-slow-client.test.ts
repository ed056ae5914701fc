/**
 * A client that stops reading (its TCP socket paused: the kernel buffers fill,
 * then the server's backlog for it grows) must not stall the room or hold
 * memory without bound: once its backlog passes maxBufferedBytes the server
 * drops it, and the others keep getting edits and presence.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { createCard, getCardText, setCardText } from '../../shared/card.ts';
import {
  connectClient,
  createBoard,
  rawSocket,
  removeDir,
  startTestServer,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { collectGarbage } from './reliability-support.ts';

const MAX_BUFFERED = 256 * 1024;
/**
 * What fills the slow client's backlog: presence states of 200 KB (relayed, never stored, so the
 * server's own memory only holds the latest one), 60 of them: far more than loopback's socket buffers.
 */
const PRESENCE = 200 * 1024;
const ROUNDS = 60;

let dataDir: string;
let server: RunningServer;

beforeAll(async () => {
  dataDir = tempDataDir();
  // States larger than a real client's limit (128 KB) fill the backlog in fewer rounds.
  server = await startTestServer({
    dataDir,
    maxBufferedBytes: MAX_BUFFERED,
    limits: { maxPresenceStateBytes: 2 * PRESENCE },
  });
});
afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const external = () => {
  collectGarbage();
  const { arrayBuffers, heapUsed } = process.memoryUsage();
  return arrayBuffers + heapUsed;
};

describe('a client that stops reading', () => {
  it('is dropped once its backlog is too large, while the room goes on', async () => {
    const board = await createBoard(server.url);
    const writer = connectClient(server.url, board.id);
    const observer = connectClient(server.url, board.id);
    await Promise.all([writer.synced, observer.synced]);
    const slow = await rawSocket(server.url, board.id);
    const room = await server.rooms.open(board.id);
    await waitFor('all three in the room', () => room.peerCount === 3);
    const before = external();
    // Stop reading: nothing is taken off the TCP socket any more.
    (slow.socket as unknown as { _socket: { pause(): void } })._socket.pause();

    const cardId = createCard(writer.doc, { goalId: 'A1', createdBy: 'writer' });
    for (let i = 0; i < ROUNDS; i++) {
      writer.provider.awareness.setLocalStateField('blob', `${i}:${'x'.repeat(PRESENCE)}`);
      const current = getCardText(writer.doc, cardId, 'activity')?.toString() ?? '';
      setCardText(writer.doc, cardId, 'activity', `${current}${i},`);
      // Apart by more than the presence relay interval, so that every state is sent.
      await new Promise((resolve) => setTimeout(resolve, 60));
    }
    const expected = getCardText(writer.doc, cardId, 'activity')?.toString();
    const lastBlob = () =>
      (observer.provider.awareness.getStates().get(writer.doc.clientID) as { blob?: string } | undefined)?.blob;
    await waitFor(
      'the observer to keep up',
      () => getCardText(observer.doc, cardId, 'activity')?.toString() === expected,
      20_000,
    );
    await waitFor(
      'the observer to see the last presence',
      () => lastBlob()?.startsWith(`${ROUNDS - 1}:`) === true,
      20_000,
    );
    await waitFor('the slow client to be dropped', () => room.peerCount === 2, 20_000);
    expect(server.stats().refused, 'dropped for its backlog').toBeGreaterThanOrEqual(1);

    // Its backlog was freed with it: memory is near where it was, not ROUNDS × PRESENCE (12 MB) higher.
    await waitFor('the dropped socket to be gone', () => server.stats().connections === 2);
    const grown = external() - before;
    expect(grown, `memory grew by ${grown} bytes`).toBeLessThan(8 * 1024 * 1024);
    writer.destroy();
    observer.destroy();
    slow.socket.terminate();
  }, 60_000);
});
