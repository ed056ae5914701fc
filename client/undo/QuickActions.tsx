/**
 * tldraw's quick actions without its undo and redo buttons: those follow
 * tldraw's own history, which Samtavla does not use (board-undo.ts), so they
 * would sit greyed out beside our working "Ångra". Delete and duplicate stay.
 */
import {
  DefaultQuickActions,
  TldrawUiMenuActionItem,
  useEditor,
  useReadonly,
  useUnlockedSelectedShapesCount,
  useValue,
} from 'tldraw';

export function QuickActionsWithoutUndo() {
  const editor = useEditor();
  const readOnly = useReadonly();
  const oneSelected = useUnlockedSelectedShapesCount(1);
  const selecting = useValue('is in select state', () => editor.isIn('select'), [editor]);
  if (readOnly) return null;
  const disabled = !(oneSelected && selecting);
  return (
    <DefaultQuickActions>
      <TldrawUiMenuActionItem actionId="delete" disabled={disabled} />
      <TldrawUiMenuActionItem actionId="duplicate" disabled={disabled} />
    </DefaultQuickActions>
  );
}
