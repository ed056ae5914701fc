/**
 * The board's template as React state: the document's own copy (meta.template,
 * shared/board-template.ts), re-read when meta changes, so a layout edit by the
 * facilitator reaches every open page live. Before the document has synced,
 * the built-in template the board's info names (if any) stands in.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

export function useBoardTemplate(doc: Y.Doc | null, fallbackId: string): Template | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = metaMap(doc);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [doc],
  );
  // readBoardTemplate caches by the stored value, so the snapshot is the same object until it changes.
  const getSnapshot = () => (doc && readBoardTemplate(doc)) || getTemplate(fallbackId) || null;
  return useSyncExternalStore(subscribe, getSnapshot);
}
