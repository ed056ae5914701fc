/**
 * Keeps people from moving, resizing, unlocking or deleting zones by accident.
 * `isLocked` alone is not enough: anyone can unlock a shape from the context
 * menu, and that would sync to everyone. These handlers refuse every change a
 * person makes to a zone; only the template repair (withZoneWrites) may write.
 * Remote changes are let through so the store never disagrees with the
 * document; a board re-checks its zones against the template when it opens.
 */
import type { Editor } from 'tldraw';
import { isZoneShape } from './ZoneShape.ts';

let zoneWritesAllowed = 0;

/** Runs `fn` with the guard lifted, for writes that restore zones from the template. */
export function withZoneWrites<T>(fn: () => T): T {
  zoneWritesAllowed++;
  try {
    return fn();
  } finally {
    zoneWritesAllowed--;
  }
}

/** Registers the guard on an editor; returns the function that removes it. */
export function guardZones(editor: Editor): () => void {
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) => {
    if (source !== 'user' || zoneWritesAllowed > 0 || !isZoneShape(prev)) return next;
    return prev;
  });
  const stopDelete = editor.sideEffects.registerBeforeDeleteHandler('shape', (shape, source) => {
    if (source === 'user' && zoneWritesAllowed === 0 && isZoneShape(shape)) return false;
    return undefined;
  });
  return () => {
    stopChange();
    stopDelete();
  };
}
