/** "Delete the board?" naming it: deleting is for everyone and cannot be undone, so it is asked once more. */
import { useState } from 'react';
import { ApiError } from '../../api/boards.ts';
import { Modal } from '../../app/Modal.tsx';
import { useI18n } from '../../i18n/I18nProvider.tsx';

export interface DeleteBoardDialogProps {
  title: string;
  onDelete(): Promise<void>;
  onClose(): void;
}

export function DeleteBoardDialog({ title, onDelete, onClose }: DeleteBoardDialogProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onDelete();
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('admin.deleteFailed', { error: reason }));
      setBusy(false);
    }
  };

  return (
    <Modal heading={t('admin.delete.confirmHeading', { title })} onClose={onClose} testId="delete-board-dialog" alert>
      <p>{t('admin.delete.confirmBody')}</p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div className="modal__actions">
        {/* The safe answer first; showModal() focuses the dialog's first control (its close button), never Delete. */}
        <button type="button" className="button" onClick={onClose}>
          {t('share.cancel')}
        </button>
        <button
          type="button"
          className="button button--danger"
          onClick={confirm}
          disabled={busy}
          data-testid="delete-board-confirm"
        >
          {busy ? t('admin.deleting') : t('admin.delete.confirm')}
        </button>
      </div>
    </Modal>
  );
}
