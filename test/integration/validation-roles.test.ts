/**
 * Who may change what (issue #10's meta guard, README "Limits"): the server
 * judges the decoded update by the sender's role, refuses zones and card
 * shapes from anyone (each client lays them out), and a legit session of the
 * board page's own writes passes untouched.
 */
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  type Editor,
  GeoShapeUtil,
  PageRecordType,
  type TLShape,
} from 'tldraw';
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { cardRecords } from '../../client/canvas/layout/layout-records.ts';
import { boardShapeUtils } from '../../client/canvas/shape-utils.ts';
import { bindStoreToCanvas } from '../../client/canvas/yjs-binding.ts';
import { zoneRecords } from '../../client/canvas/zones/zone-records.ts';
import { cardsMap, metaMap, SCHEMA_VERSION, setPlanPeriod } from '../../shared/board-doc.ts';
import { layoutBoard } from '../../shared/board-layout.ts';
import { readCanvasSchema, writeCanvasSchema } from '../../shared/canvas-schema.ts';
import { createCard, deleteCard, readCard, setCardParty, setCardText, setFollowUp } from '../../shared/card.ts';
import { placeCard } from '../../shared/card-order.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import { createBoard, forgedCloseCode, serverPerTest, type TestClient, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest();
const layout = layoutBoard(getTemplate('hsvo-2024-2026') as Template, [{ id: 'c1', goalId: 'A1' }]);
const zones = zoneRecords(layout, PageRecordType.createId('page'));
const cardShapes = cardRecords(layout, PageRecordType.createId('page'));

function track(client: TestClient): () => number | undefined {
  let code: number | undefined;
  client.provider.on('connection-close', (event: CloseEvent | null) => {
    code ??= event?.code;
  });
  return () => code;
}

/** A forged update of `doc` sent as a participant over a raw socket: resolves with the close code. */
const forgeAs = (boardId: string, doc: Y.Doc, edit: (doc: Y.Doc) => void): Promise<number> =>
  forgedCloseCode(ctx.server.url, boardId, doc, edit);

