/**
 * One role in the share dialog: what it may do, its link with a copy button
 * (or a note that this browser does not know it), and "rotate", which asks
 * once more before the old link stops working.
 */
import { useId, useRef, useState } from 'react';
import type { Role } from '../../../shared/roles.ts';
import { ApiError } from '../../api/boards.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { copyText } from './copy-text.ts';

export interface ShareLinkRowProps {
  role: Role;
  link: string | null;
  onRotate(): Promise<void>;
}

type Status = { kind: 'idle' } | { kind: 'copied' } | { kind: 'copy-failed' } | { kind: 'error'; message: string };

export function ShareLinkRow({ role, link, onRotate }: ShareLinkRowProps) {
  const { t } = useI18n();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>({ kind: 'idle' });

  const copy = async () => {
    if (!link) return;
    setStatus((await copyText(link, input.current)) ? { kind: 'copied' } : { kind: 'copy-failed' });
  };

  const rotate = async () => {
    setBusy(true);
    try {
      await onRotate();
      setStatus({ kind: 'idle' });
      setConfirming(false);
    } catch (error) {
      const message = error instanceof ApiError && error.status === 0 ? t('api.unreachable') : (error as Error).message;
      setStatus({ kind: 'error', message: t('share.rotateFailed', { error: message }) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <li className="share-role" data-testid={`share-${role}`} data-role={role}>
      <h3 id={`${id}-name`} className="share-role__name">
        {t(`role.${role}`)}
      </h3>
      <p className="share-role__may">{t(`role.${role}.may`)}</p>
      {link ? (
        <div className="share-role__link">
          <label htmlFor={`${id}-link`} className="sr-only">
            {t('share.linkLabel', { role: t(`role.${role}`) })}
          </label>
          <input
            ref={input}
            id={`${id}-link`}
            type="text"
            readOnly
            value={link}
            onFocus={(event) => event.currentTarget.select()}
            data-testid={`share-link-${role}`}
          />
          <button type="button" className="button button--primary" onClick={copy} aria-describedby={`${id}-name`}>
            {t('share.copy')}
          </button>
        </div>
      ) : (
        <p className="share-role__unknown muted">{t('share.unknown')}</p>
      )}
      <div className="share-role__rotate">
        {confirming ? (
          <>
            <span className="share-role__warning" id={`${id}-warning`}>
              {t('share.rotateWarning')}
            </span>
            <button
              type="button"
              className="button button--danger"
              onClick={rotate}
              disabled={busy}
              aria-describedby={`${id}-warning`}
              data-testid={`share-rotate-confirm-${role}`}
            >
              {busy ? t('share.rotating') : t('share.rotateConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setConfirming(false)}>
              {t('share.cancel')}
            </button>
          </>
        ) : (
          <button
            type="button"
            className="button button--quiet"
            onClick={() => setConfirming(true)}
            aria-describedby={`${id}-name`}
            data-testid={`share-rotate-${role}`}
          >
            {link ? t('share.rotate') : t('share.rotateUnknown')}
          </button>
        )}
      </div>
      <p
        className={`share-role__status${status.kind === 'copy-failed' ? ' share-role__status--failed' : ''}`}
        role="status"
      >
        {status.kind === 'copied' && t('share.copied')}
        {status.kind === 'copy-failed' && t('share.copyFailed')}
      </p>
      {status.kind === 'error' && (
        <p className="error" role="alert">
          {status.message}
        </p>
      )}
    </li>
  );
}
