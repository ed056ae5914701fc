/**
 * The toast after a deletion: "Aktiviteten togs bort — Ångra". Polite live
 * region, so a screen reader hears it without losing its place; the button
 * undoes the person's last step (the deletion, unless they did more since).
 */
import { useEffect, useSyncExternalStore } from 'react';
import type * as Y from 'yjs';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { boardUndoFor } from './board-undo.ts';
import { currentDeletion, dismissDeleted, subscribeDeletions } from './deletion-notice.ts';
import './undo.css';

/** Long enough to read and reach the button; Ctrl+Z keeps working after it is gone. */
const TOAST_MS = 10_000;

export function UndoToast({ doc }: { doc: Y.Doc }) {
  const { t } = useI18n();
  const notice = useSyncExternalStore(
    (listener) => subscribeDeletions(doc, listener),
    () => currentDeletion(doc),
  );

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => dismissDeleted(doc), TOAST_MS);
    return () => clearTimeout(timer);
  }, [doc, notice]);

  let message = '';
  if (notice) {
    const [first] = notice.titles;
    if (notice.titles.length > 1) message = t('undo.deletedMany', { count: notice.titles.length });
    else message = first?.trim() ? t('undo.deletedNamed', { title: first.trim() }) : t('undo.deletedOne');
  }
  return (
    <div className="undo-toast-region" role="status" aria-live="polite">
      {notice && (
        <div className="undo-toast" data-testid="undo-toast">
          <span className="undo-toast__message">{message}</span>
          <button
            type="button"
            className="button button--primary"
            data-testid="undo-toast-undo"
            onClick={() => {
              boardUndoFor(doc).undo();
              dismissDeleted(doc);
            }}
          >
            {t('undo.undo')}
          </button>
          <button
            type="button"
            className="button button--quiet undo-toast__dismiss"
            aria-label={t('undo.dismiss')}
            title={t('undo.dismiss')}
            onClick={() => dismissDeleted(doc)}
          >
            ×
          </button>
        </div>
      )}
    </div>
  );
}
