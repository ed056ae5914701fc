/** The board's meta map as React state, re-read whenever it changes (title edits, lock …). */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { type BoardMeta, metaMap, readMeta } from '../../shared/board-doc.ts';

export function useBoardMeta(doc: Y.Doc | null): BoardMeta | null {
  const cache = useRef<{ doc: Y.Doc | null; meta: BoardMeta | null; dirty: boolean }>({
    doc: null,
    meta: null,
    dirty: true,
  });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = metaMap(doc);
      const handler = () => {
        cache.current.dirty = true;
        onChange();
      };
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [doc],
  );
  // useSyncExternalStore needs a stable snapshot between changes, so re-read only when marked dirty.
  const getSnapshot = () => {
    const c = cache.current;
    if (c.doc !== doc || c.dirty) {
      c.doc = doc;
      c.meta = doc ? readMeta(doc) : null;
      c.dirty = false;
    }
    return c.meta;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}
