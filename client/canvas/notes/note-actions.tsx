/**
 * Where "turn this note into an activity" is offered: a tldraw action (its
 * keyboard shortcut Shift+A, off while the canvas is read-only), an item at
 * the top of the canvas context menu when one note is selected, and the
 * toolbar button. All of them call the converter the card layer registers for
 * its editor, which only a page that may write registers.
 */
import {
  DefaultContextMenu,
  DefaultContextMenuContent,
  type Editor,
  type TLUiContextMenuProps,
  type TLUiOverrides,
  TldrawUiMenuActionItem,
  TldrawUiMenuGroup,
  useEditor,
  useValue,
} from 'tldraw';
import { cardText } from '../../cards/card-messages.ts';
import { selectedNote } from './note-to-card.ts';

export const NOTE_TO_CARD_ACTION = 'samtavla-note-to-card';
const LABEL = `action.${NOTE_TO_CARD_ACTION}`;

const converters = new WeakMap<Editor, (editor: Editor) => void>();

/** Lets the action convert notes on `editor`; returns the function that stops it. */
export function registerNoteConverter(editor: Editor, convert: (editor: Editor) => void): () => void {
  converters.set(editor, convert);
  return () => {
    if (converters.get(editor) === convert) converters.delete(editor);
  };
}

/**
 * Whether the note-to-card action can run on `editor` now. The reactive reads
 * come first: useValue tracks only the signals a call reads, and the converter
 * is registered after the context menu first renders.
 */
export function canConvertNote(editor: Editor): boolean {
  const noteSelected = selectedNote(editor) !== null;
  const writable = !editor.getIsReadonly();
  return noteSelected && writable && converters.has(editor);
}

export const noteOverrides: TLUiOverrides = {
  actions(editor, actions) {
    return {
      ...actions,
      [NOTE_TO_CARD_ACTION]: {
        id: NOTE_TO_CARD_ACTION,
        label: LABEL,
        kbd: 'shift+a',
        onSelect: () => {
          if (canConvertNote(editor)) converters.get(editor)?.(editor);
        },
      },
    };
  },
  translations: {
    sv: { [LABEL]: cardText('sv', null).t('note.toCard') },
    en: { [LABEL]: cardText('en', null).t('note.toCard') },
  },
};

/** tldraw's context menu, with "Gör till aktivitet" first when one note is selected on a page that may write. */
export function NoteContextMenu(props: TLUiContextMenuProps) {
  const editor = useEditor();
  const offered = useValue('note to card offered', () => canConvertNote(editor), [editor]);
  return (
    <DefaultContextMenu {...props}>
      {offered && (
        <TldrawUiMenuGroup id="samtavla-note">
          <TldrawUiMenuActionItem actionId={NOTE_TO_CARD_ACTION} />
        </TldrawUiMenuGroup>
      )}
      <DefaultContextMenuContent />
    </DefaultContextMenu>
  );
}
