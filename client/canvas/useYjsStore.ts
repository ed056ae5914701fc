/**
 * The tldraw store for one board, created once the document's first sync has
 * arrived (ARCHITECTURE.md's start-up order): check the canvas schema, load
 * `canvas` into the store, then start the two-way binding. Until then tldraw
 * shows its loading state, so nobody draws on a board that is not there yet.
 */
import { useEffect, useMemo, useState } from 'react';
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  defaultShapeUtils,
  type Signal,
  type TLStore,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw';
import type * as Y from 'yjs';
import { readCanvasSchema, writeCanvasSchema } from '../../shared/canvas-schema.ts';
import { checkCanvasSchema, migrateRecords } from './canvas-schema.ts';
import { customShapeUtils } from './shape-utils.ts';
import { applyToStore, bindStoreToCanvas, canvasRecords, writeCanvas } from './yjs-binding.ts';

export interface YjsStoreOptions {
  doc: Y.Doc;
  hasSynced: boolean;
  online: boolean;
  /** False when the board document itself may not be written (newer schemaVersion). */
  writable: boolean;
  /** The server closed the connection for good: read-only from now on, without rebuilding the store. */
  closed: boolean;
  currentUser: Signal<TLUser | null>;
}

export interface YjsStore {
  storeWithStatus: TLStoreWithStatus;
  /** True when this client only shows the canvas (document or canvas schema it must not write). */
  readOnly: boolean;
  /** Why it is read-only because of the canvas schema, separately from the document's own version. */
  canvasSchemaMismatch: boolean;
}

interface Loaded {
  store: TLStore;
  readOnly: boolean;
  canvasSchemaMismatch: boolean;
}

/** Loads `canvas` into a new store, migrating or refusing to write as the stored schema demands. */
function loadStore(doc: Y.Doc, writable: boolean, options: Parameters<typeof createTLStore>[0]): Loaded {
  const store = createTLStore(options);
  const stored = readCanvasSchema(doc);
  const check = checkCanvasSchema(store.schema, stored);
  let records = canvasRecords(doc);
  let mismatch = check === 'incompatible';
  if (check === 'upgrade' && stored) {
    const migrated = migrateRecords(store.schema, stored, records);
    if (migrated) {
      records = migrated;
      if (writable) writeCanvas(doc, { set: migrated, remove: [] });
    } else {
      mismatch = true;
    }
  }
  const readOnly = !writable || mismatch;
  if (!readOnly && check !== 'same') writeCanvasSchema(doc, store.schema.serialize());
  applyToStore(store, { put: records, remove: [] });
  return { store, readOnly, canvasSchemaMismatch: mismatch };
}

export function useYjsStore({ doc, hasSynced, online, writable, closed, currentUser }: YjsStoreOptions): YjsStore {
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Signals tldraw reads for its own offline badge and read-only mode.
  const $status = useMemo(() => atom<'online' | 'offline'>('connection status', 'offline'), []);
  const $mode = useMemo(() => atom<'readonly' | 'readwrite'>('collaboration mode', 'readwrite'), []);

  useEffect(() => {
    $status.set(online ? 'online' : 'offline');
  }, [online, $status]);

  useEffect(() => {
    if (!hasSynced) return;
    const result = loadStore(doc, writable, {
      // <Tldraw> adds the default shapes to its own list, but a store made here needs them spelled out.
      shapeUtils: [...defaultShapeUtils, ...customShapeUtils],
      bindingUtils: defaultBindingUtils,
      users: { currentUser },
      collaboration: { status: $status, mode: $mode },
    });
    $mode.set(result.readOnly ? 'readonly' : 'readwrite');
    const unbind = bindStoreToCanvas(result.store, doc, { readOnly: result.readOnly });
    setLoaded(result);
    return () => {
      unbind();
      setLoaded(null);
      result.store.dispose();
    };
  }, [doc, hasSynced, writable, currentUser, $status, $mode]);

  // tldraw follows the collaboration mode live: camera, selection and undo stay as they are.
  useEffect(() => {
    if (loaded) $mode.set(loaded.readOnly || closed ? 'readonly' : 'readwrite');
  }, [loaded, closed, $mode]);

  const storeWithStatus: TLStoreWithStatus = loaded
    ? { status: 'synced-remote', store: loaded.store, connectionStatus: online ? 'online' : 'offline' }
    : { status: 'loading' };
  return {
    storeWithStatus,
    readOnly: (loaded?.readOnly ?? !writable) || closed,
    canvasSchemaMismatch: loaded?.canvasSchemaMismatch ?? false,
  };
}
