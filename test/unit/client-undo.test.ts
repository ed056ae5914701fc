/**
 * The board's undo (client/undo/board-undo.ts) on real Yjs documents: two
 * documents joined by hand, as two browsers through the server, so "never
 * undo someone else's typing" is tested against a real concurrent edit.
 */
import {
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Editor,
  GeoShapeUtil,
  type TLRecord,
} from 'tldraw';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { bindStoreToCanvas, writeAutomatically, writeCanvas } from '../../client/canvas/yjs-binding.ts';
import { createBoardUndo } from '../../client/undo/board-undo.ts';
import { boardTakesUndo, undoKey } from '../../client/undo/undo-keys.ts';
import { canvasMap, Origin } from '../../shared/board-doc.ts';
import {
  createCard,
  deleteCard,
  moveCard,
  readCard,
  setCardParty,
  setCardText,
  setFollowUp,
} from '../../shared/card.ts';

/** Two documents joined like two browsers through a server; the peer's updates arrive with a foreign origin. */
function twoPeers() {
  const docA = new Y.Doc();
  const docB = new Y.Doc();
  docA.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docB, update, 'peer'));
  docB.on('update', (update: Uint8Array, origin: unknown) => origin !== 'peer' && Y.applyUpdate(docA, update, 'peer'));
  return { docA, docB };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A record shaped like a canvas record (the binding only needs id and typeName). */
const record = (id: string, x: number) => ({ id, typeName: 'shape', type: 'card', x, y: 0 }) as unknown as TLRecord;

describe('board undo', () => {
  it('brings back a card the person deleted, with every field, for the other person too', () => {
    const { docA, docB } = twoPeers();
    const undo = createBoardUndo(docA);
    const id = createCard(docB, {
      goalId: 'g1',
      createdBy: 'Bo',
      status: 'draft',
      fields: { title: 'Gemensam rutin för övergångar', activity: 'Workshop', period: '2025' },
      parties: ['region', 'Fritidsgården'],
    });
    setFollowUp(docB, id, '2025', { status: 'ongoing', comment: 'Pågår', effect: '', updatedBy: 'Bo' });
    const before = readCard(docB, id);

    deleteCard(docA, id);
    expect(readCard(docB, id)).toBeUndefined();
    undo.undo();

    expect(readCard(docA, id)).toEqual(before);
    expect(readCard(docB, id)).toEqual(before);
    // And redo deletes it again.
    undo.redo();
    expect(readCard(docB, id)).toBeUndefined();
  });

  it("never takes back the other person's typing in the same field", () => {
    const { docA, docB } = twoPeers();
    const undoA = createBoardUndo(docA);
    const id = createCard(docA, { goalId: 'g1', createdBy: 'Ada' });
    undoA.stopCapturing();
    setCardText(docA, id, 'title', 'Läxhjälp');
    // Bo types after Ada's word, within Ada's capture time.
    setCardText(docB, id, 'title', 'Läxhjälp på biblioteket');
    expect(readCard(docA, id)?.title).toBe('Läxhjälp på biblioteket');

    undoA.undo();
    expect(readCard(docA, id)?.title).toBe(' på biblioteket');
    expect(readCard(docB, id)?.title).toBe(' på biblioteket');
    // Ada's card itself is her earlier step, still there until she undoes again.
    expect(undoA.getState().canUndo).toBe(true);
  });

  it('has nothing to undo after only remote changes', () => {
    const { docA, docB } = twoPeers();
    const undoA = createBoardUndo(docA);
    const id = createCard(docB, { goalId: 'g1', createdBy: 'Bo', fields: { title: 'Bos kort' } });
    setCardParty(docB, id, 'region', true);
    expect(undoA.getState()).toEqual({ canUndo: false, canRedo: false });
    undoA.undo();
    expect(readCard(docA, id)?.title).toBe('Bos kort');
  });

  it('takes back a card move and its shape move as one step (one stack for cards and canvas)', () => {
    const doc = new Y.Doc();
    const undo = createBoardUndo(doc);
    const id = createCard(doc, { goalId: 'g1', createdBy: 'Ada' });
    writeCanvas(doc, { set: [record(`shape:card-${id}`, 0)], remove: [] });
    undo.stopCapturing();

    writeCanvas(doc, { set: [record(`shape:card-${id}`, 500)], remove: [] });
    moveCard(doc, id, 'g2');
    undo.undo();

    expect(readCard(doc, id)?.goalId).toBe('g1');
    expect((canvasMap(doc).get(`shape:card-${id}`) as { x: number }).x).toBe(0);
  });

  it("leaves the canvas's own bookkeeping (Origin.canvasSync, the server's writes) alone", () => {
    const doc = new Y.Doc();
    const undo = createBoardUndo(doc);
    writeCanvas(doc, { set: [record('shape:zone-a', 0)], remove: [] }, Origin.canvasSync);
    createCard(doc, { goalId: 'g1', createdBy: 'server' }, Origin.server);
    expect(undo.getState().canUndo).toBe(false);
    undo.undo();
    expect(canvasMap(doc).has('shape:zone-a')).toBe(true);
  });

  it('tells subscribers when undo and redo become possible', () => {
    const doc = new Y.Doc();
    const undo = createBoardUndo(doc);
    const states: unknown[] = [];
    undo.subscribe(() => states.push(undo.getState()));
    createCard(doc, { goalId: null, createdBy: 'Ada' });
    undo.undo();
    expect(states).toEqual([
      { canUndo: true, canRedo: false },
      { canUndo: false, canRedo: true },
    ]);
  });
});

