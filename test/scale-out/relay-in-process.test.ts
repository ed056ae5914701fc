/**
 * Several servers on one store and one Redis (README "Running on several
 * machines"): edits, presence and the facilitator's controls made through one
 * server hold on every other; limits are judged on the document as every
 * server has it. Servers run in this process on one shared store (relay-support.ts).
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap, metaMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { CLOSE_BOARD_DELETED, CLOSE_BOARD_FULL, CLOSE_RESYNC, CLOSE_TOKEN_REVOKED } from '../../shared/close-codes.ts';
import { startRedisServer } from '../helpers/redis-server.ts';
import { bearer, connectClient, createBoard, rawSocket, type TestClient, waitFor } from '../helpers/server.ts';
import { closeCodes, tokensIn, typeTokens } from '../integration/reliability-support.ts';
import {
  type Cluster,
  eventually,
  patchBoard,
  permissionDenied,
  readiness,
  startInProcessCluster,
  storedDoc,
  updateFrame,
} from './scale-out-support.ts';

const redisUrl = inject('redisUrl');
let cluster: Cluster | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster?.close();
  cluster = undefined;
});

async function start(
  count: number,
  limits: { maxCardsPerBoard?: number } = {},
  options: { compactEvery?: number; redisUrl?: string } = {},
): Promise<string[]> {
  cluster = await startInProcessCluster(options.redisUrl ?? redisUrl, count, {
    limits,
    compactEvery: options.compactEvery,
  });
  return cluster.servers.map((server) => server.url);
}

function client(url: string, boardId: string, role: 'facilitator' | 'participant' | 'viewer' = 'facilitator') {
  const c = connectClient(url, boardId, new Y.Doc(), role);
  clients.push(c);
  return c;
}

describe('several servers on one store and one Redis', () => {
  it('clients of three servers typing at once converge, and storage has every token though all compact', async () => {
    // Every server folds the shared store every few updates while the others append.
    const urls = await start(3, {}, { compactEvery: 5 });
    const board = await createBoard(urls[0] as string);
    const writers = urls.map((url) => client(url, board.id));
    await Promise.all(writers.map((w) => w.synced));
    const written: string[] = [];
    const stops = writers.map((w, i) => typeTokens(w, `w${i}`, () => 5, written));
    await waitFor('60 tokens typed', () => written.length >= 60, 10_000);
    for (const stop of stops) stop();
    const all = [...written].sort();
    for (const w of writers) await waitFor('every token everywhere', () => tokensIn(w.doc).length === all.length);
    for (const w of writers) expect([...tokensIn(w.doc)].sort()).toEqual(all);
    await Promise.all((cluster as Cluster).servers.map((server) => server.rooms.closeAll()));
    const stored = await storedDoc((cluster as Cluster).store, board.id);
    expect([...tokensIn(stored)].sort()).toEqual(all);
    expect(await (cluster as Cluster).store.pendingUpdateCount(board.id), 'the log was folded').toBeLessThan(20);
  });

  it('presence crosses servers, and leaves with its client', async () => {
    const [a, b] = (await start(2)) as [string, string];
    const board = await createBoard(a);
    const anna = client(a, board.id);
    const bo = client(b, board.id);
    await Promise.all([anna.synced, bo.synced]);
    anna.provider.awareness.setLocalStateField('user', { name: 'Anna' });
    const annaId = anna.doc.clientID;
    const annaAtBo = () => bo.provider.awareness.getStates().get(annaId) as { user?: { name?: string } } | undefined;
    await waitFor("Anna's presence at Bo's server", () => annaAtBo()?.user?.name === 'Anna');
    anna.provider.disconnect();
    await waitFor("Anna's presence gone at Bo's", () => annaAtBo() === undefined);
  });

  it('a rotated link closes its sockets on every server; a deleted board every socket', async () => {
    const [a, b] = (await start(2)) as [string, string];
    const board = await createBoard(a);
    const participant = client(b, board.id, 'participant');
    const viewer = client(b, board.id, 'viewer');
    await Promise.all([participant.synced, viewer.synced]);
    const participantCodes = closeCodes(participant.provider);
    const viewerCodes = closeCodes(viewer.provider);
    const rotated = await fetch(`${a}/api/boards/${board.id}/tokens/participant/rotate`, {
      method: 'POST',
      headers: bearer(board.id),
    });
    expect(rotated.status).toBe(200);
    await waitFor('the participant closed on the other server', () => participantCodes.includes(CLOSE_TOKEN_REVOKED));

    const deleted = await fetch(`${a}/api/boards/${board.id}`, { method: 'DELETE', headers: bearer(board.id) });
    expect(deleted.status).toBe(204);
    await waitFor('the viewer closed on the other server', () => viewerCodes.includes(CLOSE_BOARD_DELETED));
    expect(viewerCodes).not.toContain(CLOSE_TOKEN_REVOKED);
  });

  it('a lock set through one server refuses a participant through another; unlocking resyncs it there', async () => {
    const [a, b] = (await start(2)) as [string, string];
    const board = await createBoard(a);
    const observer = client(b, board.id, 'participant');
    await observer.synced;
    expect((await patchBoard(a, board.id, { locked: true })).status).toBe(200);
    await waitFor('the lock seen through the other server', () => metaMap(observer.doc).get('locked') === true);

    const raw = await rawSocket(b, board.id, 'participant');
    const denied = permissionDenied(raw.socket);
    const forged = new Y.Doc();
    createCard(forged, { id: 'while-locked', goalId: 'A1', createdBy: 'Mallory', fields: { title: 'Nej' } });
    raw.socket.send(updateFrame(Y.encodeStateAsUpdate(forged)));
    expect(await denied).toMatch(/locked/);

    expect((await patchBoard(a, board.id, { locked: false })).status).toBe(200);
    expect((await raw.closed).code, 'the refused participant resyncs after the unlock').toBe(CLOSE_RESYNC);
    const stored = await storedDoc((cluster as Cluster).store, board.id);
    expect(cardsMap(stored).has('while-locked')).toBe(false);
  });

  it('when Redis restarts, servers say they are not ready, then reconnect and catch up what was not relayed', async () => {
    const redis = await startRedisServer();
    try {
      const [a, b] = (await start(2, {}, { redisUrl: redis.url })) as [string, string];
      const board = await createBoard(a);
      const anna = client(a, board.id);
      const bo = client(b, board.id);
      await Promise.all([anna.synced, bo.synced]);
      await redis.stop();
      await eventually(
        'both servers not ready',
        async () => (await readiness(a)) === 503 && (await readiness(b)) === 503,
      );
      createCard(anna.doc, { id: 'during-outage', goalId: 'A1', createdBy: 'Anna' });
      await eventually('the card stored', async () =>
        cardsMap(await storedDoc((cluster as Cluster).store, board.id)).has('during-outage'),
      );
      expect(cardsMap(bo.doc).has('during-outage'), 'nothing relayed while Redis is away').toBe(false);
      await redis.restart();
      await waitFor("the card at Bo's after the reconnect", () => cardsMap(bo.doc).has('during-outage'), 10_000);
      expect((cluster as Cluster).servers[1]?.stats().catchUps, "Bo's server caught up from storage").toBeGreaterThan(
        0,
      );
      await eventually('both ready again', async () => (await readiness(a)) === 200 && (await readiness(b)) === 200);
      createCard(bo.doc, { id: 'after', goalId: 'A1', createdBy: 'Bo' });
      await waitFor('relayed again', () => cardsMap(anna.doc).has('after'));
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await cluster?.close();
      cluster = undefined;
      await redis.stop();
    }
  });

  it('a link rotated while a server was cut off from Redis closes its sockets there once it is back', async () => {
    const redis = await startRedisServer();
    try {
      const [a, b] = (await start(2, {}, { redisUrl: redis.url })) as [string, string];
      const board = await createBoard(a);
      const participant = client(b, board.id, 'participant');
      const facilitator = client(b, board.id);
      await Promise.all([participant.synced, facilitator.synced]);
      const participantCodes = closeCodes(participant.provider);
      const facilitatorCodes = closeCodes(facilitator.provider);
      await redis.stop();
      await eventually('B not ready', async () => (await readiness(b)) === 503);
      const rotated = await fetch(`${a}/api/boards/${board.id}/tokens/participant/rotate`, {
        method: 'POST',
        headers: bearer(board.id),
      });
      expect(rotated.status).toBe(200);
      expect(participantCodes, 'the rotation could not be relayed').toEqual([]);
      await redis.restart();
      await waitFor(
        'the participant closed after the catch-up',
        () => participantCodes.includes(CLOSE_TOKEN_REVOKED),
        10_000,
      );
      expect(facilitatorCodes, 'the facilitator link was not rotated').toEqual([]);
    } finally {
      for (const c of clients.splice(0)) c.destroy();
      await cluster?.close();
      cluster = undefined;
      await redis.stop();
    }
  });

  it('the card limit counts the cards added through every server', async () => {
    const [a, b] = (await start(2, { maxCardsPerBoard: 3 })) as [string, string];
    const board = await createBoard(a);
    const anna = client(a, board.id);
    const bo = client(b, board.id);
    await Promise.all([anna.synced, bo.synced]);
    for (let n = 0; n < 3; n++) createCard(anna.doc, { goalId: 'A1', createdBy: `Anna ${n}` });
    await waitFor("Anna's three cards at Bo's", () => cardsMap(bo.doc).size === 3);
    const boCodes = closeCodes(bo.provider);
    createCard(bo.doc, { id: 'fourth', goalId: 'A1', createdBy: 'Bo' });
    await waitFor('the fourth card refused on the other server', () => boCodes.includes(CLOSE_BOARD_FULL));
    const stored = await storedDoc((cluster as Cluster).store, board.id);
    expect(cardsMap(stored).size).toBe(3);
    expect(cardsMap(anna.doc).has('fourth')).toBe(false);
  });
});
