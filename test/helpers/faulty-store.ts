/**
 * Storage faults for tests: a store wrapper (startServer's `wrapStore` hook)
 * that refuses writes with the StorageError the SQLite adapter raises for
 * SQLITE_FULL and SQLITE_READONLY, so the server's refusal path runs exactly as
 * on a real disk (chmod cannot make a disk read-only for root).
 */
import { type BoardStore, StorageError } from '../../server/storage/store.ts';

export type Fault = 'none' | 'full' | 'read-only';

/** The adapter's own wording for these SQLite errors (its guard wraps every SQLite error in StorageError). */
const FAULT_ERRORS: Record<Exclude<Fault, 'none'>, string> = {
  full: 'storage write failed: database or disk is full',
  'read-only': 'storage write failed: attempt to write a readonly database',
};

/** Wraps a store so that, while `fault()` is set, every write fails the way that disk would. */
export function faultyStore(inner: BoardStore, fault: () => Fault): BoardStore {
  const guard =
    <A extends unknown[], R>(write: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> => {
      const current = fault();
      return current === 'none' ? write(...args) : Promise.reject(new StorageError(FAULT_ERRORS[current]));
    };
  return {
    ...inner,
    getBoard: inner.getBoard.bind(inner),
    listBoards: inner.listBoards.bind(inner),
    loadBoard: inner.loadBoard.bind(inner),
    pendingUpdateCount: inner.pendingUpdateCount.bind(inner),
    close: inner.close.bind(inner),
    createBoard: guard(inner.createBoard.bind(inner)),
    appendUpdates: guard(inner.appendUpdates.bind(inner)),
    compact: guard(inner.compact.bind(inner)),
  };
}
