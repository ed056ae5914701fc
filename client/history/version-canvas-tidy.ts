/**
 * A version's canvas as the live canvas would show it. The live canvas keeps
 * shapes and cards in step while someone has it open (card-shape-sync.ts);
 * a version saved while everyone was in the table can hold a shape whose card
 * is gone (shapeless cards are drawn by local-card-shapes.ts). A read-only
 * editor takes no edits, so this removes such shapes from the version's store
 * directly, as a remote change: nothing of it reaches any document.
 */
import type { Editor } from 'tldraw';
import type * as Y from 'yjs';
import { readCard } from '../../shared/card.ts';
import { isActivityCardShape } from '../canvas/card/ActivityCardShape.ts';

export function hideOrphanCardShapes(editor: Editor, doc: Y.Doc): void {
  const orphans = editor
    .getCurrentPageShapes()
    .filter(isActivityCardShape)
    .filter((shape) => !readCard(doc, shape.props.cardId))
    .map((shape) => shape.id);
  if (orphans.length > 0) editor.store.mergeRemoteChanges(() => editor.store.remove(orphans));
}
