/**
 * PostgreSQL going away and coming back (README "PostgreSQL storage"), on a
 * private server of this file's own, since it is stopped and started: writes
 * fail with StorageError and store nothing, the server refuses edits loudly as
 * on a full disk (close 1011, the writer keeps its edits), and once PostgreSQL
 * is back the pool reconnects and the kept edits land.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../server/start.ts';
import { openPostgresStore } from '../../server/storage/postgres-store.ts';
import { type BoardStore, StorageError } from '../../server/storage/store.ts';
import { mergeMany } from '../../server/sync/merge.ts';
import { createCard, getCardText, readCards, setCardText } from '../../shared/card.ts';
import { createDatabase, type PostgresServer, startPostgres } from '../helpers/postgres-server.ts';
import {
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { closeCodes } from '../integration/reliability-support.ts';
import { boardInfo, tokenHashes } from './store-adapters.ts';

let postgres: PostgresServer;
let store: BoardStore | undefined;
let server: RunningServer | undefined;
const clients: TestClient[] = [];
const dataDir = tempDataDir();

beforeAll(async () => {
  postgres = await startPostgres();
});
afterEach(async () => {
  postgres.start();
  for (const client of clients.splice(0)) client.destroy();
  await server?.close();
  await store?.close();
  server = undefined;
  store = undefined;
});
afterAll(() => {
  postgres.destroy();
  removeDir(dataDir);
});

describe('PostgreSQL stopped and started again', () => {
  it('fails appends with StorageError, stores nothing of them, and takes appends once it is back', async () => {
    store = await openPostgresStore({ connectionString: await createDatabase(postgres.url) });
    const info = boardInfo();
    const doc = new Y.Doc();
    await store.createBoard(info, Y.encodeStateAsUpdate(doc), tokenHashes(info.id));
    const edit = (text: string) => {
      const before = Y.encodeStateVector(doc);
      doc.getText('a').insert(doc.getText('a').length, text);
      return Y.encodeStateAsUpdate(doc, before);
    };
    await store.appendUpdates(info.id, [edit('före ')]);

    postgres.stop();
    await expect(store.appendUpdates(info.id, [edit('under '), edit('avbrottet ')])).rejects.toBeInstanceOf(
      StorageError,
    );
    await expect(store.loadBoard(info.id)).rejects.toBeInstanceOf(StorageError);

    postgres.start();
    await store.appendUpdates(info.id, [edit('efter')]);
    const stored = new Y.Doc();
    Y.applyUpdate(stored, mergeMany((await store.loadBoard(info.id)).updates));
    // The refused batch is absent; the edit after it depends on it, so Yjs keeps it pending.
    expect(stored.getText('a').toString()).toBe('före ');
    expect((await store.loadBoard(info.id)).updates).toHaveLength(3);
  });

  it('makes the server refuse edits with 1011 and take the kept ones when it is back', async () => {
    server = await startTestServer({ dataDir, databaseUrl: await createDatabase(postgres.url) });
    const board = await createBoard(server.url);
    const writer = connectClient(server.url, board.id);
    const observer = connectClient(server.url, board.id);
    clients.push(writer, observer);
    await Promise.all([writer.synced, observer.synced]);
    const codes = closeCodes(writer.provider);
    const cardId = createCard(writer.doc, { goalId: 'A1', createdBy: 'writer' });
    const type = (text: string) =>
      setCardText(
        writer.doc,
        cardId,
        'activity',
        (getCardText(writer.doc, cardId, 'activity')?.toString() ?? '') + text,
      );
    const seen = () => getCardText(observer.doc, cardId, 'activity')?.toString() ?? '';
    await waitFor('the card to reach the observer', () => readCards(observer.doc).length === 1);
    type('före ');
    await waitFor('the first edit to be relayed', () => seen() === 'före ');

    postgres.stop();
    type('under ');
    await waitFor('the writer to be refused', () => codes.includes(1011));
    expect(seen()).toBe('före ');
    // A balancer polling readiness sends nobody new to a process without its database.
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(503);

    postgres.start();
    await waitFor('the kept edit to land once PostgreSQL is back', () => seen() === 'före under ', 20_000);
    expect((await fetch(`${server.url}/api/ready`)).status).toBe(200);
    type('efter');
    await waitFor('later edits to flow', () => seen() === 'före under efter');
    const stored = new Y.Doc();
    Y.applyUpdate(stored, mergeMany((await server.store.loadBoard(board.id)).updates));
    expect(readCards(stored).map((card) => card.activity)).toEqual(['före under efter']);
  }, 60_000);
});
