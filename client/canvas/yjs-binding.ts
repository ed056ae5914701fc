/**
 * Binds a tldraw store to the board document's `canvas` map, both ways
 * (ARCHITECTURE.md, "tldraw 5.4 ↔ Yjs"):
 *  - local edits (store source 'user', document scope) are written into
 *    `canvas` in one transaction with Origin.canvas;
 *  - changes from elsewhere are applied with `store.mergeRemoteChanges`, which
 *    tags them 'remote', so the user listener never echoes them back.
 * Zone and card shapes are the layout's (client/canvas/layout/), the same on
 * every client: they are never written, and ones an old board stored are skipped.
 * The translation steps are pure functions, tested without a browser.
 */
import type { RecordsDiff, TLRecord, TLStore } from 'tldraw';
import type * as Y from 'yjs';
import { canvasMap, Origin } from '../../shared/board-doc.ts';
import { isLayoutRecord } from '../../shared/canvas-contract.ts';

export interface CanvasWrites {
  set: TLRecord[];
  remove: string[];
}

/** What one store change means for `canvas`: updated records are written whole (last writer wins per record). */
export function canvasWritesFromDiff(changes: RecordsDiff<TLRecord>): CanvasWrites {
  const set = [...Object.values(changes.added), ...Object.values(changes.updated).map(([, to]) => to)];
  return {
    set: set.filter((record) => !isLayoutRecord(record.id, record)),
    remove: Object.values(changes.removed)
      .filter((record) => !isLayoutRecord(record.id, record))
      .map((record) => record.id),
  };
}

export interface StoreOps {
  put: TLRecord[];
  remove: TLRecord['id'][];
}

/**
 * What a change to `canvas` means for the store. `read` returns the map's
 * current value for a key. A key whose value is not a record (corrupt or
 * foreign data) is skipped rather than crashing the canvas.
 */
export function storeOpsFromCanvasChange(
  keys: ReadonlyMap<string, { action: 'add' | 'update' | 'delete' }>,
  read: (key: string) => unknown,
): StoreOps {
  const ops: StoreOps = { put: [], remove: [] };
  for (const [key, change] of keys) {
    if (isLayoutRecord(key, read(key))) continue;
    if (change.action === 'delete') {
      ops.remove.push(key as TLRecord['id']);
      continue;
    }
    const value = read(key);
    if (isRecord(value, key)) ops.put.push(value);
  }
  return ops;
}

export function isRecord(value: unknown, key: string): value is TLRecord {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { id?: unknown }).id === key &&
    typeof (value as { typeName?: unknown }).typeName === 'string'
  );
}

/** Every record in `canvas`, skipping entries that are not records and the layout's shapes. */
export function canvasRecords(doc: Y.Doc): TLRecord[] {
  const records: TLRecord[] = [];
  for (const [key, value] of canvasMap(doc))
    if (isRecord(value, key) && !isLayoutRecord(key, value)) records.push(value);
  return records;
}

/** Writes records into `canvas` in one transaction, so others receive them as one update. */
export function writeCanvas(doc: Y.Doc, writes: CanvasWrites, origin: Origin = Origin.canvas): void {
  if (writes.set.length === 0 && writes.remove.length === 0) return;
  const canvas = canvasMap(doc);
  doc.transact(() => {
    for (const record of writes.set) canvas.set(record.id, record);
    for (const id of writes.remove) canvas.delete(id);
  }, origin);
}

/** How many writeAutomatically calls are running, per store. */
const automaticDepth = new WeakMap<TLStore, number>();

/**
 * Runs store changes the canvas makes by itself, not the person: they reach
 * `canvas` with Origin.canvasSync, so the person's undo never takes them back.
 * The store tells its listeners on the next frame; flushing before and after
 * hands exactly these changes to the binding while the flag is up.
 */
export function writeAutomatically(store: TLStore, fn: () => void): void {
  store._flushHistory();
  automaticDepth.set(store, (automaticDepth.get(store) ?? 0) + 1);
  try {
    fn();
    store._flushHistory();
  } finally {
    automaticDepth.set(store, (automaticDepth.get(store) ?? 1) - 1);
  }
}

const originOfStoreChange = (store: TLStore): Origin =>
  (automaticDepth.get(store) ?? 0) > 0 ? Origin.canvasSync : Origin.canvas;

/** Applies store ops as remote changes; a record tldraw rejects is logged and skipped, not fatal. */
export function applyToStore(store: TLStore, ops: StoreOps): void {
  if (ops.put.length === 0 && ops.remove.length === 0) return;
  store.mergeRemoteChanges(() => {
    const removable = ops.remove.filter((id) => store.has(id));
    if (removable.length) store.remove(removable);
    try {
      if (ops.put.length) store.put(ops.put);
    } catch (error) {
      // One bad record must not stop the others: retry one by one and report the bad ones.
      for (const record of ops.put) {
        try {
          store.put([record]);
        } catch (recordError) {
          console.warn(`Samtavla: skipped canvas record ${record.id}`, recordError);
        }
      }
      console.warn('Samtavla: a canvas update held an invalid record', error);
    }
  });
}

export interface BindOptions {
  /** Only the Yjs → store direction runs, so this client never writes (a viewer, an incompatible canvas). */
  readOnly?: boolean;
  /**
   * Asked before each local change is written; false drops the change (a
   * participant while the board is locked: the server would refuse it, and a
   * change kept in the document would be resent, and accepted, after unlocking).
   */
  mayWrite?: () => boolean;
  /** Runs inside each write's transaction, before the records: records the canvas schema with the first write. */
  alongside?: () => void;
}

/**
 * Starts the two-way binding. With `readOnly` only the Yjs → store direction
 * runs, so a read-only client never writes. Returns the function that stops it.
 */
export function bindStoreToCanvas(
  store: TLStore,
  doc: Y.Doc,
  { readOnly = false, mayWrite = () => true, alongside }: BindOptions = {},
): () => void {
  const canvas = canvasMap(doc);
  const write = (writes: CanvasWrites, origin: Origin) => {
    if ((writes.set.length === 0 && writes.remove.length === 0) || !mayWrite()) return;
    doc.transact(() => {
      alongside?.();
      writeCanvas(doc, writes, origin);
    }, origin);
  };
  const stopListening = readOnly
    ? () => {}
    : store.listen(({ changes }) => write(canvasWritesFromDiff(changes), originOfStoreChange(store)), {
        source: 'user',
        scope: 'document',
      });
  const observer = (event: Y.YMapEvent<unknown>, transaction: Y.Transaction) => {
    // Our own writes are already in the store; applying them again would loop.
    if (transaction.local && (transaction.origin === Origin.canvas || transaction.origin === Origin.canvasSync)) return;
    applyToStore(
      store,
      storeOpsFromCanvasChange(event.changes.keys, (key) => canvas.get(key)),
    );
  };
  canvas.observe(observer);
  return () => {
    stopListening();
    canvas.unobserve(observer);
  };
}
