/** The toolbar button that turns the selected sticky note into an activity; shown only while one note is selected. */
import { type Editor, useValue } from 'tldraw';
import type { CardText } from '../../cards/card-messages.ts';
import { canConvertNote } from './note-actions.tsx';

export function NoteToCardButton({
  editor,
  text,
  onConvert,
}: {
  editor: Editor;
  text: CardText;
  onConvert: () => void;
}) {
  const offered = useValue('note to card offered', () => canConvertNote(editor), [editor]);
  if (!offered) return null;
  return (
    <button
      type="button"
      className="button"
      data-testid="note-to-card"
      title={text.t('note.toCardHint')}
      onClick={onConvert}
    >
      {text.t('note.toCard')}
    </button>
  );
}
