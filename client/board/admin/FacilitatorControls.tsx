/**
 * The facilitator's buttons in the board header: share links, lock/unlock
 * and the board settings (rename, delete). Nobody else sees them, and the
 * server answers 403 to anyone else who tries.
 */
import { lazy, Suspense, useEffect, useState } from 'react';
import { useNavigate } from 'react-router';
import type { Role } from '../../../shared/roles.ts';
import { forgetBoardAccess } from '../../access/access-store.ts';
import { deleteBoard, renameBoard, setBoardLocked } from '../../api/board-admin.ts';
import { ApiError } from '../../api/boards.ts';
import { GearIcon, LayoutIcon, LockIcon } from '../../app/icons.tsx';
import type { HomeState } from '../../home/HomePage.tsx';
import { forgetRecent } from '../../home/recent-boards.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { ShareDialog } from '../share/ShareDialog.tsx';
import { BoardSettingsDialog } from './BoardSettingsDialog.tsx';
import { DeleteBoardDialog } from './DeleteBoardDialog.tsx';
import './admin.css';

// The designer is the start page's and this dialog's only: loaded when the facilitator opens it.
const LayoutDialog = lazy(() => import('../../templates/LayoutDialog.tsx').then((m) => ({ default: m.LayoutDialog })));

export interface FacilitatorControlsProps {
  board: { id: string; title: string; token: string; locked: boolean };
  rotate(role: Role): Promise<string>;
}

type Open = 'share' | 'layout' | 'settings' | 'delete' | null;

export function FacilitatorControls({ board, rotate }: FacilitatorControlsProps) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [open, setOpen] = useState<Open>(null);
  // The lock the facilitator asked for, until the document's meta says it too.
  const [wanted, setWanted] = useState<boolean | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locked = wanted ?? board.locked;

  useEffect(() => {
    if (wanted === board.locked) setWanted(null);
  }, [wanted, board.locked]);

  const reason = (err: unknown) =>
    err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;

  const toggleLock = async () => {
    const next = !locked;
    setError(null);
    setWanted(next);
    try {
      await setBoardLocked(board.id, board.token, next);
    } catch (err) {
      setWanted(null);
      setError(t(next ? 'admin.lockFailed' : 'admin.unlockFailed', { error: reason(err) }));
    }
  };

  const rename = async (title: string) => {
    await renameBoard(board.id, board.token, title);
    setOpen(null);
  };

  const remove = async () => {
    await deleteBoard(board.id, board.token);
    forgetBoardAccess(board.id);
    forgetRecent(board.id);
    navigate('/', { state: { deletedTitle: board.title } satisfies HomeState });
  };

  return (
    <div className="facilitator-controls">
      <button
        type="button"
        className="button button--primary"
        onClick={() => setOpen('share')}
        aria-haspopup="dialog"
        data-testid="share-button"
      >
        {t('share.button')}
      </button>
      <button
        type="button"
        className={`button${locked ? ' button--locked' : ''}`}
        onClick={toggleLock}
        aria-pressed={locked}
        disabled={wanted !== null}
        title={t(locked ? 'admin.unlockHint' : 'admin.lockHint')}
        data-testid="lock-button"
      >
        <LockIcon open={!locked} /> {t('admin.lock')}
      </button>
      <button
        type="button"
        className="button button--quiet button--icon"
        onClick={() => setOpen('layout')}
        aria-haspopup="dialog"
        aria-label={t('layout.button')}
        title={t('layout.hint')}
        data-testid="layout-button"
      >
        <LayoutIcon />
      </button>
      <button
        type="button"
        className="button button--quiet button--icon"
        onClick={() => setOpen('settings')}
        aria-haspopup="dialog"
        aria-label={t('admin.settings')}
        title={t('admin.settings')}
        data-testid="board-settings-button"
      >
        <GearIcon />
      </button>
      {error && (
        <div className="header-error error" role="alert" data-testid="admin-error">
          <span>{error}</span>
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setError(null)}
            aria-label={t('export.dismiss')}
          >
            ×
          </button>
        </div>
      )}
      {open === 'share' && (
        <ShareDialog boardId={board.id} token={board.token} rotate={rotate} onClose={() => setOpen(null)} />
      )}
      {open === 'layout' && (
        <Suspense fallback={null}>
          <LayoutDialog boardId={board.id} token={board.token} onClose={() => setOpen(null)} />
        </Suspense>
      )}
      {open === 'settings' && (
        <BoardSettingsDialog
          title={board.title}
          onRename={rename}
          onDelete={() => setOpen('delete')}
          onClose={() => setOpen(null)}
        />
      )}
      {open === 'delete' && <DeleteBoardDialog title={board.title} onDelete={remove} onClose={() => setOpen(null)} />}
    </div>
  );
}
