/**
 * The board's follow-up rounds and its current round, live: the server writes
 * them into meta when a round starts or another is made current, and every
 * open view re-renders with them.
 */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { type BoardRound, currentRoundLabel, readRounds } from '../../shared/follow-up/round-meta.ts';

export interface RoundsState {
  rounds: BoardRound[];
  current: string | null;
}

export function useRounds(doc: Y.Doc): RoundsState {
  const cache = useRef<{ doc: Y.Doc | null; state: RoundsState; key: string }>({
    doc: null,
    state: { rounds: [], current: null },
    key: '',
  });
  const subscribe = useCallback(
    (onChange: () => void) => {
      const map = metaMap(doc);
      map.observe(onChange);
      return () => map.unobserve(onChange);
    },
    [doc],
  );
  // A stable snapshot between changes: meta changes for other reasons too (title, lock), so compare what we read.
  const getSnapshot = () => {
    const rounds = readRounds(doc);
    const current = currentRoundLabel(doc);
    const key = JSON.stringify([rounds, current]);
    const c = cache.current;
    if (c.doc !== doc || c.key !== key) cache.current = { doc, state: { rounds, current }, key };
    return cache.current.state;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}
