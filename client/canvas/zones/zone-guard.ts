/**
 * Keeps people from moving, resizing, unlocking or deleting zones by accident.
 * `isLocked` alone is not enough: anyone can unlock a shape from the context
 * menu. These handlers refuse every change a person makes to a zone; the
 * layout (client/canvas/layout/) puts zones as remote changes, which pass.
 */
import { type Editor, getIndexBetween, type IndexKey, isPageId, type TLShape } from 'tldraw';
import { isZoneShape } from './ZoneShape.ts';

/**
 * A shape sent to the back would vanish behind the zones' tinted fill; this
 * keeps it just above the topmost zone (and below everything else) instead.
 */
function keepAboveZones(editor: Editor, shape: TLShape): TLShape {
  if (!isPageId(shape.parentId)) return shape;
  const siblings = editor
    .getSortedChildIdsForParent(shape.parentId)
    .filter((id) => id !== shape.id)
    .map((id) => editor.getShape(id))
    .filter((s): s is TLShape => s !== undefined);
  let topZone: IndexKey | null = null;
  for (const sibling of siblings) {
    if (isZoneShape(sibling) && (topZone === null || sibling.index > topZone)) topZone = sibling.index;
  }
  if (topZone === null || shape.index > topZone) return shape;
  const zoneTop = topZone;
  const lowestAbove = siblings.find((s) => !isZoneShape(s) && s.index > zoneTop)?.index ?? null;
  return { ...shape, index: getIndexBetween(zoneTop, lowestAbove) };
}

/** Registers the guard on an editor; returns the function that removes it. */
export function guardZones(editor: Editor): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user') return next;
    if (isZoneShape(prev)) return prev;
    // Only re-stacking can push a shape under the zones; skip the sibling scan for everything else.
    return prev.index === next.index ? next : keepAboveZones(editor, next);
  });
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source === 'user' && isZoneShape(shape)) return false;
    return undefined;
  });
  return () => {
    stopChange();
    stopDelete();
  };
}
