/** Re-creates missing or altered zones from the template when a board opens. */
import type { Editor, TLShapeId } from 'tldraw';
import { writeAutomatically } from '../yjs-binding.ts';
import type { ZoneLayout } from './layout.ts';
import type { ZoneShape } from './ZoneShape.ts';
import { withZoneWrites } from './zone-guard.ts';
import { zoneRecords, zonesToRepair } from './zone-records.ts';

/** Writes the zones that differ from the template and returns how many it wrote. */
export function ensureZones(editor: Editor, layout: ZoneLayout): number {
  // Zones live on the board's first page, whichever page the person is looking at.
  const pageId = editor.getPages()[0]?.id ?? editor.getCurrentPageId();
  const expected = zoneRecords(layout, pageId);
  const repairs = zonesToRepair(expected, (id: TLShapeId) => editor.store.get(id) as ZoneShape | undefined);
  if (repairs.length > 0) {
    // Outside the undo history: undo must never take a zone away.
    withZoneWrites(() =>
      writeAutomatically(editor.store, () => editor.run(() => editor.store.put(repairs), { history: 'ignore' })),
    );
  }
  return repairs.length;
}
