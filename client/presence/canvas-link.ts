/**
 * What the header's people list may ask of the open canvas (README "Following
 * and summoning"): follow a person, read this view for a summon. The canvas
 * registers itself while mounted; on the table view there is none. A plain
 * store, not a tldraw atom, so the header does not pull tldraw into the
 * table's bundle.
 */
import { useSyncExternalStore } from 'react';
import type { SummonBounds } from '../../shared/workshop/summon.ts';

export interface CanvasLink {
  /** The person being followed, or null. */
  following: { id: string; name: string } | null;
  follow(personId: string | null): void;
  /** The part of the canvas this page shows, in page coordinates. */
  viewBounds(): SummonBounds;
  /** Moves this page's view to `bounds` (a summon). */
  show(bounds: SummonBounds): void;
}

let current: CanvasLink | null = null;
/** A summon that arrived while no canvas was open: shown when one opens. */
let pending: SummonBounds | null = null;
const listeners = new Set<() => void>();

export function setCanvasLink(link: CanvasLink | null): void {
  current = link;
  if (link && pending) {
    link.show(pending);
    pending = null;
  }
  for (const listener of listeners) listener();
}

/** A new summon: the canvas shows it now, or when it opens; "Följ mig" also follows there and then. */
export function showSummoned(bounds: SummonBounds, follow?: string): void {
  if (!current) {
    pending = bounds;
    return;
  }
  current.show(bounds);
  if (follow) current.follow(follow);
}

/** Leaving the board: nothing left waiting for the next board's canvas. */
export function forgetSummoned(): void {
  pending = null;
}

export const getCanvasLink = (): CanvasLink | null => current;

export function useCanvasLink(): CanvasLink | null {
  return useSyncExternalStore(
    (onChange) => {
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
    () => current,
  );
}