describe('meta and layout guard', () => {
  it('refuses a participant’s meta changes and anyone’s zones or card shapes; the facilitator’s and a participant’s first writes pass', async () => {
    const board = await createBoard(ctx.server.url);
    const participant = ctx.client(board.id, 'participant');
    await participant.synced;
    // A participant opens the new board first: it writes the canvas schema (and no zones: they are laid out).
    const schema = { schemaVersion: 2, sequences: { 'com.tldraw.shape.zone': 0 } };
    writeCanvasSchema(participant.doc, schema);
    const facilitator = ctx.client(board.id);
    await waitFor('the schema to be stored', () => readCanvasSchema(facilitator.doc) !== null);

    expect(await forgeAs(board.id, facilitator.doc, (d) => metaMap(d).set('schemaVersion', 999))).toBe(4422);
    expect(await forgeAs(board.id, facilitator.doc, (d) => metaMap(d).set('templateId', 'other'))).toBe(4422);
    expect(await forgeAs(board.id, facilitator.doc, (d) => writeCanvasSchema(d, { sequences: {} }))).toBe(4422);
    expect(
      await forgeAs(board.id, facilitator.doc, (d) => setPlanPeriod(d, { from: '2030-01-01', to: '2031-12-31' })),
    ).toBe(4422);
    for (const shape of [zones[0], cardShapes[0]] as TLShape[]) {
      expect(await forgeAs(board.id, facilitator.doc, (d) => d.getMap('canvas').set(shape.id, shape))).toBe(4422);
    }

    // The facilitator may: a new canvas schema, the plan period; but no zone either.
    const closedFacilitator = track(facilitator);
    writeCanvasSchema(facilitator.doc, { ...schema, schemaVersion: 3 });
    setPlanPeriod(facilitator.doc, { from: '2025-01-01', to: '2027-12-31' });
    const fresh = ctx.client(board.id);
    await waitFor(
      'the facilitator’s writes',
      () => (readCanvasSchema(fresh.doc) as { schemaVersion?: number } | null)?.schemaVersion === 3,
    );
    expect(metaMap(fresh.doc).get('schemaVersion')).toBe(SCHEMA_VERSION);
    expect(metaMap(fresh.doc).get('templateId')).toBe('hsvo-2024-2026');
    expect(closedFacilitator()).toBeUndefined();
    const zone = zones[0] as TLShape;
    facilitator.doc.getMap('canvas').set(zone.id, zone);
    await waitFor('the facilitator’s zone to be refused', () => closedFacilitator() === 4422);
  });

  it('keeps the server’s own writes in the index: a participant cannot delete the title the server set', async () => {
    const board = await createBoard(ctx.server.url);
    const watcher = ctx.client(board.id);
    await watcher.synced;
    const room = await ctx.server.rooms.open(board.id);
    await room.edits.setMeta([['title', 'Nytt namn']]);
    await waitFor('the rename to be relayed', () => metaMap(watcher.doc).get('title') === 'Nytt namn');
    expect(await forgeAs(board.id, watcher.doc, (d) => metaMap(d).delete('title'))).toBe(4422);
    const fresh = ctx.client(board.id);
    await fresh.synced;
    expect(metaMap(fresh.doc).get('title')).toBe('Nytt namn');
  });

  it('lets a participant’s whole session through: cards, typing, parties, follow-up, a tldraw canvas', async () => {
    const board = await createBoard(ctx.server.url);
    const person = ctx.client(board.id, 'participant');
    await person.synced;
    const closed = track(person);
    const { doc } = person;

    const store = createTLStore({
      shapeUtils: boardShapeUtils,
      bindingUtils: defaultBindingUtils,
    });
    const stopBinding = bindStoreToCanvas(store, doc);
    writeCanvasSchema(doc, store.schema.serialize());
    const pageId = PageRecordType.createId('page');
    // Zones and card shapes in the store (as the layout puts them) are never written to the board.
    store.put([PageRecordType.create({ id: pageId, name: 'Sida 1', index: 'a1' as never }), ...zones, ...cardShapes]);
    const boxId = createShapeId('box');
    const props = new GeoShapeUtil({} as Editor).getDefaultProps();
    store.put([
      store.schema.types.shape.create({
        id: boxId,
        type: 'geo',
        x: 0,
        y: 0,
        parentId: pageId,
        index: 'b10' as never,
        props,
      }),
    ]);
    for (let x = 10; x <= 100; x += 10) store.update(boxId, (shape) => ({ ...shape, x }));

    const kept = createCard(doc, { goalId: 'A1', createdBy: 'Anna', fields: { title: 'Läxhjälp' } });
    const gone = createCard(doc, { goalId: 'A2', createdBy: 'Anna' });
    for (const word of ['Träffar', 'Träffar för', 'Träffar för föräldrar']) setCardText(doc, kept, 'activity', word);
    setCardText(doc, kept, 'title', 'x'.repeat(200));
    setCardParty(doc, kept, 'Heby kommun', true);
    setCardParty(doc, kept, 'Region Uppsala', true);
    setCardParty(doc, kept, 'Heby kommun', false);
    setFollowUp(doc, kept, '2025', { status: 'ongoing', comment: 'Startat', effect: '', updatedBy: 'Anna' });
    setFollowUp(doc, kept, '2025', { status: 'done', comment: 'Klart', effect: 'Fler deltar', updatedBy: 'Anna' });
    placeCard(doc, kept, 'B1', 0);
    deleteCard(doc, gone);

    const fresh = ctx.client(board.id);
    await waitFor('the session to be stored', () => readCard(fresh.doc, kept)?.followUp['2025']?.status === 'done');
    await waitFor(
      'the drag to be stored',
      () => (fresh.doc.getMap('canvas').get(boxId) as TLShape | undefined)?.x === 100,
    );
    expect(readCard(fresh.doc, kept)).toEqual(readCard(doc, kept));
    expect(cardsMap(fresh.doc).has(gone)).toBe(false);
    expect(fresh.doc.getMap('canvas').size).toBe(doc.getMap('canvas').size);
    expect(
      [...doc.getMap('canvas').keys()].filter((key) => key.startsWith('shape:zone-') || key.startsWith('shape:card-')),
    ).toEqual([]);
    expect(closed(), 'the participant stays connected').toBeUndefined();
    stopBinding();
    store.dispose();
  });
});
