/**
 * The server checks every update against the board contract (README "The board
 * document", "Limits") before it is stored or relayed: raw Yjs clients forge
 * what the editor never writes, and a stock client beside them must see none of it.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { encodeSyncStep2Update, encodeUpdate } from '../../server/sync/protocol.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, getCardText } from '../../shared/card.ts';
import { MAX_CANVAS_RECORDS } from '../../shared/limits.ts';
import { geoShape } from '../helpers/canvas-records.ts';
import { createBoard, rawSocket, serverPerTest, type TestClient, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest({ limits: { updatesPerSecond: 1_000, updateBurst: 1_000 } });

/** A board with one card, an observer that synced it, and a forger's copy of it. */
async function boardWithCard(): Promise<{ boardId: string; observer: TestClient; forger: Y.Doc }> {
  const board = await createBoard(ctx.server.url);
  const observer = ctx.client(board.id);
  await observer.synced;
  createCard(observer.doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { title: 'Läxhjälp' } });
  const check = ctx.client(board.id);
  await waitFor('the card to be stored', () => cardsMap(check.doc).has('c1'));
  const forger = new Y.Doc();
  Y.applyUpdate(forger, Y.encodeStateAsUpdate(observer.doc));
  return { boardId: board.id, observer, forger };
}

/** What `edit` makes of the forger's copy, as one update. */
function forge(doc: Y.Doc, edit: () => void): Uint8Array {
  const updates: Uint8Array[] = [];
  const listener = (update: Uint8Array) => updates.push(update);
  doc.on('update', listener);
  edit();
  doc.off('update', listener);
  return Y.mergeUpdates(updates);
}

/** Sends an update as a participant and resolves with how the server closed the socket. */
async function sendRefused(boardId: string, update: Uint8Array): Promise<{ code: number; reason: string }> {
  const { socket, closed } = await rawSocket(ctx.server.url, boardId, 'participant');
  socket.send(encodeUpdate(update));
  return closed;
}

/** Whether any stored update of the board holds `marker` (stored, it would be there even if it never shows). */
async function storedHolds(boardId: string, marker: string): Promise<boolean> {
  const stored = (await ctx.server.store.loadBoard(boardId)).updates;
  return stored.some((update) => Buffer.from(update).includes(marker));
}

const card = (doc: Y.Doc) => cardsMap(doc).get('c1') as Y.Map<unknown>;

