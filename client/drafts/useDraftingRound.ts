/** The board's drafting round (`meta.drafting`, written by the server only) as React state. */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { type DraftingRound, isDraftingRound } from '../../shared/workshop/drafting.ts';

export function useDraftingRound(doc: Y.Doc | null): DraftingRound | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = metaMap(doc);
      const handler = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has('drafting')) onChange();
      };
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [doc],
  );
  // Yjs hands out the same object for a value until it is set again: a stable snapshot.
  const getSnapshot = () => {
    const round = doc ? (metaMap(doc).get('drafting') ?? null) : null;
    return isDraftingRound(round) ? round : null;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}
