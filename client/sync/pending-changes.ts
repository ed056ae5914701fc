/**
 * "Changes waiting": local edits made since the server last had our state.
 * Counted while the connection is not synced; the count returns to 0 once a
 * (re)connection has synced, because the sync answers the server's state
 * vector with everything it lacks (README "Sync", weak networks).
 */
export interface PendingChanges {
  readonly count: number;
  /** A local document update (not one that came from the server). */
  localUpdate(synced: boolean): void;
  /** The connection synced: the server now has everything. */
  synced(): void;
}

export function createPendingChanges(initial = 0, onChange: (count: number) => void = () => {}): PendingChanges {
  let count = initial;
  return {
    get count() {
      return count;
    },
    localUpdate(synced) {
      if (synced) return;
      count++;
      onChange(count);
    },
    synced() {
      if (count === 0) return;
      count = 0;
      onChange(count);
    },
  };
}
