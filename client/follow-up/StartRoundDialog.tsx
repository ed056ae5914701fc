/**
 * "Starta uppföljning": the facilitator names the round (offered
 * "Uppföljning <year>") and its date, and the server starts it. A refusal
 * is said in words: a label in use, a full board, or the server's reason.
 */
import { type FormEvent, useState } from 'react';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import { ApiError } from '../api/boards.ts';
import { startRound } from '../api/rounds.ts';
import { Modal } from '../app/Modal.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { defaultRoundLabel, isoDay } from './follow-up-values.ts';

export interface StartRoundDialogProps {
  boardId: string;
  token: string;
  /** The labels the board's rounds already have (the offered label avoids them). */
  taken: readonly string[];
  onClose(): void;
}

export function StartRoundDialog({ boardId, token, taken, onClose }: StartRoundDialogProps) {
  const { t } = useI18n();
  const [today] = useState(() => new Date());
  const [label, setLabel] = useState(() => defaultRoundLabel(t('followUp.labelWord'), today, taken));
  const [date, setDate] = useState(() => isoDay(today));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const problem = (err: unknown): string => {
    if (err instanceof ApiError && err.status === 409) return t('followUp.labelTaken');
    if (err instanceof ApiError && err.status === 422) return t('followUp.full');
    if (err instanceof ApiError && err.status === 413) return t('followUp.tooLarge');
    const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
    return t('followUp.startFailed', { error: reason });
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const name = label.trim();
    if (!name) {
      setError(t('followUp.labelRequired'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await startRound(boardId, token, { label: name, date: date || null });
      onClose();
    } catch (err) {
      setError(problem(err));
      setBusy(false);
    }
  };

  return (
    <Modal heading={t('followUp.startHeading')} onClose={onClose} testId="start-round-dialog">
      <form onSubmit={submit} noValidate>
        <p className="muted">{t('followUp.startIntro')}</p>
        <label className="field">
          <span className="field__label">{t('followUp.label')}</span>
          <input
            value={label}
            maxLength={ROUND_LABEL_MAX}
            onChange={(event) => setLabel(event.target.value)}
            data-testid="round-label"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('followUp.date')}</span>
          <input type="date" value={date} onChange={(event) => setDate(event.target.value)} data-testid="round-date" />
        </label>
        {error && (
          <p className="error" role="alert" data-testid="start-round-error">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('followUp.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="start-round-submit">
            {busy ? t('followUp.submitting') : t('followUp.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
