/** "Ångra" / "Gör om" buttons for the board's undo: on the canvas, in the card editor and in the table. */
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { boardUndoFor } from './board-undo.ts';
import { useUndoState } from './useUndo.ts';
import './undo.css';

export function UndoButtons({ doc, className }: { doc: Y.Doc; className?: string }) {
  const { t } = useI18n();
  const { canUndo, canRedo } = useUndoState(doc);
  const undo = boardUndoFor(doc);
  return (
    // biome-ignore lint/a11y/useSemanticElements: a span fits inside a line of text (the table's summary); a fieldset does not.
    <span role="group" aria-label={t('undo.toolbar')} className={`undo-buttons${className ? ` ${className}` : ''}`}>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => undo.undo()}
        disabled={!canUndo}
        title={t('undo.undoHint')}
        data-testid="undo"
      >
        <span aria-hidden="true">↶</span> {t('undo.undo')}
      </button>
      <button
        type="button"
        className="button button--quiet"
        onClick={() => undo.redo()}
        disabled={!canRedo}
        title={t('undo.redoHint')}
        data-testid="redo"
      >
        <span aria-hidden="true">↷</span> {t('undo.redo')}
      </button>
    </span>
  );
}
