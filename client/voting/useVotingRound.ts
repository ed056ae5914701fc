/** The board's voting round from the document's `meta.voting`, as React state, re-read when it changes. */
import { useCallback, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { isVotingRound, type VotingRound } from '../../shared/voting/voting.ts';

export function useVotingRound(doc: Y.Doc | null): VotingRound | null {
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = metaMap(doc);
      const handler = (event: Y.YMapEvent<unknown>) => event.keysChanged.has('voting') && onChange();
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [doc],
  );
  // Yjs hands out the same object for a value until it is set again: a stable snapshot.
  const value = useSyncExternalStore(subscribe, () => (doc ? metaMap(doc).get('voting') : null));
  return value && isVotingRound(value) ? value : null;
}
