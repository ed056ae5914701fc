/**
 * When a server catches up from storage (README "Running on several machines",
 * "Catch-up"): not when it opens a board another server is already editing (the
 * first message it hears of that server is a baseline), but on a real gap in a
 * publisher's numbers.
 */
import { Redis } from 'ioredis';
import { afterEach, describe, expect, inject, it } from 'vitest';
import * as Y from 'yjs';
import { encodeRelayMessage, type RelayMessage } from '../../server/sync/relay/relay-message.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { connectClient, createBoard, editOfCopy, type TestClient, waitFor } from '../helpers/server.ts';
import { tokensIn, typeTokens } from '../integration/reliability-support.ts';
import { type Cluster, startInProcessCluster, storedDoc } from './scale-out-support.ts';

const redisUrl = inject('redisUrl');
let cluster: Cluster | undefined;
const clients: TestClient[] = [];
let forger: Redis | undefined;

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  await cluster?.close();
  cluster = undefined;
  await forger?.quit();
  forger = undefined;
});

function client(url: string, boardId: string): TestClient {
  const c = connectClient(url, boardId, new Y.Doc());
  clients.push(c);
  return c;
}

const emptyUpdate = Y.encodeStateAsUpdate(new Y.Doc());

describe('catching up from storage', () => {
  it('a server opening a board another is editing does not catch up; a gap in a publisher’s numbers does', async () => {
    cluster = await startInProcessCluster(redisUrl, 2);
    const [a, b] = cluster.servers.map((server) => server.url) as [string, string];
    const board = await createBoard(a);
    const anna = client(a, board.id);
    await anna.synced;
    const written: string[] = [];
    const stop = typeTokens(anna, 'anna', () => 5, written);
    // A's room has published many messages before B's room subscribes.
    await waitFor('20 tokens typed at A', () => written.length >= 20);
    const bo = client(b, board.id);
    await bo.synced;
    const atJoin = written.length;
    await waitFor('10 more tokens typed while Bo is there', () => written.length >= atJoin + 10);
    stop();
    await waitFor("every token at Bo's", () => tokensIn(bo.doc).length === written.length);
    const serverB = cluster.servers[1];
    expect(serverB?.stats().relayedIn, 'the tokens came relayed').toBeGreaterThan(0);
    expect(serverB?.stats().catchUps, 'no catch-up on opening the board').toBe(0);

    // Another process of the board: first heard at its 4th message (a baseline), then at its 6th,
    // and what its 5th carried is only in storage.
    forger = new Redis(redisUrl);
    const publish = (message: RelayMessage) =>
      (forger as Redis).publish(`samtavla:board:${board.id}`, Buffer.from(encodeRelayMessage(message)));
    await publish({ publisher: 'elsewhere/room', counter: 4, event: { kind: 'update', seq: 0, update: emptyUpdate } });
    const lost = editOfCopy(await storedDoc(cluster.store, board.id), (copy) =>
      createCard(copy, { id: 'only-stored', goalId: 'A1', createdBy: 'Elsewhere' }),
    );
    await cluster.store.appendUpdates(board.id, [lost]);
    await publish({ publisher: 'elsewhere/room', counter: 6, event: { kind: 'update', seq: 0, update: emptyUpdate } });
    await waitFor("the stored card at Bo's after the catch-up", () => cardsMap(bo.doc).has('only-stored'));
    expect(serverB?.stats().catchUps, 'one catch-up, for the gap').toBe(1);
  });
});