describe('writeAutomatically with the canvas binding', () => {
  const nextFlush = () => new Promise((resolve) => setTimeout(resolve, 50));

  it("keeps the canvas's automatic shapes out of undo and undoes the person's own, in the store too", async () => {
    const doc = new Y.Doc();
    const store = createTLStore({ shapeUtils: defaultShapeUtils, bindingUtils: defaultBindingUtils });
    cleanups.push(bindStoreToCanvas(store, doc), () => store.dispose());
    const undo = createBoardUndo(doc);
    const page = store.schema.types.page.create({ id: 'page:p' as never, name: 'Sida', index: 'a1' as never });
    const shape = (name: string) =>
      store.schema.types.shape.create({
        id: createShapeId(name),
        type: 'geo',
        parentId: page.id,
        index: 'a1' as never,
        x: 0,
        y: 0,
        props: new GeoShapeUtil({} as Editor).getDefaultProps(),
      } as never);

    writeAutomatically(store, () => store.put([page, shape('auto')]));
    expect(canvasMap(doc).has(createShapeId('auto'))).toBe(true);
    expect(undo.getState().canUndo).toBe(false);

    store.put([shape('mine')]);
    await nextFlush();
    expect(canvasMap(doc).has(createShapeId('mine'))).toBe(true);
    undo.undo();
    expect(canvasMap(doc).has(createShapeId('mine'))).toBe(false);
    expect(store.has(createShapeId('mine'))).toBe(false);
    expect(store.has(createShapeId('auto'))).toBe(true);
  });
});

describe('undo keys', () => {
  const press = (key: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
    key,
    ctrlKey: mods.ctrl ?? false,
    metaKey: mods.meta ?? false,
    shiftKey: mods.shift ?? false,
    altKey: mods.alt ?? false,
  });

  it('reads Ctrl+Z as undo and Ctrl+Shift+Z, Ctrl+Y (and ⌘) as redo; nothing else', () => {
    expect(undoKey(press('z', { ctrl: true }))).toBe('undo');
    expect(undoKey(press('z', { meta: true }))).toBe('undo');
    expect(undoKey(press('Z', { ctrl: true, shift: true }))).toBe('redo');
    expect(undoKey(press('y', { ctrl: true }))).toBe('redo');
    expect(undoKey(press('z'))).toBeNull();
    expect(undoKey(press('z', { ctrl: true, alt: true }))).toBeNull();
    expect(undoKey(press('x', { ctrl: true }))).toBeNull();
  });

  it("takes presses on the page and in card fields, not in other text boxes (they keep the browser's undo)", () => {
    const inside = (box: { hasAttribute(name: string): boolean } | null) => ({ closest: () => box });
    expect(boardTakesUndo(null)).toBe(true);
    expect(boardTakesUndo(inside(null) as never)).toBe(true);
    expect(boardTakesUndo(inside({ hasAttribute: (name) => name === 'data-field' }) as never)).toBe(true);
    expect(boardTakesUndo(inside({ hasAttribute: () => false }) as never)).toBe(false);
  });
});
