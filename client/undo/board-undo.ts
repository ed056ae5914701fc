/**
 * Undo and redo per person: one Yjs UndoManager per board document over
 * `cards` and `canvas`, one stack for both (dragging a card moves its shape
 * and sets its goal; one Ctrl+Z takes back both). It tracks only this
 * client's own writes (Origin.user, Origin.canvas), so undo never takes back
 * what someone else typed or moved, and a card it brings back returns with
 * every field (the manager keeps deleted content from being collected).
 * Writes the canvas makes by itself (placing another person's new card,
 * drawing zones) use Origin.canvasSync and stay out of the stack.
 */
import * as Y from 'yjs';
import { canvasMap, cardsMap, Origin } from '../../shared/board-doc.ts';

/** Edits closer together than this are one undo step (typing a word, a drag and its goal change). */
export const CAPTURE_TIMEOUT_MS = 500;

export interface UndoState {
  canUndo: boolean;
  canRedo: boolean;
}

export interface BoardUndo {
  undo(): void;
  redo(): void;
  /** Ends the current step: the next edit starts a new one (before a deletion, say). */
  stopCapturing(): void;
  getState(): UndoState;
  /** For useSyncExternalStore: called whenever the stacks change. */
  subscribe(listener: () => void): () => void;
}

/** Makes the undo of one document; exported for tests, the app uses boardUndoFor. */
export function createBoardUndo(doc: Y.Doc): BoardUndo {
  const manager = new Y.UndoManager([cardsMap(doc), canvasMap(doc)], {
    trackedOrigins: new Set<unknown>([Origin.user, Origin.canvas]),
    captureTimeout: CAPTURE_TIMEOUT_MS,
  });
  const listeners = new Set<() => void>();
  let state: UndoState = { canUndo: false, canRedo: false };
  const update = () => {
    const next = { canUndo: manager.canUndo(), canRedo: manager.canRedo() };
    if (next.canUndo === state.canUndo && next.canRedo === state.canRedo) return;
    state = next;
    for (const listener of [...listeners]) listener();
  };
  manager.on('stack-item-added', update);
  manager.on('stack-item-popped', update);
  manager.on('stack-cleared', update);
  doc.on('destroy', () => manager.destroy());
  return {
    undo: () => {
      manager.stopCapturing();
      manager.undo();
      update();
    },
    redo: () => {
      manager.redo();
      update();
    },
    stopCapturing: () => manager.stopCapturing(),
    getState: () => state,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

const undos = new WeakMap<Y.Doc, BoardUndo>();

/** The one undo of a document (canvas, card editor and table share it). */
export function boardUndoFor(doc: Y.Doc): BoardUndo {
  let undo = undos.get(doc);
  if (!undo) {
    undo = createBoardUndo(doc);
    undos.set(doc, undo);
  }
  return undo;
}