describe('update validation', () => {
  it('refuses an 8 MB update with a 4-million-character title; a new client then syncs the board as it was', async () => {
    const { boardId, observer, forger } = await boardWithCard();
    const update = forge(forger, () => {
      card(forger).set('title', new Y.Text(`HUGE${'x'.repeat(4_000_000)}`));
      card(forger).set('activity', new Y.Text('y'.repeat(4_000_000)));
    });
    expect(update.byteLength).toBeGreaterThan(8_000_000);
    expect((await sendRefused(boardId, update)).code).toBe(4414);
    expect(await storedHolds(boardId, 'HUGE')).toBe(false);

    const started = performance.now();
    const fresh = ctx.client(boardId);
    await fresh.synced;
    console.log(`  a new client synced the board in ${(performance.now() - started).toFixed(0)} ms after the refusal`);
    expect(getCardText(fresh.doc, 'c1', 'title')?.toString()).toBe('Läxhjälp');
    expect(getCardText(observer.doc, 'c1', 'title')?.toString(), 'never relayed').toBe('Läxhjälp');
  });

  it('refuses a title over its limit, a number for a title, a map in a text field and an unknown card key', async () => {
    const { boardId, observer, forger } = await boardWithCard();
    const forgeries: [string, (doc: Y.Doc) => void, RegExp][] = [
      ['LONG', (doc) => getCardText(doc, 'c1', 'title')?.insert(0, `LONG${'x'.repeat(200)}`), /longer than 200/],
      ['NUMBER', (doc) => card(doc).set('title', 42_424_242), /card "title" must be a text/],
      ['NESTED', (doc) => getCardText(doc, 'c1', 'activity')?.insertEmbed(0, new Y.Map()), /more than characters/],
      ['UNKNOWN', (doc) => card(doc).set('UNKNOWN', 'x'), /card "UNKNOWN" is not in the board contract/],
      // The registry's newest field is bounded like the others, and the authors an import keeps too.
      [
        'EFFECT',
        (doc) => getCardText(doc, 'c1', 'effectMeasure')?.insert(0, `EFFECT${'x'.repeat(5_000)}`),
        /longer than 5000/,
      ],
      ['AUTHORS', (doc) => card(doc).set('coAuthors', ['AUTHORS', 42]), /coAuthors/],
    ];
    for (const [marker, edit, reason] of forgeries) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(forger));
      const closed = await sendRefused(
        boardId,
        forge(copy, () => edit(copy)),
      );
      expect(closed, marker).toMatchObject({ code: 4422, reason: expect.stringMatching(reason) });
    }
    const fresh = ctx.client(boardId);
    await fresh.synced;
    expect(card(fresh.doc).toJSON()).toEqual(card(observer.doc).toJSON());
    expect(card(fresh.doc).get('title')).toBeInstanceOf(Y.Text);
    expect(await storedHolds(boardId, 'LONG')).toBe(false);
    expect(await storedHolds(boardId, 'UNKNOWN')).toBe(false);
    expect(await storedHolds(boardId, 'EFFECT')).toBe(false);
    expect(await storedHolds(boardId, 'AUTHORS')).toBe(false);
  });

  it('caps the canvas: junk keys are refused, and records past the cap close with 4413', async () => {
    const { boardId, forger } = await boardWithCard();
    const junk = forge(forger, () => {
      for (let n = 0; n < 1_000; n++) forger.getMap('canvas').set(`junk-${n}`, n);
    });
    expect(await sendRefused(boardId, junk)).toMatchObject({ code: 4422 });

    const writer = new Y.Doc();
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(forger));
    const { socket, closed } = await rawSocket(ctx.server.url, boardId, 'participant');
    const batch = 2_500;
    for (let first = 0; first < MAX_CANVAS_RECORDS; first += batch) {
      const update = forge(writer, () => {
        for (let n = first; n < first + batch; n++)
          writer.getMap('canvas').set(`shape:r${n}`, geoShape(`shape:r${n}`, n));
      });
      socket.send(encodeUpdate(update));
    }
    const watcher = ctx.client(boardId);
    await waitFor('the records up to the cap', () => watcher.doc.getMap('canvas').size === MAX_CANVAS_RECORDS, 20_000);
    socket.send(encodeUpdate(forge(writer, () => writer.getMap('canvas').set('shape:over', geoShape('shape:over')))));
    expect(await closed).toMatchObject({ code: 4413, reason: expect.stringMatching(/canvas is full/) });
    expect(await storedHolds(boardId, 'shape:over')).toBe(false);
  });

  it('refuses a canvas image that loads from another origin, and takes one inline', async () => {
    const { boardId, observer, forger } = await boardWithCard();
    const image = (src: string) => ({
      id: 'asset:photo',
      typeName: 'asset',
      type: 'image',
      props: { name: 'foto.png', src, w: 10, h: 10, mimeType: 'image/png', isAnimated: false },
      meta: {},
    });
    const external = forge(forger, () =>
      forger.getMap('canvas').set('asset:photo', image('https://tracker.example/p.gif')),
    );
    expect(await sendRefused(boardId, external)).toMatchObject({ code: 4422, reason: /another origin/ });
    expect(await storedHolds(boardId, 'tracker.example')).toBe(false);

    observer.doc.getMap('canvas').set('asset:photo', image('data:image/png;base64,iVBORw0KGgo='));
    const fresh = ctx.client(boardId);
    await waitFor('the inline image to be stored', () => fresh.doc.getMap('canvas').has('asset:photo'));
  });

  it('drops an edit on content it never stored before the client’s sync answer, and refuses one after it', async () => {
    const { boardId, forger } = await boardWithCard();
    const text = () => getCardText(forger, 'c1', 'activity') as Y.Text;
    forge(forger, () => text().insert(0, 'lost '));
    const orphan = (marker: string) => forge(forger, () => text().insert(text().length, marker));
    const { socket, closed } = await rawSocket(ctx.server.url, boardId, 'participant');
    // As a client reconnecting after the server lost its last edits: it types before its answer arrives.
    socket.send(encodeUpdate(orphan('EARLY')));
    socket.send(encodeSyncStep2Update(Y.encodeStateAsUpdate(new Y.Doc())));
    socket.send(encodeUpdate(orphan('LATE')));
    expect(await closed).toMatchObject({ code: 4422, reason: /builds on content the server does not have/ });
    expect(ctx.server.stats().dropped).toBe(1);
    expect(await storedHolds(boardId, 'EARLY')).toBe(false);
    expect(await storedHolds(boardId, 'LATE')).toBe(false);
  });

  it('caps the stored document of a board (4414) and still lets it shrink', async () => {
    await ctx.restart({ limits: { maxDocumentBytes: 64 * 1024 } });
    const { boardId, observer } = await boardWithCard();
    const big = () => `${'Stort stycke text. '.repeat(200)}`;
    for (let n = 0; n < 30; n++) {
      createCard(observer.doc, { id: `big${n}`, goalId: 'A1', createdBy: 'Anna', fields: { activity: big() } });
    }
    const closedCode = await new Promise<number>((resolve) =>
      observer.provider.ws?.addEventListener('close', (event) => resolve(event.code)),
    );
    expect(closedCode).toBe(4414);
    // A full board can still be cleaned up: deleting passes the cap.
    const cleaner = ctx.client(boardId);
    await cleaner.synced;
    const stored = cardsMap(cleaner.doc).size;
    expect(stored).toBeLessThan(31);
    cardsMap(cleaner.doc).delete('c1');
    const fresh = ctx.client(boardId);
    await waitFor('the delete to be stored', () => cardsMap(fresh.doc).size === stored - 1);
  });
});
