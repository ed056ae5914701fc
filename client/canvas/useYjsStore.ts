/**
 * The tldraw store for one board, created once the document's first sync has
 * arrived (ARCHITECTURE.md's start-up order): check the canvas schema, load
 * `canvas` into the store, then start the two-way binding. Until then tldraw
 * shows its loading state, so nobody draws on a board that is not there yet.
 *
 * Who may write what: a viewer (writable false) writes nothing at all; a
 * participant records the canvas schema only when none is stored (the server
 * refuses other meta writes from non-facilitators) and writes nothing while
 * the board is locked; a facilitator also migrates an older canvas up.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  atom,
  createTLStore,
  defaultBindingUtils,
  type Signal,
  type TLStore,
  type TLStoreWithStatus,
  type TLUser,
} from 'tldraw';
import type * as Y from 'yjs';
import { Origin } from '../../shared/board-doc.ts';
import { readCanvasSchema, writeCanvasSchema } from '../../shared/canvas-schema.ts';
import { checkCanvasSchema, migrateRecords } from './canvas-schema.ts';
import { boardShapeUtils } from './shape-utils.ts';
import { applyToStore, bindStoreToCanvas, canvasRecords, writeCanvas } from './yjs-binding.ts';

export interface YjsStoreOptions {
  doc: Y.Doc;
  hasSynced: boolean;
  online: boolean;
  /** False when this client must never write the board document (a viewer, a newer schemaVersion). */
  writable: boolean;
  /** Whether this client may rewrite a stored canvas schema (migrate an older canvas): the facilitator. */
  mayUpgradeCanvas: boolean;
  /** Read-only for now, live, without rebuilding the store: a locked board, or a final close of the connection. */
  paused: boolean;
  currentUser: Signal<TLUser | null>;
}

/** Why the canvas is read-only because of its stored schema, apart from the document's own version. */
export type CanvasSchemaProblem = 'newer' | 'needs-upgrade';

export interface YjsStore {
  storeWithStatus: TLStoreWithStatus;
  /** True when this client only shows the canvas, for now or for good. */
  readOnly: boolean;
  /** True when the canvas is read-only for the whole session (never while only paused). */
  readOnlyForGood: boolean;
  canvasSchemaProblem: CanvasSchemaProblem | null;
}

interface Loaded {
  store: TLStore;
  readOnly: boolean;
  problem: CanvasSchemaProblem | null;
  /** Writes our schema with the first canvas write, when the board has none yet. */
  schemaToRecord: object | null;
}

/** Loads `canvas` into a new store, migrating or refusing to write as the stored schema demands. */
function loadStore(
  doc: Y.Doc,
  { writable, mayUpgrade }: { writable: boolean; mayUpgrade: boolean },
  options: Parameters<typeof createTLStore>[0],
): Loaded {
  const store = createTLStore(options);
  const stored = readCanvasSchema(doc);
  const check = checkCanvasSchema(store.schema, stored);
  let records = canvasRecords(doc);
  let problem: CanvasSchemaProblem | null = check === 'incompatible' ? 'newer' : null;
  if (check === 'upgrade' && stored) {
    const migrated = migrateRecords(store.schema, stored, records);
    if (!migrated) {
      problem = 'newer';
    } else {
      records = migrated;
      if (writable && mayUpgrade) {
        doc.transact(() => {
          writeCanvas(doc, { set: migrated, remove: [] });
          writeCanvasSchema(doc, store.schema.serialize());
        }, Origin.canvas);
      } else if (writable) {
        // Only the facilitator may rewrite the stored schema (the server refuses it from others).
        problem = 'needs-upgrade';
      }
    }
  }
  const readOnly = !writable || problem !== null;
  applyToStore(store, { put: records, remove: [] });
  return { store, readOnly, problem, schemaToRecord: check === 'unset' ? store.schema.serialize() : null };
}

export function useYjsStore(options: YjsStoreOptions): YjsStore {
  const { doc, hasSynced, online, writable, mayUpgradeCanvas, paused, currentUser } = options;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  // Signals tldraw reads for its own offline badge and read-only mode.
  const $status = useMemo(() => atom<'online' | 'offline'>('connection status', 'offline'), []);
  const $mode = useMemo(() => atom<'readonly' | 'readwrite'>('collaboration mode', 'readwrite'), []);
  // Read by the binding on every local change, so a lock takes effect without rebuilding the store.
  const pausedRef = useRef(paused);
  pausedRef.current = paused;

  useEffect(() => {
    $status.set(online ? 'online' : 'offline');
  }, [online, $status]);

  useEffect(() => {
    if (!hasSynced) return;
    const result = loadStore(
      doc,
      { writable, mayUpgrade: mayUpgradeCanvas },
      {
        // <Tldraw> adds the default shapes to its own list, but a store made here needs them spelled out.
        shapeUtils: boardShapeUtils,
        bindingUtils: defaultBindingUtils,
        users: { currentUser },
        collaboration: { status: $status, mode: $mode },
      },
    );
    $mode.set(result.readOnly || pausedRef.current ? 'readonly' : 'readwrite');
    const { schemaToRecord } = result;
    const unbind = bindStoreToCanvas(result.store, doc, {
      readOnly: result.readOnly,
      mayWrite: () => !pausedRef.current,
      alongside: schemaToRecord
        ? () => {
            if (!readCanvasSchema(doc)) writeCanvasSchema(doc, schemaToRecord);
          }
        : undefined,
    });
    setLoaded(result);
    return () => {
      unbind();
      setLoaded(null);
      result.store.dispose();
    };
  }, [doc, hasSynced, writable, mayUpgradeCanvas, currentUser, $status, $mode]);

  // tldraw follows the collaboration mode live: camera, selection and undo stay as they are.
  useEffect(() => {
    if (loaded) $mode.set(loaded.readOnly || paused ? 'readonly' : 'readwrite');
  }, [loaded, paused, $mode]);

  const storeWithStatus: TLStoreWithStatus = loaded
    ? { status: 'synced-remote', store: loaded.store, connectionStatus: online ? 'online' : 'offline' }
    : { status: 'loading' };
  const readOnlyForGood = loaded?.readOnly ?? !writable;
  return {
    storeWithStatus,
    readOnly: readOnlyForGood || paused,
    readOnlyForGood,
    canvasSchemaProblem: loaded?.problem ?? null,
  };
}
