import { createTLStore, defaultBindingUtils, defaultShapeUtils } from 'tldraw';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkCanvasSchema } from '../../client/canvas/canvas-schema.ts';
import { ZoneShapeUtil } from '../../client/canvas/zones/ZoneShapeUtil.tsx';
import { readCanvasSchema, writeCanvasSchema } from '../../shared/canvas-schema.ts';

const store = createTLStore({ shapeUtils: [...defaultShapeUtils, ZoneShapeUtil], bindingUtils: defaultBindingUtils });
const ours = store.schema;
const serialized = ours.serialize();

function withSequences(change: (sequences: Record<string, number>) => void): object {
  const copy = structuredClone(serialized) as { sequences: Record<string, number> };
  change(copy.sequences);
  return copy;
}

describe('checkCanvasSchema', () => {
  it('records our schema on a board that has none yet', () => {
    expect(checkCanvasSchema(ours, null)).toBe('unset');
  });

  it('reads and writes freely when the schema is the same', () => {
    expect(checkCanvasSchema(ours, structuredClone(serialized))).toBe('same');
  });

  it('migrates a canvas written by an older tldraw', () => {
    const older = withSequences((s) => {
      s['com.tldraw.shape.geo'] = 1;
    });
    expect(checkCanvasSchema(ours, older)).toBe('upgrade');
  });

  it('upgrades a canvas written before our zone shape existed', () => {
    const beforeZones = withSequences((s) => {
      delete s['com.tldraw.shape.zone'];
    });
    expect(checkCanvasSchema(ours, beforeZones)).toBe('upgrade');
  });

  it('refuses to write a canvas from a newer tldraw or with shapes it does not know', () => {
    const newer = withSequences((s) => {
      s['com.tldraw.shape.geo'] = 999;
    });
    expect(checkCanvasSchema(ours, newer)).toBe('incompatible');
    const unknownShape = withSequences((s) => {
      s['com.tldraw.shape.activity-card'] = 1;
    });
    expect(checkCanvasSchema(ours, unknownShape)).toBe('incompatible');
    expect(checkCanvasSchema(ours, { nonsense: true })).toBe('incompatible');
  });
});

describe('canvas schema in meta', () => {
  it('round-trips through the document', () => {
    const doc = new Y.Doc();
    expect(readCanvasSchema(doc)).toBeNull();
    writeCanvasSchema(doc, serialized);
    expect(readCanvasSchema(doc)).toEqual(serialized);
  });
});
