import type { TLPageId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { layoutZones } from '../../client/canvas/zones/layout.ts';
import type { ZoneShape } from '../../client/canvas/zones/ZoneShape.ts';
import {
  missingZones,
  zoneIndex,
  zoneRecords,
  zoneShapeId,
  zonesToRepair,
} from '../../client/canvas/zones/zone-records.ts';
import { getTemplate } from '../../shared/template.ts';

const hsvo = getTemplate('hsvo-2024-2026');
if (!hsvo) throw new Error('missing template');
const pageId = 'page:page' as TLPageId;

describe('zoneRecords', () => {
  const records = zoneRecords(layoutZones(hsvo), pageId);

  it('uses deterministic ids, so two first clients write the same records', () => {
    expect(records.map((r) => r.id)).toEqual([
      'shape:zone-A',
      'shape:zone-B',
      'shape:zone-C',
      'shape:zone-D',
      'shape:zone-A1',
      'shape:zone-A2',
      'shape:zone-B1',
      'shape:zone-B2',
      'shape:zone-C1',
      'shape:zone-D1',
    ]);
    expect(zoneRecords(layoutZones(hsvo), pageId)).toEqual(records);
    expect(zoneShapeId('1.2')).toBe('shape:zone-1.2');
  });

  it('locks every zone and stacks areas below goals', () => {
    expect(records.every((r) => r.isLocked && r.type === 'zone' && r.parentId === pageId)).toBe(true);
    const indices = records.map((r) => r.index);
    expect([...indices].sort()).toEqual(indices);
    expect(new Set(indices).size).toBe(indices.length);
  });

  it('keeps titles out of the record (each viewer reads them in their own language)', () => {
    expect(JSON.stringify(records)).not.toContain('Förebyggande');
  });
});

describe('zoneIndex', () => {
  it('counts up in sortable, jitter-free fractional indices, past the first 61', () => {
    const keys = Array.from({ length: 200 }, (_, n) => zoneIndex(n));
    expect(keys.slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^(a[1-9A-Za-z]|b[0-9A-Za-z]{2})$/);
  });
});

describe('zonesToRepair', () => {
  const expected = zoneRecords(layoutZones(hsvo), pageId);
  const byId = (list: ZoneShape[]) => (id: string) => list.find((r) => r.id === id);

  it('asks for nothing when every zone is as the template says', () => {
    expect(zonesToRepair(expected, byId(expected))).toEqual([]);
  });

  it('restores missing, moved, unlocked and resized zones', () => {
    const [a, b, c, d, ...rest] = expected as [ZoneShape, ZoneShape, ZoneShape, ZoneShape, ...ZoneShape[]];
    const damaged = [{ ...b, x: b.x + 40 }, { ...c, isLocked: false }, { ...d, props: { ...d.props, w: 10 } }, ...rest];
    expect(zonesToRepair(expected, byId(damaged)).map((r) => r.id)).toEqual([a.id, b.id, c.id, d.id]);
  });
});

describe('missingZones', () => {
  const expected = zoneRecords(layoutZones(hsvo), pageId);
  const byId = (list: ZoneShape[]) => (id: string) => list.find((r) => r.id === id);

  it('asks only for zones the board lacks, leaving moved or unlocked ones as they are (a participant writes these)', () => {
    const [a, b, c, ...rest] = expected as [ZoneShape, ZoneShape, ZoneShape, ...ZoneShape[]];
    const altered = [{ ...b, x: b.x + 40 }, { ...c, isLocked: false }, ...rest];
    expect(missingZones(expected, byId(altered)).map((r) => r.id)).toEqual([a.id]);
    expect(missingZones(expected, byId(expected))).toEqual([]);
  });
});
