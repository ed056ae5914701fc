/** A person's drafts of a board from this browser's store (draft-store.ts), as React state. */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { openDraftStore } from './draft-store.ts';
import { type Draft, draftsMap, readDrafts } from './drafts-doc.ts';

export interface DraftsState {
  /** The drafts' own document (never connected to anything), null until the store is open. */
  doc: Y.Doc | null;
  drafts: Draft[];
  /** True once the stored drafts are in: publishing waits for it, so none is missed. */
  loaded: boolean;
}

const NONE: DraftsState = { doc: null, drafts: [], loaded: false };

/** `author`'s drafts of the board (others who wrote at this computer under another name keep theirs). */
export function useDrafts(boardId: string, enabled: boolean, author: string): DraftsState {
  const [state, setState] = useState<DraftsState>(NONE);
  useEffect(() => {
    if (!enabled) return;
    const store = openDraftStore(boardId);
    let loaded = false;
    let open = true;
    const read = () => setState({ doc: store.doc, drafts: readDrafts(store.doc, author), loaded });
    const map = draftsMap(store.doc);
    map.observe(read);
    read();
    store.loaded.then(() => {
      loaded = true;
      if (open) read();
    });
    return () => {
      open = false;
      map.unobserve(read);
      store.close();
      setState(NONE);
    };
  }, [boardId, enabled, author]);
  return state;
}
