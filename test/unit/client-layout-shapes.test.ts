/**
 * The layout's shapes stay out of the document: the canvas binding never
 * writes zone or card shapes, skips those an older board stored, and the
 * records the layout stands for are deterministic and stacked above the zones.
 */
import { createTLStore, defaultBindingUtils, PageRecordType, type TLRecord } from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardRecords, layoutRecords, samePlace } from '../../client/canvas/layout/layout-records.ts';
import { boardShapeUtils } from '../../client/canvas/shape-utils.ts';
import { bindStoreToCanvas, canvasRecords, canvasWritesFromDiff } from '../../client/canvas/yjs-binding.ts';
import { canvasMap } from '../../shared/board-doc.ts';
import { layoutBoard } from '../../shared/board-layout.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

const hsvo = getTemplate('hsvo-2024-2026') as Template;
const pageId = PageRecordType.createId('page');
const layout = layoutBoard(hsvo, [
  { id: 'c1', goalId: 'A1' },
  { id: 'c2', goalId: 'A1' },
  { id: 'c3', goalId: null },
]);

describe('layout records', () => {
  it('are the same for the same layout, cards above every zone in layout order', () => {
    const records = layoutRecords(layout, pageId);
    expect(layoutRecords(layout, pageId)).toEqual(records);
    const cards = cardRecords(layout, pageId);
    expect(cards.map((r) => r.id)).toEqual(['shape:card-c1', 'shape:card-c2', 'shape:card-c3']);
    const indices = records.map((r) => r.index);
    expect([...indices].sort()).toEqual(indices);
    expect(cards.every((card) => !card.isLocked)).toBe(true);
    expect(samePlace(cards[0], cards[0] as never)).toBe(true);
    expect(samePlace({ ...(cards[0] as object), x: 1 } as TLRecord, cards[0] as never)).toBe(false);
  });
});

describe('the canvas binding and the layout', () => {
  it('never writes zone or card shapes, and skips the ones an older board stored', () => {
    const doc = new Y.Doc();
    const [zone, card] = [layoutRecords(layout, pageId)[0], cardRecords(layout, pageId)[0]] as TLRecord[];
    canvasMap(doc).set((zone as TLRecord).id, zone);
    canvasMap(doc).set((card as TLRecord).id, card);
    expect(canvasRecords(doc)).toEqual([]);

    const store = createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils });
    const stop = bindStoreToCanvas(store, doc);
    const page = PageRecordType.create({ id: pageId, name: 'Sida 1', index: 'a1' as never });
    store.put([page, ...layoutRecords(layout, pageId)]);
    store.update((card as TLRecord).id, (shape) => ({ ...shape, x: 999 }) as TLRecord);
    expect([...canvasMap(doc).keys()].sort()).toEqual([(card as TLRecord).id, (zone as TLRecord).id, pageId].sort());
    expect((canvasMap(doc).get((card as TLRecord).id) as { x: number }).x).not.toBe(999);
    // An old stored zone changed by someone reaches nobody's store.
    canvasMap(doc).set((zone as TLRecord).id, { ...(zone as object), x: 5000 });
    expect((store.get((zone as TLRecord).id) as { x: number }).x).not.toBe(5000);
    stop();

    const diff = canvasWritesFromDiff({ added: { [(card as TLRecord).id]: card }, updated: {}, removed: {} } as never);
    expect(diff).toEqual({ set: [], remove: [] });
  });
});
