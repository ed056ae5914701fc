/** React access to the board's undo: its state for buttons, and the page-wide shortcuts. */
import { useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { boardUndoFor, type UndoState } from './board-undo.ts';
import { boardTakesUndo, undoKey } from './undo-keys.ts';

export function useUndoState(doc: Y.Doc): UndoState {
  const undo = boardUndoFor(doc);
  return useSyncExternalStore(undo.subscribe, undo.getState);
}

/**
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y anywhere on the board page while `enabled`.
 * Listens on window in the capture phase, before tldraw's own shortcut
 * handler and before a text field's native undo, and stops the event there.
 */
export function useUndoShortcuts(doc: Y.Doc, enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return;
    const undo = boardUndoFor(doc);
    const onKeyDown = (event: KeyboardEvent) => {
      const action = undoKey(event);
      if (!action || !boardTakesUndo(event.target)) return;
      event.preventDefault();
      event.stopPropagation();
      if (action === 'undo') undo.undo();
      else undo.redo();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [doc, enabled]);
}
