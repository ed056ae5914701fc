/**
 * Historik: the board's versions, newest first — time, name or "Automatisk
 * version", who edited since the one before, and what changed, per focus
 * area. Any role may open a version; the facilitator may save a named one.
 */
import { useCallback, useEffect, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { type BoardAccess, type BoardVersion, listVersions } from '../api/history.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { PanelDialog } from './PanelDialog.tsx';
import { SaveVersionForm } from './SaveVersionForm.tsx';
import { errorText } from './TrashPanel.tsx';
import { areaLines, countsText, formatWhen, versionTitle } from './version-format.ts';

type Load = { kind: 'loading' } | { kind: 'failed'; error: string } | { kind: 'loaded'; versions: BoardVersion[] };

export interface HistoryPanelProps {
  board: BoardAccess;
  template: Template;
  mayRestore: boolean;
  onOpen(version: BoardVersion): void;
  onClose(): void;
}

export function HistoryPanel({ board, template, mayRestore, onOpen, onClose }: HistoryPanelProps) {
  const { t, lang, pick } = useI18n();
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [status, setStatus] = useState('');

  const refresh = useCallback(() => {
    let live = true;
    listVersions(board).then(
      (versions) => live && setLoad({ kind: 'loaded', versions }),
      (error) => live && setLoad({ kind: 'failed', error: errorText(error, t('api.unreachable')) }),
    );
    return () => {
      live = false;
    };
  }, [board, t]);
  useEffect(refresh, [refresh]);

  return (
    <PanelDialog heading={t('history.heading')} onClose={onClose} testId="history-panel">
      <p className="muted">{t('history.intro')}</p>
      {mayRestore && (
        <SaveVersionForm
          board={board}
          onSaved={(version) => {
            setStatus(t('history.saved', { name: version.name }));
            setLoad((prev) =>
              prev.kind === 'loaded' ? { kind: 'loaded', versions: [version, ...prev.versions] } : prev,
            );
          }}
        />
      )}
      <p className="side-panel__status" role="status" data-testid="history-status">
        {status}
      </p>
      {load.kind === 'loading' && <p aria-busy="true">{t('history.loading')}</p>}
      {load.kind === 'failed' && <p className="error">{t('history.failed', { error: load.error })}</p>}
      {load.kind === 'loaded' && load.versions.length === 0 && <p>{t('history.empty')}</p>}
      {load.kind === 'loaded' && load.versions.length > 0 && (
        <ol className="panel-list" data-testid="version-list">
          {load.versions.map((version) => {
            const title = versionTitle(version, t);
            const when = formatWhen(version.createdAt, lang);
            const summary = countsText(version.summary, t);
            const areas = areaLines(version.summary.areas ?? {}, template, t, pick);
            return (
              <li
                key={version.id}
                className={`panel-list__item version${version.auto ? ' version--auto' : ''}`}
                data-testid="version-item"
                data-version-id={version.id}
              >
                <div className="panel-list__main">
                  <span className="panel-list__title">
                    <time dateTime={version.createdAt}>{when}</time>
                    <span className="version__name">{title}</span>
                  </span>
                  <span className="panel-list__meta">
                    {version.editors.length > 0
                      ? t('history.editors', { names: version.editors.join(', ') })
                      : t('history.noEditors')}
                  </span>
                  <span className="panel-list__meta" data-testid="version-summary">
                    {summary || t('history.noChange')} ·{' '}
                    {version.cardCount === 1 ? t('history.cardsOne') : t('history.cards', { count: version.cardCount })}
                  </span>
                  {areas.length > 0 && (
                    <ul className="version__areas">
                      {areas.map((line) => (
                        <li key={line.areaId}>{line.text}</li>
                      ))}
                    </ul>
                  )}
                </div>
                <button
                  type="button"
                  className="button"
                  aria-label={t('history.openNamed', { name: `${title}, ${when}` })}
                  onClick={() => onOpen(version)}
                  data-testid="open-version"
                >
                  {t('history.open')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
    </PanelDialog>
  );
}
