/** The decisions in the document's meta as React state, re-read when the server writes them (README "Decisions"). */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import {
  type CardDecision,
  type DecisionLogEntry,
  readCardDecision,
  readDecisionLog,
} from '../../shared/decisions/decisions.ts';

/** Calls `onChange` whenever anything under meta.cardDecisions or meta.decisionLog changes. */
function subscribeDecisions(doc: Y.Doc | null, onChange: () => void): () => void {
  if (!doc) return () => {};
  const meta = metaMap(doc);
  const handler = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    for (const event of events) {
      const key = event.path[0];
      const touched =
        key === 'cardDecisions' ||
        key === 'decisionLog' ||
        (event.target === meta &&
          ((event as Y.YMapEvent<unknown>).keysChanged.has('cardDecisions') ||
            (event as Y.YMapEvent<unknown>).keysChanged.has('decisionLog')));
      if (touched) {
        onChange();
        return;
      }
    }
  };
  meta.observeDeep(handler);
  return () => meta.unobserveDeep(handler);
}

/** A snapshot that stays the same object until its JSON changes (useSyncExternalStore needs that). */
function useStableSnapshot<T>(doc: Y.Doc | null, read: () => T): T {
  const cache = useRef<{ json: string; value: T } | null>(null);
  const subscribe = useCallback((onChange: () => void) => subscribeDecisions(doc, onChange), [doc]);
  const getSnapshot = () => {
    const value = read();
    const json = JSON.stringify(value);
    if (!cache.current || cache.current.json !== json) cache.current = { json, value };
    return cache.current.value;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

export function useCardDecision(doc: Y.Doc, cardId: string): CardDecision | null {
  return useStableSnapshot(doc, () => readCardDecision(doc, cardId));
}

/** The log, newest first (as the panel lists it). */
export function useDecisionLog(doc: Y.Doc | null): DecisionLogEntry[] {
  return useStableSnapshot(doc, () => (doc ? readDecisionLog(doc).reverse() : []));
}
