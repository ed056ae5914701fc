/** The facilitator's board settings: rename the board for everyone, or go on to delete it. */
import { type FormEvent, useState } from 'react';
import { BOARD_TITLE_MAX } from '../../../shared/api.ts';
import { ApiError } from '../../api/boards.ts';
import { Modal } from '../../app/Modal.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface BoardSettingsDialogProps {
  title: string;
  /** Saves the new title; a failure's message is shown in the dialog. */
  onRename(title: string): Promise<void>;
  onDelete(): void;
  onClose(): void;
}

export function BoardSettingsDialog({ title, onRename, onDelete, onClose }: BoardSettingsDialogProps) {
  const { t } = useI18n();
  const [value, setValue] = useState(title);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = value.trim();
    if (!next) {
      setError(t('home.create.titleRequired'));
      return;
    }
    if (next === title) {
      onClose();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await onRename(next);
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('admin.renameFailed', { error: reason }));
      setBusy(false);
    }
  };

  return (
    <Modal heading={t('admin.settings.heading')} onClose={onClose} testId="board-settings">
      <form onSubmit={submit} noValidate>
        <label className="field">
          <span className="field__label">{t('admin.rename.label')}</span>
          <input
            value={value}
            maxLength={BOARD_TITLE_MAX}
            onChange={(event) => setValue(event.target.value)}
            aria-describedby="rename-hint"
            data-testid="rename-input"
          />
          <span id="rename-hint" className="muted">
            {t('admin.rename.hint')}
          </span>
        </label>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <div className="modal__actions">
          <button type="button" className="button button--quiet" onClick={onClose}>
            {t('share.cancel')}
          </button>
          <button type="submit" className="button button--primary" disabled={busy} data-testid="rename-submit">
            {busy ? t('admin.saving') : t('admin.rename.submit')}
          </button>
        </div>
      </form>
      <section className="danger-zone" aria-labelledby="danger-heading">
        <h3 id="danger-heading">{t('admin.delete.heading')}</h3>
        <p className="muted">{t('admin.delete.hint')}</p>
        <button type="button" className="button button--danger" onClick={onDelete} data-testid="delete-board">
          {t('admin.delete.button')}
        </button>
      </section>
    </Modal>
  );
}
