/**
 * "Changes waiting": local edits made since the server last had our state.
 * Counted while the connection is not synced; the count returns to 0 once a
 * (re)connection has synced, because the sync answers the server's state
 * vector with everything it lacks (README "Sync", weak networks). Changes
 * the browser's local copy brought back from an earlier visit count too,
 * until that sync (README "Weak networks").
 */
export interface PendingChanges {
  readonly count: number;
  /** A local document update (not one that came from the server or the local copy). */
  localUpdate(synced: boolean): void;
  /** The local copy loaded, holding `count` changes the server lacked when the page was left. */
  restored(count: number, synced: boolean): void;
  /** The connection synced: the server now has everything. */
  synced(): void;
}

export function createPendingChanges(initial = 0, onChange: (count: number) => void = () => {}): PendingChanges {
  let count = initial;
  const add = (n: number) => {
    count += n;
    onChange(count);
  };
  return {
    get count() {
      return count;
    },
    localUpdate(synced) {
      if (!synced) add(1);
    },
    restored(stored, synced) {
      // Loaded after a sync, the copy's changes go out live like any edit.
      if (!synced && stored > 0) add(stored);
    },
    synced() {
      if (count === 0) return;
      count = 0;
      onChange(count);
    },
  };
}
