/** Live sync through the real server with stock y-websocket clients. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readMeta, SCHEMA_VERSION } from '../../shared/board-doc.ts';
import { createCard, getCardText } from '../../shared/card.ts';
import { geoShape } from '../helpers/canvas-records.ts';
import { createBoard, docContent, rawSocket, serverPerTest, type TestClient, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest();
const client = ctx.client;

/** The activity text of one shared card: the field two people type into. */
const sharedText = (doc: Y.Doc): Y.Text => {
  const text = getCardText(doc, 'shared', 'activity');
  if (!text) throw new Error('the shared card has not synced');
  return text;
};

/** Creates the shared card on `a` and waits until `others` have it. */
async function withSharedCard(a: TestClient, ...others: TestClient[]): Promise<void> {
  createCard(a.doc, { id: 'shared', goalId: 'A1', createdBy: 'test' });
  await waitFor('the shared card to sync', () => others.every((o) => getCardText(o.doc, 'shared', 'activity')));
}

describe('live board sync', () => {
  it('gives a new client the board meta the server wrote at creation', async () => {
    const board = await createBoard(ctx.server.url, { title: 'Plan Tierp 2026', templateId: 'nsu-2019' });
    const a = client(board.id);
    await a.synced;
    expect(readMeta(a.doc)).toMatchObject({
      title: 'Plan Tierp 2026',
      templateId: 'nsu-2019',
      schemaVersion: SCHEMA_VERSION,
    });
  });

  it('converges two clients editing at the same time, and a late third gets everything', async () => {
    const board = await createBoard(ctx.server.url);
    const a = client(board.id);
    const b = client(board.id);
    await Promise.all([a.synced, b.synced]);

    await withSharedCard(a, b);
    a.doc.getMap('canvas').set('shape:a', geoShape('shape:a', 1));
    b.doc.getMap('canvas').set('shape:b', geoShape('shape:b', 2));
    const textA = sharedText(a.doc);
    const textB = sharedText(b.doc);
    textA.insert(0, 'Hej ');
    textB.insert(0, 'världen');

    await waitFor('both clients to converge', () => docContent(a.doc) === docContent(b.doc) && textA.length === 11);
    expect(a.doc.getMap('canvas').size).toBe(2);
    expect(textA.toString()).toBe(textB.toString());
    expect(textA.toString()).toContain('Hej ');
    expect(textA.toString()).toContain('världen');

    const late = client(board.id);
    await late.synced;
    await waitFor('late client to match', () => docContent(late.doc) === docContent(a.doc));
  });

  it('keeps the board across a server restart', async () => {
    const board = await createBoard(ctx.server.url);
    const a = client(board.id);
    await a.synced;
    a.doc.getMap('canvas').set('shape:kept', geoShape('shape:kept', 42));
    const observer = client(board.id);
    // Relayed means stored: the server writes an update before it relays it.
    await waitFor('the edit to reach a peer', () => observer.doc.getMap('canvas').has('shape:kept'));
    await ctx.restart();
    const fresh = client(board.id);
    await fresh.synced;
    expect(fresh.doc.getMap('canvas').get('shape:kept')).toEqual(geoShape('shape:kept', 42));
    expect(readMeta(fresh.doc)?.title).toBe('Samverkansplan Heby 2025');
  });

  it('merges what a client edited offline when it reconnects', async () => {
    const board = await createBoard(ctx.server.url);
    const a = client(board.id);
    const b = client(board.id);
    await Promise.all([a.synced, b.synced]);
    await withSharedCard(a, b);

    a.provider.disconnect();
    a.doc.getMap('canvas').set('shape:offline', geoShape('shape:offline'));
    sharedText(a.doc).insert(0, 'offline ');
    sharedText(b.doc).insert(0, 'online ');
    await waitFor('b to have its own edit stored', () => b.provider.synced);

    a.provider.connect();
    await waitFor('offline edits to merge', () => docContent(a.doc) === docContent(b.doc));
    expect(b.doc.getMap('canvas').has('shape:offline')).toBe(true);
    expect(sharedText(b.doc).toString()).toMatch(/offline /);
    expect(sharedText(b.doc).toString()).toMatch(/online /);
  });

  it('relays presence (awareness) and removes it when a client leaves', async () => {
    const board = await createBoard(ctx.server.url);
    const a = client(board.id);
    const b = client(board.id);
    await Promise.all([a.synced, b.synced]);
    a.provider.awareness.setLocalStateField('user', { name: 'Anna', color: '#0072B2' });
    await waitFor('b to see Anna', () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Anna');
    a.provider.destroy();
    await waitFor('Anna to be gone for b', () => !b.provider.awareness.getStates().has(a.doc.clientID));
  });

  it('compacts the update log without losing anything', async () => {
    await ctx.restart({ compactEvery: 20 });
    const board = await createBoard(ctx.server.url);
    const a = client(board.id);
    await a.synced;
    createCard(a.doc, { id: 'shared', goalId: 'A1', createdBy: 'test' });
    const text = sharedText(a.doc);
    for (let i = 0; i < 100; i++) {
      text.insert(text.length, `${i},`);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const expected = text.toString();
    const observer = client(board.id);
    await waitFor(
      'every edit stored and relayed',
      () => getCardText(observer.doc, 'shared', 'activity')?.toString() === expected,
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    // While the room is open, the log has been folded into the state as it grew.
    expect(await ctx.server.store.pendingUpdateCount(board.id)).toBeLessThan(40);
    await ctx.restart({ compactEvery: 500 });
    const fresh = client(board.id);
    await fresh.synced;
    expect(sharedText(fresh.doc).toString()).toBe(expected);
    expect(Y.encodeStateAsUpdate(fresh.doc).byteLength).toBeGreaterThan(100);
  });

  it('unloads a board whose only visitor left while it was still loading', async () => {
    const { url, store, rooms } = ctx.server;
    const board = await createBoard(url);
    // A large unmerged log: loading it takes a merge in the state worker.
    const doc = new Y.Doc();
    const log = Array.from({ length: 4 }, (_, part) => {
      const before = Y.encodeStateVector(doc);
      doc.transact(() => {
        for (let n = 0; n < 5_000; n++) doc.getMap('canvas').set(`shape:${part}-${n}`, { x: n });
      });
      return Y.encodeStateAsUpdate(doc, before);
    });
    await store.appendUpdates(board.id, log);
    const { socket, closed } = await rawSocket(url, board.id);
    socket.terminate();
    await closed;
    await waitFor('the board to unload', () => rooms.openCount === 0);
    expect(ctx.server.stats().connections).toBe(0);
  });
});
