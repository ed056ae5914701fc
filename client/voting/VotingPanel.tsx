/**
 * The facilitator's voting controls (README "Dot voting"): votes per person and what to vote on
 * (the whole board or one focus area), then start; while open, reveal the result or end the
 * round without showing it; once revealed, end it (the totals stay on the cards). The server
 * answers 403 to anyone else.
 */
import { useEffect, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { VOTES_PER_PERSON_MAX, type VotingRound } from '../../shared/voting/voting.ts';
import type { VotingAction } from '../../shared/voting/voting-api.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { HeaderPanel } from '../workshop/HeaderPanel.tsx';
import { NumberField } from '../workshop/NumberField.tsx';
import { fetchVotingStatus, openVoting, votingAction } from './voting-requests.ts';

interface VotingPanelProps {
  board: { id: string; token: string };
  round: VotingRound | null;
  template: Template;
}

/** How often the open panel asks how many have voted (a count, never whose votes). */
const VOTERS_POLL_MS = 4_000;

/** While the panel shows an open round: how many people have voted so far, or null before the first answer. */
function useVoterCount(board: { id: string; token: string }, roundId: string | null): number | null {
  const [voters, setVoters] = useState<number | null>(null);
  useEffect(() => {
    setVoters(null);
    if (roundId === null) return;
    let current = true;
    const ask = () =>
      fetchVotingStatus(board.id, board.token)
        .then((status) => current && status.voting?.id === roundId && setVoters(status.voters))
        .catch(() => {});
    void ask();
    const timer = setInterval(ask, VOTERS_POLL_MS);
    return () => {
      current = false;
      clearInterval(timer);
    };
  }, [board.id, board.token, roundId]);
  return voters;
}

export function VotingPanel({ board, round, template }: VotingPanelProps) {
  const { t, pick } = useI18n();
  const [open, setOpen] = useState(false);
  const [votes, setVotes] = useState(5);
  const [areaId, setAreaId] = useState('');
  const [message, setMessage] = useState('');
  const voters = useVoterCount(board, open && round?.stage === 'open' ? round.id : null);

  const run = async (work: () => Promise<unknown>) => {
    setMessage('');
    try {
      await work();
    } catch (error) {
      setMessage(t('voting.actionFailed', { error: (error as Error).message }));
    }
  };
  const act = (action: VotingAction) => run(() => votingAction(board.id, board.token, action));
  const start = () => run(() => openVoting(board.id, board.token, Math.round(votes), areaId === '' ? null : areaId));

  return (
    <HeaderPanel
      open={open}
      onOpenChange={setOpen}
      buttonLabel={t('voting.button')}
      panelLabel={t('voting.heading')}
      buttonTestId="voting-button"
    >
      <h2>{t('voting.heading')}</h2>
      {round?.stage === 'open' ? (
        <>
          <p>{t('voting.hiddenNote', { total: round.votesPerPerson })}</p>
          {voters !== null && <p data-testid="voting-voters">{t('voting.votersSoFar', { voters })}</p>}
          <div className="workshop-panel__row">
            <button
              type="button"
              className="button button--primary"
              onClick={() => act('reveal')}
              data-testid="voting-reveal"
            >
              {t('voting.reveal')}
            </button>
            <button
              type="button"
              className="button"
              onClick={() => window.confirm(t('voting.confirmDiscard')) && act('end')}
              data-testid="voting-discard"
            >
              {t('voting.discard')}
            </button>
          </div>
        </>
      ) : (
        <>
          {round?.stage === 'revealed' && (
            <div className="workshop-panel__row">
              <p>{t('voting.revealedNote', { voters: round.voters ?? 0 })}</p>
              <button type="button" className="button" onClick={() => act('end')} data-testid="voting-end">
                {t('voting.end')}
              </button>
            </div>
          )}
          <div className="workshop-panel__row">
            <NumberField
              label={t('voting.votesPerPerson')}
              min={1}
              max={VOTES_PER_PERSON_MAX}
              value={votes}
              onChange={setVotes}
              testId="voting-votes"
            />
            <label>
              {t('voting.scope')}{' '}
              <select value={areaId} onChange={(event) => setAreaId(event.target.value)} data-testid="voting-scope">
                <option value="">{t('voting.scope.board')}</option>
                {template.focusAreas.map((area) => (
                  <option key={area.id} value={area.id}>
                    {pick(area.title)}
                  </option>
                ))}
              </select>
            </label>
            <button type="button" className="button button--primary" onClick={start} data-testid="voting-open">
              {t('voting.open')}
            </button>
          </div>
        </>
      )}
      {message && (
        <p className="notice notice--error" role="alert">
          {message}
        </p>
      )}
    </HeaderPanel>
  );
}
