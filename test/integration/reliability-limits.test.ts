/**
 * The limits of README "Limits", enforced by the server (small values here):
 * cards per board (refused before storing, final close 4413) and messages per
 * connection (token bucket, close 4029: the client reconnects and resends).
 * The message size limit (1009) is tested in bad-input.test.ts.
 */
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { encodeUpdate } from '../../server/sync/protocol.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard, getCardText, readCards, setCardText } from '../../shared/card.ts';
import {
  connectClient,
  createBoard,
  rawSocket,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { closeCodes } from './reliability-support.ts';

let dataDir: string | undefined;
let server: RunningServer | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  if (dataDir) removeDir(dataDir);
});

async function start(limits: Parameters<typeof startTestServer>[0]['limits']): Promise<RunningServer> {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir, limits });
  return server;
}

function client(url: string, boardId: string): TestClient {
  const c = connectClient(url, boardId);
  clients.push(c);
  return c;
}

const newCardIn = (doc: Y.Doc, n: number) => createCard(doc, { goalId: 'A1', createdBy: `person ${n}` });
const newCard = (c: TestClient, n: number) => newCardIn(c.doc, n);

describe('cards per board', () => {
  it('refuses, without storing it, the update that would pass the limit; deleting makes room again', async () => {
    const { url } = await start({ maxCardsPerBoard: 10 });
    const board = await createBoard(url);
    const anna = client(url, board.id);
    const observer = client(url, board.id);
    await Promise.all([anna.synced, observer.synced]);
    const annaCodes = closeCodes(anna.provider);
    for (let n = 0; n < 10; n++) newCard(anna, n);
    await waitFor('ten cards at the observer', () => cardsMap(observer.doc).size === 10);

    newCard(anna, 10);
    await waitFor('Anna to be refused', () => annaCodes.includes(4413));
    // 4413 is final: her client stops reconnecting instead of resending the same card forever.
    expect(anna.provider.shouldConnect).toBe(false);
    const fresh = client(url, board.id);
    await fresh.synced;
    expect(cardsMap(fresh.doc).size, 'the eleventh card was not stored').toBe(10);
    expect(cardsMap(observer.doc).size).toBe(10);

    // Room again after a delete; a single update that creates two cards at once is refused whole.
    const bo = fresh;
    const boCodes = closeCodes(bo.provider);
    deleteCard(bo.doc, readCards(bo.doc)[0]?.id ?? '');
    newCard(bo, 11);
    await waitFor('the replacement card at the observer', () =>
      readCards(observer.doc).some((c) => c.createdBy === 'person 11'),
    );
    expect(cardsMap(observer.doc).size).toBe(10);
    bo.doc.transact(() => {
      newCard(bo, 12);
      newCard(bo, 13);
    });
    await waitFor('Bo to be refused', () => boCodes.includes(4413));
    const last = client(url, board.id);
    await last.synced;
    expect(cardsMap(last.doc).size).toBe(10);
    expect(readCards(last.doc).some((c) => c.createdBy === 'person 12')).toBe(false);
  });

  it('drops what a refused client sent after the refused update while the board was loading', async () => {
    const { url, store, rooms } = await start({ maxCardsPerBoard: 1 });
    const board = await createBoard(url);
    const anna = client(url, board.id);
    await anna.synced;
    const offline = new Y.Doc();
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(anna.doc));
    for (const c of clients.splice(0)) c.destroy();
    await waitFor('the board to unload', () => rooms.openCount === 0);
    // Stored straight into the closed board: one card, and enough canvas records that the
    // next load's card count (worked out in the state worker) takes a while.
    const before = Y.encodeStateVector(offline);
    const cardId = newCardIn(offline, 0);
    offline.transact(() => {
      for (let n = 0; n < 20_000; n++) offline.getMap('canvas').set(`shape:${n}`, { x: n });
    });
    await store.appendUpdates(board.id, [Y.encodeStateAsUpdate(offline, before)]);
    // Offline, Anna drafts a second card (over the limit) and then types into the first.
    const sent: Uint8Array[] = [];
    offline.on('update', (update: Uint8Array) => sent.push(update));
    newCardIn(offline, 1);
    setCardText(offline, cardId, 'activity', 'typed after the refused card');

    // Both arrive before the newly loaded room knows its card count, so they wait in order.
    const { socket, closed } = await rawSocket(url, board.id);
    for (const update of sent) socket.send(encodeUpdate(update));
    expect((await closed).code).toBe(4413);

    const check = client(url, board.id);
    await check.synced;
    expect(cardsMap(check.doc).size).toBe(1);
    expect(getCardText(check.doc, cardId, 'activity')?.toString()).toBe('');
    // Stored, the typed text would not show (it follows the refused card in Anna's clock, so it
    // never integrates), but it would sit in the state for good: look for it in the bytes.
    const stored = (await store.loadBoard(board.id)).updates;
    expect(stored.some((update) => Buffer.from(update).includes('typed after the refused card'))).toBe(false);
  });
});

describe('messages per connection', () => {
  it('closes a flooding client with 4029; it reconnects and everything it made lands', async () => {
    const { url } = await start({ updateBurst: 20, updatesPerSecond: 10 });
    const board = await createBoard(url);
    const flooder = client(url, board.id);
    const observer = client(url, board.id);
    await Promise.all([flooder.synced, observer.synced]);
    const codes = closeCodes(flooder.provider);
    // Sixty separate updates at once: sixty messages, three times the burst.
    for (let n = 0; n < 60; n++) newCard(flooder, n);
    await waitFor('the flooder to be told to slow down', () => codes.includes(4029));
    await waitFor('all sixty cards to land after it reconnects', () => cardsMap(observer.doc).size === 60, 15_000);
    expect(flooder.provider.shouldConnect, '4029 is not final').toBe(true);
    expect(server?.stats().refused).toBeGreaterThanOrEqual(1);
  });

  it('has a separate budget for presence, so cursor floods never cost edits', async () => {
    const { url } = await start({ awarenessBurst: 20, awarenessPerSecond: 10 });
    const board = await createBoard(url);
    const mover = client(url, board.id);
    const observer = client(url, board.id);
    await Promise.all([mover.synced, observer.synced]);
    const codes = closeCodes(mover.provider);
    // Sixty edits at once are within the (default) document budget …
    for (let n = 0; n < 60; n++) newCard(mover, n);
    await waitFor('sixty cards', () => cardsMap(observer.doc).size === 60);
    expect(codes).toEqual([]);
    // … sixty cursor moves at once are not within this presence budget.
    for (let n = 0; n < 60; n++) mover.provider.awareness.setLocalStateField('cursor', { x: n, y: n });
    await waitFor('the mover to be told to slow down', () => codes.includes(4029));
    await waitFor('the mover to be back', () => mover.provider.synced);
    await waitFor('its last cursor to reach the observer', () => {
      const state = observer.provider.awareness.getStates().get(mover.doc.clientID) as { cursor?: { x: number } };
      return state?.cursor?.x === 59;
    });
  });
});
