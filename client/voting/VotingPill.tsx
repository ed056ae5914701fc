/**
 * The round in the board header, for everyone (README "Dot voting"): while open, how many of
 * this person's votes are left (a viewer sees only that voting goes on); after the reveal, that
 * the result shows. A polite live region says when a round opens and when its result shows, and
 * a refused vote is said at once.
 */
import { useEffect, useRef, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useVotingView } from './voting-context.ts';

export function VotingPill({ template }: { template: Template }) {
  const { t, pick } = useI18n();
  const voting = useVotingView();
  const { round } = voting;
  const area = round?.areaId ? template.focusAreas.find((a) => a.id === round.areaId) : undefined;
  const on = area ? t('voting.pill.area', { area: pick(area.title) }) : '';

  const [announcement, setAnnouncement] = useState('');
  const seen = useRef(round ? `${round.id}:${round.stage}` : '');
  useEffect(() => {
    const key = round ? `${round.id}:${round.stage}` : '';
    if (key === seen.current) return;
    seen.current = key;
    if (round?.stage === 'open') setAnnouncement(t('voting.announce.open', { total: round.votesPerPerson }));
    if (round?.stage === 'revealed') setAnnouncement(t('voting.announce.revealed'));
  }, [round, t]);

  return (
    <>
      {round && (
        <span className="workshop-pill vote-pill" data-testid="voting-pill" data-stage={round.stage}>
          {round.stage === 'revealed'
            ? t('voting.pill.revealed')
            : voting.canVote
              ? t('voting.pill.open', { left: voting.left, total: round.votesPerPerson })
              : t('voting.pill.watching')}
          {on}
        </span>
      )}
      <span className="sr-only" aria-live="polite">
        {announcement}
      </span>
      {voting.problem && (
        <span className="vote-problem" role="alert" data-testid="voting-problem">
          {voting.problem}
        </span>
      )}
    </>
  );
}
