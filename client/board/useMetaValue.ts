/**
 * One server-owned value of the board document's `meta` (the voting round, the drafting round)
 * as React state, re-read when that key changes; null when absent or not of its kind.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';

export function useMetaValue<T>(doc: Y.Doc | null, key: string, isValue: (value: unknown) => value is T): T | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = metaMap(doc);
      const handler = (event: Y.YMapEvent<unknown>) => event.keysChanged.has(key) && onChange();
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [doc, key],
  );
  // Yjs hands out the same object for a value until it is set again: a stable snapshot.
  const value = useSyncExternalStore(subscribe, () => (doc ? (metaMap(doc).get(key) ?? null) : null));
  return value !== null && isValue(value) ? value : null;
}
