/**
 * Papperskorg: the cards deleted from this board, newest first, with who
 * deleted them and when; "Återställ" puts one back into its goal for
 * everyone (the server writes it into the live board). Not for viewers.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import { findGoal, type Template } from '../../shared/template.ts';
import { ApiError } from '../api/boards.ts';
import { type BoardAccess, type DeletedCard, listDeletedCards, restoreDeletedCard } from '../api/history.ts';
import { useCards } from '../cards/card-hooks.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PanelDialog } from './PanelDialog.tsx';
import { formatWhen } from './version-format.ts';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'loaded'; cards: DeletedCard[] };

export function errorText(error: unknown, unreachable: string): string {
  return error instanceof ApiError && error.status === 0 ? unreachable : (error as Error).message;
}

export interface TrashPanelProps {
  board: BoardAccess;
  /** The live board: a card that is back on it (undone, restored) is not listed, whatever the server kept. */
  doc: Y.Doc;
  template: Template;
  onClose(): void;
}

export function TrashPanel({ board, doc, template, onClose }: TrashPanelProps) {
  const { t, lang, pick } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const onBoard = new Set(useCards(doc).map((card) => card.id));
  const listed = load.kind === 'loaded' ? load.cards.filter((card) => !onBoard.has(card.cardId)) : [];

  useEffect(() => {
    let live = true;
    listDeletedCards(board).then(
      (cards) => live && setLoad({ kind: 'loaded', cards }),
      (error) => live && setLoad({ kind: 'failed', error: errorText(error, t('api.unreachable')) }),
    );
    return () => {
      live = false;
    };
  }, [board, t]);

  const untitled = t('trash.untitled');
  const restore = async (card: DeletedCard) => {
    setBusy(card.cardId);
    setMessage(null);
    try {
      await restoreDeletedCard(board, card.cardId);
      setLoad((prev) =>
        prev.kind === 'loaded' ? { kind: 'loaded', cards: prev.cards.filter((c) => c.cardId !== card.cardId) } : prev,
      );
      setMessage({ text: t('trash.restored', { title: card.title.trim() || untitled }), error: false });
    } catch (error) {
      setMessage({ text: t('trash.restoreFailed', { error: errorText(error, t('api.unreachable')) }), error: true });
    } finally {
      setBusy(null);
    }
  };

  return (
    <PanelDialog heading={t('trash.heading')} onClose={onClose} testId="trash-panel">
      <p className="muted">{t('trash.intro')}</p>
      <p className={message?.error ? 'error' : 'side-panel__status'} role="status" data-testid="trash-status">
        {message?.text}
      </p>
      {load.kind === 'loading' && <p aria-busy="true">{t('trash.loading')}</p>}
      {load.kind === 'failed' && <p className="error">{t('trash.failed', { error: load.error })}</p>}
      {load.kind === 'loaded' && listed.length === 0 && <p data-testid="trash-empty">{t('trash.empty')}</p>}
      {listed.length > 0 && (
        <ul className="panel-list">
          {listed.map((card) => {
            const title = card.title.trim() || untitled;
            const place = card.goalId ? findGoal(template, card.goalId) : undefined;
            const when = formatWhen(card.deletedAt, lang);
            return (
              <li key={card.cardId} className="panel-list__item" data-testid="trash-item" data-card-id={card.cardId}>
                <div className="panel-list__main">
                  <span className="panel-list__title">{title}</span>
                  <span
                    className="panel-list__meta panel-list__place"
                    title={place ? pick(place.goal.title) : undefined}
                  >
                    {place ? `${place.goal.id} ${pick(place.goal.title)}` : t('trash.noGoal')}
                  </span>
                  <span className="panel-list__meta">
                    {card.deletedBy.trim()
                      ? t('trash.deletedBy', { who: card.deletedBy.trim(), when })
                      : t('trash.deletedAt', { when })}
                  </span>
                </div>
                <button
                  type="button"
                  className="button"
                  aria-label={t('trash.restoreNamed', { title })}
                  disabled={busy !== null}
                  onClick={() => restore(card)}
                  data-testid="trash-restore"
                >
                  {busy === card.cardId ? t('trash.restoring') : t('trash.restore')}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </PanelDialog>
  );
}
