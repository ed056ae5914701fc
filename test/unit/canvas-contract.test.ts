import {
  AssetRecordType,
  createShapeId,
  createTLStore,
  defaultBindingUtils,
  type Editor,
  EmbedShapeUtil,
  GeoShapeUtil,
  PageRecordType,
  type TLRecord,
} from 'tldraw';
import { describe, expect, it } from 'vitest';
import { cardRecords } from '../../client/canvas/layout/layout-records.ts';
import { boardShapeUtils } from '../../client/canvas/shape-utils.ts';
import { zoneRecords } from '../../client/canvas/zones/zone-records.ts';
import { layoutBoard } from '../../shared/board-layout.ts';
import {
  CANVAS_ASSET_TYPES,
  CANVAS_BINDING_TYPES,
  CANVAS_RECORD_TYPES,
  CANVAS_SHAPE_TYPES,
  canvasRecordProblem,
  LAYOUT_SHAPE_TYPES,
} from '../../shared/canvas-contract.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import { geoShape, noteShape } from '../helpers/canvas-records.ts';

/** The store the board page builds (client/canvas/useYjsStore.ts). */
const newStore = () => createTLStore({ shapeUtils: boardShapeUtils, bindingUtils: defaultBindingUtils });

const sorted = (values: Iterable<string>) => [...values].sort();

