/**
 * The tldraw schema the `canvas` records were written with, kept in `meta`
 * (key `canvasSchema`). Nothing else in the document says which tldraw
 * version wrote the canvas, so a client compares it with its own before it
 * writes (ARCHITECTURE.md, "Schema drift"). Stored as plain JSON.
 */
import type * as Y from 'yjs';
import { metaMap, Origin } from './board-doc.ts';

export const CANVAS_SCHEMA_KEY = 'canvasSchema';

/** The stored schema (opaque JSON), or null when no canvas has been written yet. */
export function readCanvasSchema(doc: Y.Doc): object | null {
  const value = metaMap(doc).get(CANVAS_SCHEMA_KEY);
  return value && typeof value === 'object' ? value : null;
}

export function writeCanvasSchema(doc: Y.Doc, schema: object, origin: Origin = Origin.canvas): void {
  doc.transact(() => metaMap(doc).set(CANVAS_SCHEMA_KEY, schema), origin);
}
