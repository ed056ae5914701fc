/**
 * `/rollup`: the regional roll-up (README "Follow-up, the next plan and the
 * regional roll-up"). Boards come in by their share links or from this
 * browser's recent boards (with the tokens it stored), the server adds them
 * up, and its refusals are shown here in its own words.
 */

import { type FormEvent, useState } from 'react';
import { ROUND_LABEL_MAX } from '../../shared/follow-up/round-limits.ts';
import type { Rollup } from '../../shared/plan/rollup.ts';
import { tokenFor } from '../access/access-store.ts';
import { ApiError } from '../api/boards.ts';
import { fetchRollup, fetchRollupFile, type RollupRequest } from '../api/rollups.ts';
import { AppHeader } from '../app/AppHeader.tsx';
import { fileNameFrom } from '../export/export-choices.ts';
import { saveFile } from '../export/save-file.ts';
import '../follow-up/follow-up.css';
import './rollup.css';
import { loadRecent } from '../home/recent-boards.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { RollupResult } from './RollupResult.tsx';
import { boardFromLink } from './rollup-links.ts';

interface Chosen {
  id: string;
  token: string;
  /** The title the browser knows (recent boards), else the id. */
  name: string;
}

export function RollupPage() {
  const { t, lang } = useI18n();
  const [chosen, setChosen] = useState<Chosen[]>([]);
  const [link, setLink] = useState('');
  const [linkError, setLinkError] = useState<string | null>(null);
  const [round, setRound] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [rollup, setRollup] = useState<Rollup | null>(null);
  const recent = loadRecent().flatMap((board) => {
    const token = tokenFor(board.id);
    return token ? [{ id: board.id, token, name: board.title }] : [];
  });

  const add = (board: Chosen) => {
    if (chosen.some((c) => c.id === board.id)) return setLinkError(t('rollup.already'));
    setLinkError(null);
    setChosen((list) => [...list, board]);
  };
  const addLink = (event: FormEvent) => {
    event.preventDefault();
    const board = boardFromLink(link);
    if (!board) return setLinkError(t('rollup.badLink'));
    add({ ...board, name: recent.find((r) => r.id === board.id)?.name ?? board.id });
    setLink('');
  };
  const body = (): RollupRequest => ({
    boards: chosen.map(({ id, token }) => ({ id, token })),
    ...(round.trim() ? { round: round.trim() } : {}),
  });
  const failed = (err: unknown) => {
    const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
    setError(t('rollup.failed', { error: reason }));
  };
  const combine = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setRollup(await fetchRollup(body()));
    } catch (err) {
      setRollup(null);
      failed(err);
    } finally {
      setBusy(false);
    }
  };
  const download = async (format: 'xlsx' | 'docx') => {
    setError(null);
    try {
      const { blob, disposition } = await fetchRollupFile(body(), format, lang);
      saveFile(blob, fileNameFrom(disposition) ?? `regional-sammanstallning.${format}`);
    } catch (err) {
      failed(err);
    }
  };

  return (
    <div className="page">
      <AppHeader />
      <main className="home rollup">
        <h1>{t('rollup.heading')}</h1>
        <p>{t('rollup.intro')}</p>
        <form className="panel" onSubmit={addLink}>
          <label htmlFor="rollup-link">{t('rollup.pasteLabel')}</label>
          <p className="muted" id="rollup-link-hint">
            {t('rollup.pasteHint', { example: `${window.location.origin}/b/…#token=…` })}
          </p>
          <input
            id="rollup-link"
            type="url"
            value={link}
            aria-describedby="rollup-link-hint"
            onChange={(event) => setLink(event.target.value)}
          />{' '}
          <button type="submit" className="button">
            {t('rollup.add')}
          </button>
          {linkError && (
            <p className="error" role="alert">
              {linkError}
            </p>
          )}
          {recent.length > 0 && (
            <fieldset>
              <legend>{t('rollup.recent')}</legend>
              {recent.map((board) => (
                <button
                  key={board.id}
                  type="button"
                  className="button button--quiet"
                  disabled={chosen.some((c) => c.id === board.id)}
                  onClick={() => add(board)}
                >
                  + {board.name}
                </button>
              ))}
            </fieldset>
          )}
        </form>
        <form className="panel" onSubmit={combine}>
          <h2>{t('rollup.chosen')}</h2>
          {chosen.length === 0 ? (
            <p className="muted">{t('rollup.none')}</p>
          ) : (
            <ul data-testid="rollup-chosen">
              {chosen.map((board) => (
                <li key={board.id}>
                  {board.name}{' '}
                  <button
                    type="button"
                    className="button button--quiet"
                    aria-label={t('rollup.remove', { board: board.name })}
                    onClick={() => setChosen((list) => list.filter((c) => c.id !== board.id))}
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <label htmlFor="rollup-round">{t('rollup.round')}</label>
          <p className="muted" id="rollup-round-hint">
            {t('rollup.roundHint')}
          </p>
          <input
            id="rollup-round"
            value={round}
            maxLength={ROUND_LABEL_MAX}
            aria-describedby="rollup-round-hint"
            onChange={(event) => setRound(event.target.value)}
          />{' '}
          <button type="submit" className="button" disabled={chosen.length === 0 || busy} aria-busy={busy}>
            {busy ? t('rollup.working') : t('rollup.submit')}
          </button>
          {error && (
            <p className="error" role="alert" data-testid="rollup-error">
              {error}
            </p>
          )}
        </form>
        {rollup && (
          <>
            <fieldset className="report-menu">
              <legend className="report-menu__label">{t('rollup.download')}</legend>
              {(['xlsx', 'docx'] as const).map((format) => (
                <button key={format} type="button" className="button" onClick={() => download(format)}>
                  {t(`rollup.${format}`)}
                </button>
              ))}
            </fieldset>
            <RollupResult rollup={rollup} />
          </>
        )}
      </main>
    </div>
  );
}
