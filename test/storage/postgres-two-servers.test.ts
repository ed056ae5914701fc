/**
 * Two real servers on one PostgreSQL database serving one board, with nothing
 * relaying between them (README "PostgreSQL storage"): people on each type
 * while both servers compact the board as it grows. Each server's document
 * holds only its own people's edits, yet after both stop a third server loads
 * every edit of both.
 */
import { afterEach, describe, expect, inject, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { createCard, getCardText, readCards } from '../../shared/card.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import {
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';

const servers: RunningServer[] = [];
const clients: TestClient[] = [];
const dataDir = tempDataDir();

afterEach(async () => {
  for (const client of clients.splice(0)) client.destroy();
  for (const server of servers.splice(0)) await server.close();
  removeDir(dataDir);
});

async function serverOn(databaseUrl: string): Promise<RunningServer> {
  const server = await startTestServer({ dataDir, databaseUrl, compactEvery: 4 });
  servers.push(server);
  return server;
}

function client(server: RunningServer, boardId: string): TestClient {
  const c = connectClient(server.url, boardId);
  clients.push(c);
  return c;
}

describe('two servers on one PostgreSQL', () => {
  it('lose none of either one’s edits while both compact the board', async () => {
    const databaseUrl = await createDatabase(inject('postgresUrl'));
    const [one, two] = [await serverOn(databaseUrl), await serverOn(databaseUrl)] as const;
    const board = await createBoard(one.url);

    const typists = [
      { server: one, cardId: 'card-one' },
      { server: two, cardId: 'card-two' },
    ].map(({ server, cardId }) => {
      const writer = client(server, board.id);
      // A peer on the same server: what it sees is stored, since the server stores before it relays.
      const observer = client(server, board.id);
      return { writer, observer, cardId };
    });
    await Promise.all(typists.flatMap((t) => [t.writer.synced, t.observer.synced]));
    for (const { writer, cardId } of typists) createCard(writer.doc, { id: cardId, goalId: 'A1', createdBy: cardId });

    const expected = Array.from({ length: 40 }, (_, i) => `${i};`).join('');
    for (let i = 0; i < 40; i++) {
      for (const { writer, cardId } of typists) {
        const text = getCardText(writer.doc, cardId, 'activity');
        text?.insert(text.length, `${i};`);
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    for (const { observer, cardId } of typists) {
      await waitFor(`${cardId} stored`, () => getCardText(observer.doc, cardId, 'activity')?.toString() === expected);
    }
    // Neither server relayed the other's edits: each document holds only its own card's text.
    const onOne = typists[0]?.observer.doc;
    expect(onOne && readCards(onOne).map((card) => card.id)).toEqual(['card-one']);

    for (const c of clients.splice(0)) c.destroy();
    for (const server of servers.splice(0)) await server.close();
    const third = await serverOn(databaseUrl);
    const fresh = client(third, board.id);
    await fresh.synced;
    await waitFor('the board to load', () => readCards(fresh.doc).length === 2);
    expect(
      Object.fromEntries(readCards(fresh.doc).map((card) => [card.id, card.activity])),
      'every edit of both servers',
    ).toEqual({ 'card-one': expected, 'card-two': expected });
  });
});
