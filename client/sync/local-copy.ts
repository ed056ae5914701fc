/**
 * The board's copy in this browser (IndexedDB through y-indexeddb), so edits
 * made offline survive a closed tab or laptop and are sent when the board is
 * next opened (README "Weak networks"). One database per board id, in this
 * browser profile only. Beside the document it keeps the number of changes
 * the server had not confirmed when the page was left, so the badge counts
 * them again after a reopen until the connection has synced.
 */
import { clearDocument, IndexeddbPersistence } from 'y-indexeddb';
import type * as Y from 'yjs';
import { forgetDrafts } from '../drafts/draft-store.ts';

/** The database name of a board's local copy (README "Weak networks": what is stored on the device). */
export const localCopyName = (boardId: string): string => `samtavla-board-${boardId}`;

const PENDING_KEY = 'pending';

/**
 * How long the page waits for the local copy before it connects anyway: a
 * browser whose IndexedDB never answers (some private modes) still opens the board.
 */
export const LOCAL_COPY_WAIT_MS = 2_000;

export interface LocalCopy {
  /** Resolves once the stored copy is in the document, with the changes it holds that the server lacked. */
  readonly loaded: Promise<number>;
  /** The source of the updates the load applies (not edits of the person's). */
  readonly origin: unknown;
  /** Whether the copy is being kept (false once discarded, closed or when IndexedDB failed). */
  readonly keeping: boolean;
  savePending(count: number): void;
  /** Stops keeping and deletes the copy: it holds what the server refused for good. */
  discard(): Promise<void>;
  /** Stops keeping (the page leaves the board); the copy stays for the next open. */
  close(): void;
}

/** Whether this browser offers IndexedDB at all (not in some embedded views). */
const hasIndexedDb = (): boolean => typeof indexedDB !== 'undefined';

export function openLocalCopy(boardId: string, doc: Y.Doc): LocalCopy | null {
  if (!hasIndexedDb()) return null;
  let persistence: IndexeddbPersistence;
  try {
    persistence = new IndexeddbPersistence(localCopyName(boardId), doc);
  } catch {
    return null;
  }
  let keeping = true;
  const stop = () => {
    if (!keeping) return;
    keeping = false;
    persistence.destroy().catch(() => {});
  };
  // Rejects when the database fails to open (quota, a private mode): the board then works without a copy.
  const loaded = persistence._db
    .then(() => persistence.whenSynced)
    .then(() => persistence.get(PENDING_KEY))
    .then((stored) => (typeof stored === 'number' && stored > 0 ? stored : 0));
  loaded.catch(stop);
  return {
    loaded,
    origin: persistence,
    get keeping() {
      return keeping;
    },
    savePending(count) {
      if (keeping) persistence.set(PENDING_KEY, count).catch(() => {});
    },
    async discard() {
      stop();
      await clearCopy(boardId);
    },
    close: stop,
  };
}

/** Deletes the board's copy alone: the server refused its content for good (the person's drafts stay). */
async function clearCopy(boardId: string): Promise<void> {
  if (!hasIndexedDb()) return;
  try {
    await clearDocument(localCopyName(boardId));
  } catch {
    // Nothing stored, or storage unavailable: nothing to forget.
  }
}

/**
 * Deletes what this browser keeps of a board, its copy and the person's
 * private drafts: the board is gone or this browser's access to it ended, so
 * neither could ever be sent. Never fails the page.
 */
export async function forgetLocalCopy(boardId: string): Promise<void> {
  await Promise.all([clearCopy(boardId), forgetDrafts(boardId)]);
}

/** `loaded`, or 0 once `ms` have passed without an answer (the board then opens without the copy's count). */
export function loadedWithin(copy: LocalCopy, ms: number): Promise<number> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(0), ms);
    copy.loaded.then(
      (count) => {
        clearTimeout(timer);
        resolve(count);
      },
      () => {
        clearTimeout(timer);
        resolve(0);
      },
    );
  });
}
