/**
 * Where a person's drafts of a board live: this browser's IndexedDB, one
 * database per board (README "Running the workshop", private drafting), held
 * by y-indexeddb beside the board's own copy (client/sync/local-copy.ts) but
 * never connected to any provider, so no draft leaves the browser before it is
 * published.
 */
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';

/** The database name of a board's drafts (README: what is stored on the device). */
export const draftsStoreName = (boardId: string): string => `samtavla-drafts-${boardId}`;

export interface DraftStore {
  doc: Y.Doc;
  /** Resolves once the stored drafts are in `doc` (also when IndexedDB failed: the drafts then last this visit only). */
  loaded: Promise<void>;
  close(): void;
}

export function openDraftStore(boardId: string): DraftStore {
  const doc = new Y.Doc();
  let persistence: IndexeddbPersistence | null = null;
  try {
    if (typeof indexedDB !== 'undefined') persistence = new IndexeddbPersistence(draftsStoreName(boardId), doc);
  } catch {
    persistence = null;
  }
  const loaded = persistence
    ? persistence._db
        .then(() => persistence?.whenSynced)
        .then(
          () => {},
          () => {},
        )
    : Promise.resolve();
  return {
    doc,
    loaded,
    close() {
      persistence?.destroy().catch(() => {});
      doc.destroy();
    },
  };
}

/** Deletes a board's drafts from this browser (the board is gone or this browser's access ended). */
export async function forgetDrafts(boardId: string): Promise<void> {
  if (typeof indexedDB === 'undefined') return;
  try {
    await clearDocument(draftsStoreName(boardId));
  } catch {
    // Nothing stored, or storage unavailable.
  }
}
