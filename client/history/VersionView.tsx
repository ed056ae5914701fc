/**
 * One version of the board, read-only, in place of the live views: its
 * document is fetched whole (`/versions/:vid/state`) into a fresh Y.Doc with
 * no connection, and shown by the same table and canvas components. A banner
 * says which version this is and leads back; the facilitator can restore it.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import * as Y from 'yjs';
import { readBoardTemplate } from '../../shared/board-template.ts';
import type { Template } from '../../shared/template.ts';
import { type BoardAccess, type BoardVersion, fetchVersionState, restoreVersion } from '../api/history.ts';
import { canvasAvailable } from '../app/runtime-config.ts';
import { ExportMenu } from '../export/ExportMenu.tsx';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PlanTables } from '../table/TablePage.tsx';
import { CompareView } from './CompareView.tsx';
import { errorText } from './TrashPanel.tsx';
import { VersionCanvas } from './VersionCanvas.tsx';
import { formatWhen } from './version-format.ts';

type Mode = 'table' | 'canvas' | 'compare';
type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'loaded'; doc: Y.Doc };

export interface VersionViewProps {
  board: BoardAccess;
  version: BoardVersion;
  template: Template;
  liveDoc: Y.Doc;
  mayRestore: boolean;
  /** Back to the live board; `message` says what happened (after a restore). */
  onBack(message?: string): void;
}

export function VersionView({ board, version, template, liveDoc, mayRestore, onBack }: VersionViewProps) {
  const { t, lang } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [mode, setMode] = useState<Mode>('table');
  const [restoring, setRestoring] = useState(false);
  const [error, setError] = useState('');
  const bannerId = useId();
  const bannerRef = useRef<HTMLHeadingElement>(null);
  // The view replaced the board under the person: say where they are now.
  useEffect(() => bannerRef.current?.focus(), []);
  const when = formatWhen(version.createdAt, lang);
  // A version is shown on the layout it had (its own copy of the template), the live one for older versions.
  const versionTemplate = useMemo(
    () => (load.kind === 'loaded' ? readBoardTemplate(load.doc) : null) ?? template,
    [load, template],
  );

  useEffect(() => {
    let live = true;
    const doc = new Y.Doc();
    fetchVersionState(board, version.id).then(
      (update) => {
        if (!live) return;
        try {
          Y.applyUpdate(doc, update);
          setLoad({ kind: 'loaded', doc });
        } catch (err) {
          setLoad({ kind: 'failed', error: (err as Error).message });
        }
      },
      (err) => live && setLoad({ kind: 'failed', error: errorText(err, t('api.unreachable')) }),
    );
    return () => {
      live = false;
      doc.destroy();
    };
  }, [board, version.id, t]);

  const restore = async () => {
    if (!window.confirm(t('version.restoreConfirm', { when }))) return;
    setRestoring(true);
    setError('');
    try {
      await restoreVersion(board, version.id);
      onBack(t('version.restored', { when }));
    } catch (err) {
      setError(t('version.restoreFailed', { error: errorText(err, t('api.unreachable')) }));
      setRestoring(false);
    }
  };

  const banner = version.name.trim()
    ? t('version.bannerNamed', { name: version.name.trim(), when })
    : t('version.banner', { when });
  const tab = (id: Mode, label: string) => (
    <button
      type="button"
      className={`view-toggle__link${mode === id ? ' is-active' : ''}`}
      aria-pressed={mode === id}
      onClick={() => setMode(id)}
      data-testid={`version-mode-${id}`}
    >
      {label}
    </button>
  );

  return (
    <section className="version-view" aria-labelledby={bannerId} data-testid="version-view">
      <div className="version-banner">
        <h2 id={bannerId} ref={bannerRef} tabIndex={-1} className="version-banner__title" data-testid="version-banner">
          {banner}
        </h2>
        {/* biome-ignore lint/a11y/useSemanticElements: a switch of views, like the header's. */}
        <div className="view-toggle" role="group" aria-label={t('version.views')}>
          {tab('table', t('version.viewTable'))}
          {canvasAvailable() && tab('canvas', t('version.viewCanvas'))}
          {tab('compare', t('version.viewCompare'))}
        </div>
        <ExportMenu boardId={board.boardId} token={board.token ?? ''} versionId={version.id} />
        {mayRestore && (
          <button
            type="button"
            className="button button--danger"
            onClick={restore}
            disabled={restoring || load.kind !== 'loaded'}
            data-testid="restore-version"
          >
            {restoring ? t('version.restoring') : t('version.restore')}
          </button>
        )}
        <button type="button" className="button button--primary" onClick={() => onBack()} data-testid="version-back">
          {t('version.back')}
        </button>
      </div>
      {error && (
        <p className="notice notice--error" role="alert">
          {error}
        </p>
      )}
      <div className="version-view__body">
        {load.kind === 'loading' && <p aria-busy="true">{t('version.loading')}</p>}
        {load.kind === 'failed' && <p className="notice notice--error">{t('version.failed', { error: load.error })}</p>}
        {load.kind === 'loaded' && mode === 'table' && (
          <PlanTables doc={load.doc} template={versionTemplate} readOnly personName="" />
        )}
        {load.kind === 'loaded' && mode === 'canvas' && <VersionCanvas doc={load.doc} template={versionTemplate} />}
        {load.kind === 'loaded' && mode === 'compare' && (
          <div className="version-view__compare">
            <CompareView versionDoc={load.doc} liveDoc={liveDoc} template={template} />
          </div>
        )}
      </div>
    </section>
  );
}
