/**
 * The DOM side of row-mounting.ts for one table view: rows mount when their
 * placeholder comes within a screen of the visible part of the scroll
 * container, and the rest mount in table order while the page is idle, in
 * chunks sized to stay well inside a frame.
 */
import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { RowMounting } from './row-mounting.ts';

/** More rows than the first screen shows (a row is 140 px or more with real plan text); the observer adds any missing. */
const firstRows = () => Math.ceil((typeof window === 'undefined' ? 900 : window.innerHeight) / 100);

/** A board with at most this many cards renders every row at once (a row takes ≈ 2 ms in the table bench). */
const ALL_AT_ONCE_UP_TO = 50;

/**
 * Milliseconds of row rendering per idle callback. Each chunk also costs the
 * browser a layout of the table it grew, so fewer, larger chunks fill the
 * table sooner; this stays under the 50 ms at which a task delays input.
 */
const CHUNK_BUDGET_MS = 24;
const MIN_CHUNK = 8;

export interface TableRows {
  mounting: RowMounting;
  /** Mounts row `id` when `placeholder` nears the screen; returns the function that stops watching. */
  watch(placeholder: Element, id: string): () => void;
  /** The mounted row of card `id` in this table view. */
  rowElement(id: string): Element | null;
}

type IdleHandle = { cancel(): void };

/** requestIdleCallback, or a timeout where the browser has none (Safari). */
function whenIdle(callback: (deadline: { timeRemaining(): number }) => void): IdleHandle {
  if (typeof requestIdleCallback === 'function') {
    const handle = requestIdleCallback(callback, { timeout: 500 });
    return { cancel: () => cancelIdleCallback(handle) };
  }
  const handle = setTimeout(() => callback({ timeRemaining: () => CHUNK_BUDGET_MS }), 16);
  return { cancel: () => clearTimeout(handle) };
}

/** Row mounting for the cards `order` (table order) inside the scroll container `root`. */
export function useRowMounting(order: readonly string[], root: RefObject<Element | null>): TableRows {
  const [rows] = useState(() => createTableRows(new RowMounting(firstRows(), ALL_AT_ONCE_UP_TO), root));
  // In render, before the rows read it: the first render with cards mounts the first screenful.
  rows.mounting.setOrder(order);

  useLayoutEffect(() => () => rows.disconnect(), [rows]);
  // After every render: cards that arrived since the others mounted wait too. A no-op while a fill runs,
  // so renders (someone typing, presence) never restart it.
  useEffect(() => rows.fill());

  return rows;
}

function createTableRows(mounting: RowMounting, root: RefObject<Element | null>) {
  const idOf = new WeakMap<Element, string>();
  let observer: IntersectionObserver | undefined;
  const observerFor = () => {
    if (!observer && typeof IntersectionObserver === 'function') {
      observer = new IntersectionObserver(
        (entries) => {
          const near = entries.filter((entry) => entry.isIntersecting).map((entry) => idOf.get(entry.target));
          mounting.mount(near.filter((id): id is string => id !== undefined));
        },
        // A screen above and below the visible part: rows are ready before they scroll into view.
        { root: root.current, rootMargin: '100% 0px' },
      );
    }
    return observer;
  };
  // While rows wait, mount a chunk per idle callback; the chunk grows or shrinks with the time a row takes.
  let filling: IdleHandle | undefined;
  let perChunk = MIN_CHUNK;
  const step = (deadline: { timeRemaining(): number }) => {
    filling = undefined;
    const budget = Math.max(CHUNK_BUDGET_MS / 3, Math.min(CHUNK_BUDGET_MS, deadline.timeRemaining()));
    const started = performance.now();
    const count = flushSync(() => mounting.mountNext(perChunk));
    const msPerRow = (performance.now() - started) / Math.max(1, count);
    // At least a few rows: every chunk also costs a frame's layout and paint, whatever its size.
    perChunk = Math.max(MIN_CHUNK, Math.min(50, Math.floor(budget / Math.max(msPerRow, 0.1))));
    if (count > 0) filling = whenIdle(step);
  };
  return {
    mounting,
    fill() {
      if (!filling && mounting.pendingCount() > 0) filling = whenIdle(step);
    },
    watch(placeholder: Element, id: string) {
      const io = observerFor();
      idOf.set(placeholder, id);
      io?.observe(placeholder);
      return () => io?.unobserve(placeholder);
    },
    rowElement: (id: string) => root.current?.querySelector(`tr[data-card-id="${CSS.escape(id)}"]`) ?? null,
    disconnect() {
      filling?.cancel();
      filling = undefined;
      observer?.disconnect();
      observer = undefined;
    },
  };
}
