/** The workshop's timer and agenda from the document's meta, as React state, re-read when they change. */
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { metaMap } from '../../shared/board-doc.ts';
import { type Agenda, isAgenda, type Restriction, restrictionOf } from '../../shared/workshop/agenda.ts';
import { isTimerState, type TimerState } from '../../shared/workshop/timer.ts';

export interface WorkshopView {
  timer: TimerState | null;
  agenda: Agenda | null;
}

const EMPTY: WorkshopView = { timer: null, agenda: null };

export function useWorkshop(doc: Y.Doc | null): WorkshopView {
  const cache = useRef<{ doc: Y.Doc | null; timer: unknown; agenda: unknown; view: WorkshopView }>({
    doc: null,
    timer: undefined,
    agenda: undefined,
    view: EMPTY,
  });
  const subscribe = useCallback(
    (onChange: () => void) => {
      if (!doc) return () => {};
      const map = metaMap(doc);
      const handler = (event: Y.YMapEvent<unknown>) => {
        if (event.keysChanged.has('timer') || event.keysChanged.has('agenda')) onChange();
      };
      map.observe(handler);
      return () => map.unobserve(handler);
    },
    [doc],
  );
  // Yjs hands out the same object for a value until it is set again: a stable snapshot.
  const getSnapshot = () => {
    const c = cache.current;
    const map = doc ? metaMap(doc) : null;
    const timer = map?.get('timer');
    const agenda = map?.get('agenda');
    if (c.doc !== doc || c.timer !== timer || c.agenda !== agenda) {
      c.doc = doc;
      c.timer = timer;
      c.agenda = agenda;
      c.view = { timer: isTimerState(timer) ? timer : null, agenda: isAgenda(agenda) ? agenda : null };
    }
    return c.view;
  };
  return useSyncExternalStore(subscribe, getSnapshot);
}

/** What the current phase lets participants do (the server enforces it; the page follows). */
export function usePhaseRestriction(doc: Y.Doc | null): Restriction {
  return restrictionOf(useWorkshop(doc).agenda);
}
