/** What undo adds to every view of a board: the shortcuts and the deletion toast. */
import type * as Y from 'yjs';
import { UndoToast } from './UndoToast.tsx';
import { useUndoShortcuts } from './useUndo.ts';

export function BoardUndoLayer({ doc, enabled }: { doc: Y.Doc; enabled: boolean }) {
  useUndoShortcuts(doc, enabled);
  return enabled ? <UndoToast doc={doc} /> : null;
}
