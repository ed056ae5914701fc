/**
 * Writes the template's zones when a board opens: the missing ones, and (for
 * the facilitator) the altered ones back into shape. Only the facilitator
 * repairs: the server refuses a zone change from anyone else, and a
 * participant "repairing" a zone the facilitator moved on purpose would undo it.
 */
import type { Editor, TLShapeId } from 'tldraw';
import { writeAutomatically } from '../yjs-binding.ts';
import type { ZoneLayout } from './layout.ts';
import type { ZoneShape } from './ZoneShape.ts';
import { withZoneWrites } from './zone-guard.ts';
import { missingZones, zoneRecords, zonesToRepair } from './zone-records.ts';

/**
 * Writes the zones that are missing (and, with `repair`, those that differ from
 * the template); returns how many. `localOnly` (a viewer, who writes nothing):
 * the missing zones are shown on this page as remote changes, which the canvas
 * binding never writes, until a writer's client stores the same records.
 */
export function ensureZones(
  editor: Editor,
  layout: ZoneLayout,
  { repair, localOnly = false }: { repair: boolean; localOnly?: boolean },
): number {
  // Zones live on the board's first page, whichever page the person is looking at.
  const pageId = editor.getPages()[0]?.id ?? editor.getCurrentPageId();
  const expected = zoneRecords(layout, pageId);
  const get = (id: TLShapeId) => editor.store.get(id) as ZoneShape | undefined;
  const writes = repair ? zonesToRepair(expected, get) : missingZones(expected, get);
  if (writes.length > 0 && localOnly) {
    editor.store.mergeRemoteChanges(() => editor.store.put(writes));
  } else if (writes.length > 0) {
    // Outside the undo history: undo must never take a zone away.
    withZoneWrites(() =>
      writeAutomatically(editor.store, () => editor.run(() => editor.store.put(writes), { history: 'ignore' })),
    );
  }
  return writes.length;
}
