import type { TLPageId } from 'tldraw';
import { describe, expect, it } from 'vitest';
import { layoutZones } from '../../client/canvas/zones/layout.ts';
import { zoneIndex, zoneRecords, zoneShapeId } from '../../client/canvas/zones/zone-records.ts';
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
  it('counts up in sortable, jitter-free fractional indices, past the first 61 and the first 3,905 (zones and 2,000 card shapes share them)', () => {
    const keys = Array.from({ length: 4200 }, (_, n) => zoneIndex(n));
    expect(keys.slice(0, 3)).toEqual(['a1', 'a2', 'a3']);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(/^(a[1-9A-Za-z]|b[0-9A-Za-z]{2}|c[0-9A-Za-z]{3})$/);
  });
});
