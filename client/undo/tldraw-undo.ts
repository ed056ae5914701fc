/**
 * tldraw keeps its own undo history of the store; Samtavla's undo is the
 * board document's (board-undo.ts), which also covers the card editor and the
 * table. tldraw's undo and redo actions (its menus and its Ctrl+Z) are routed
 * to ours, so the two never take back different things.
 */
import type { TLUiOverrides } from 'tldraw';
import type { BoardUndo } from './board-undo.ts';

export function undoOverrides(undo: BoardUndo): TLUiOverrides {
  return {
    actions(_editor, actions) {
      const { undo: tlUndo, redo: tlRedo, delete: tlDelete } = actions;
      return {
        ...actions,
        // A deletion is its own step, never merged with the edit just before it.
        ...(tlDelete && {
          delete: {
            ...tlDelete,
            onSelect: (source) => {
              undo.stopCapturing();
              return tlDelete.onSelect(source);
            },
          },
        }),
        ...(tlUndo && { undo: { ...tlUndo, onSelect: () => undo.undo() } }),
        ...(tlRedo && { redo: { ...tlRedo, onSelect: () => undo.redo() } }),
      };
    },
  };
}
