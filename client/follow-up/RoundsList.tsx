/**
 * The board's rounds, oldest first, the current one marked; the facilitator
 * may make another one current (PUT …/rounds/current). Everyone sees it, live.
 */
import { useState } from 'react';
import type { BoardRound } from '../../shared/follow-up/round-meta.ts';
import { ApiError } from '../api/boards.ts';
import { makeRoundCurrent } from '../api/rounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';

export interface RoundsListProps {
  boardId: string;
  token: string;
  rounds: readonly BoardRound[];
  current: string | null;
  facilitator: boolean;
}

export function RoundsList({ boardId, token, rounds, current, facilitator }: RoundsListProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = async (label: string) => {
    setBusy(true);
    setError(null);
    try {
      await makeRoundCurrent(boardId, token, label);
    } catch (err) {
      const reason = err instanceof ApiError && err.status === 0 ? t('api.unreachable') : (err as Error).message;
      setError(t('followUp.switchFailed', { error: reason }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="rounds-list" aria-labelledby="rounds-heading" data-testid="rounds-list">
      <h2 id="rounds-heading">{t('followUp.rounds')}</h2>
      {rounds.length === 0 ? (
        <p className="muted">{t('followUp.noRounds')}</p>
      ) : (
        <ul>
          {rounds.map((round) => {
            const isCurrent = round.label === current;
            return (
              <li key={round.label} data-round={round.label} aria-current={isCurrent ? 'true' : undefined}>
                <span className="rounds-list__label">{round.label}</span>
                {round.date && <span className="muted"> · {round.date}</span>}
                {isCurrent && <strong className="rounds-list__mark"> ({t('followUp.currentMark')})</strong>}
                {facilitator && !isCurrent && (
                  <button
                    type="button"
                    className="button button--quiet"
                    disabled={busy}
                    onClick={() => choose(round.label)}
                    data-testid="make-round-current"
                  >
                    {t('followUp.makeCurrent')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