describe('canvas contract', () => {
  it('lists exactly the document-scope records, shapes, bindings and assets of the board’s tldraw store', () => {
    const store = newStore();
    const types = Object.entries(store.schema.types as Record<string, { scope: string }>);
    expect(sorted(types.filter(([, type]) => type.scope === 'document').map(([name]) => name))).toEqual(
      sorted(CANVAS_RECORD_TYPES),
    );
    const sequences = Object.keys(store.schema.serialize().sequences);
    const named = (prefix: string) =>
      sequences.filter((id) => id.startsWith(prefix)).map((id) => id.slice(prefix.length));
    // The layout's own shapes are in the store but never in the document.
    expect(sorted(named('com.tldraw.shape.'))).toEqual(sorted([...CANVAS_SHAPE_TYPES, ...LAYOUT_SHAPE_TYPES]));
    expect(sorted(named('com.tldraw.binding.'))).toEqual(sorted(CANVAS_BINDING_TYPES));
    expect(sorted(named('com.tldraw.asset.'))).toEqual(sorted(CANVAS_ASSET_TYPES));
  });

  it('accepts the records the board writes: page, shapes with tldraw’s defaults, an inline image', () => {
    const store = newStore();
    const pageId = PageRecordType.createId('page');
    const shapeId = createShapeId('box');
    const assetId = AssetRecordType.createId('img');
    store.put([PageRecordType.create({ id: pageId, name: 'Sida 1', index: 'a1' as never })]);
    store.put([
      store.schema.types.shape.create({
        id: shapeId,
        type: 'geo',
        x: 1,
        y: 2,
        parentId: pageId,
        index: 'a2' as never,
        // getDefaultProps does not touch the editor; the shape util is only asked for its defaults.
        props: new GeoShapeUtil({} as Editor).getDefaultProps(),
      }),
      AssetRecordType.create({
        id: assetId,
        type: 'image',
        props: {
          name: 'a.png',
          src: 'data:image/png;base64,AAAA',
          w: 1,
          h: 1,
          mimeType: 'image/png',
          isAnimated: false,
        },
      }),
    ]);
    for (const record of store.allRecords() as TLRecord[]) {
      expect(canvasRecordProblem(record.id, JSON.parse(JSON.stringify(record))), record.id).toBeNull();
    }
  });

  it('refuses what would load from another origin, foreign types, mismatched ids, zones and card shapes', () => {
    const image = (src: string) => ({
      id: 'asset:img',
      typeName: 'asset',
      type: 'image',
      props: { src, name: 'a', w: 1, h: 1, mimeType: 'image/png', isAnimated: false },
      meta: {},
    });
    expect(canvasRecordProblem('asset:img', image('https://tracker.example/pixel.gif'))).toMatch(/another origin/);
    expect(canvasRecordProblem('asset:img', image('//tracker.example/pixel.gif'))).toMatch(/another origin/);
    expect(canvasRecordProblem('asset:img', image('/uploads/a.png'))).toBeNull();
    expect(canvasRecordProblem('asset:img', image('blob:http://localhost/abc'))).toBeNull();
    expect(
      canvasRecordProblem('user:p', { id: 'user:p', typeName: 'user', imageUrl: 'http://x.example/a.png' }),
    ).toMatch(/another origin/);
    expect(canvasRecordProblem('camera:page', { id: 'camera:page', typeName: 'camera' })).toMatch(/type not allowed/);
    expect(canvasRecordProblem('shape:a', { id: 'shape:a', typeName: 'shape', type: 'iframe' })).toMatch(
      /shape type not allowed/,
    );
    expect(canvasRecordProblem('shape:a', { id: 'shape:b', typeName: 'shape', type: 'geo' })).toMatch(
      /id does not match/,
    );
    // Zones and card shapes are laid out by each client from the document, at any id.
    const pageId = PageRecordType.createId('page');
    const layout = layoutBoard(getTemplate('hsvo-2024-2026') as Template, [{ id: 'c1', goalId: 'A1' }]);
    for (const record of [...zoneRecords(layout, pageId), ...cardRecords(layout, pageId)]) {
      expect(canvasRecordProblem(record.id, JSON.parse(JSON.stringify(record))), record.id).toMatch(/laid out/);
    }
    expect(canvasRecordProblem('shape:a', { id: 'shape:a', typeName: 'shape', type: 'zone' })).toMatch(/laid out/);
    expect(canvasRecordProblem('shape:a', { id: 'shape:a', typeName: 'shape', type: 'activity-card' })).toMatch(
      /laid out/,
    );
    expect(canvasRecordProblem('shape:card-x', { id: 'shape:card-x', typeName: 'shape', type: 'geo' })).toMatch(
      /laid out/,
    );
    expect(
      canvasRecordProblem('shape:a', { id: 'shape:a', typeName: 'shape', type: 'geo', x: 'x'.repeat(200_000) }),
    ).toMatch(/larger than/);
    // One page: a second one sorted first would take everyone's layout to a page nobody looks at.
    const page = (id: string) => ({ id, typeName: 'page', name: 'Sida', index: 'a0', meta: {} });
    expect(canvasRecordProblem('page:page', page('page:page'))).toBeNull();
    expect(canvasRecordProblem('page:x', page('page:x'))).toMatch(/one page/);
  });

  it('offers no embeds: a pasted video link becomes a bookmark, not a frame the server would refuse', () => {
    const Embed = boardShapeUtils.find((util) => util.type === 'embed') as unknown as new (
      editor: Editor,
    ) => EmbedShapeUtil;
    const embed = new Embed({} as Editor);
    expect(embed.getEmbedDefinition('https://www.youtube.com/watch?v=dQw4w9WgXcQ')).toBeUndefined();
    expect(
      new EmbedShapeUtil({} as Editor).getEmbedDefinition('https://www.youtube.com/watch?v=dQw4w9WgXcQ'),
    ).toBeDefined();
  });
});

describe('sticky-note meta', () => {
  const note = (meta: unknown) => ({ ...noteShape('shape:n1', 'Idé'), meta });

  it('takes a note with no goal yet, a goal id, or null outside every zone', () => {
    for (const meta of [{}, { goalId: 'B1' }, { goalId: null }, { goalId: 'x'.repeat(64) }]) {
      expect(canvasRecordProblem('shape:n1', note(meta)), JSON.stringify(meta)).toBeNull();
    }
  });

  it('refuses any other key, a goal that is not a short id, and meta that is not an object', () => {
    for (const meta of [
      { goalId: 'B1', extra: 1 },
      { goal: 'B1' },
      { goalId: '' },
      { goalId: 7 },
      { goalId: 'x'.repeat(65) },
      { goalId: ['B1'] },
      [],
      'B1',
      null,
    ]) {
      expect(canvasRecordProblem('shape:n1', note(meta)), JSON.stringify(meta)).toMatch(/note/);
    }
  });

  it('leaves the meta of other shapes to tldraw', () => {
    expect(canvasRecordProblem('shape:g', { ...geoShape('shape:g'), meta: { anything: true } })).toBeNull();
  });
});
