/**
 * A card's votes, on its canvas face and in its table row (README "Dot voting"): while a round
 * is open on the card, this person's own votes on it with − and + (nobody else's: the server
 * sends no one else's ballot); after the reveal, and until a later round on it, the card's total
 * (when it got any).
 */
import type { PointerEvent } from 'react';
import type { Card } from '../../shared/card-schema.ts';
import { cardVoteTotal } from '../../shared/voting/voting.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useVotingView } from './voting-context.ts';
import './voting.css';

// tldraw starts a selection on pointer-down; the buttons on a canvas card must get their click instead.
const keepPointer = (event: PointerEvent) => event.stopPropagation();

export function VoteControl({ card, title, compact }: { card: Card; title: string; compact?: boolean }) {
  const { t } = useI18n();
  const voting = useVotingView();
  const { round } = voting;
  const covered = round !== null && voting.covers(card);
  if (round?.stage === 'open' && covered) {
    if (!voting.canVote || compact) return null;
    const mine = voting.ballot[card.id] ?? 0;
    return (
      // biome-ignore lint/a11y/useSemanticElements: a fieldset would break the card's one-line layout; the group is labelled.
      <span className="vote-control" role="group" aria-label={t('voting.group', { title })} data-testid="vote-control">
        <button
          type="button"
          className="vote-control__button"
          onPointerDown={keepPointer}
          onClick={() => voting.vote(card.id, mine - 1)}
          disabled={mine === 0}
          aria-label={t('voting.remove', { title })}
          data-testid="vote-remove"
        >
          −
        </button>
        <span className="vote-control__count" data-testid="vote-mine" title={t('voting.mineHint')}>
          {mine}
        </span>
        <button
          type="button"
          className="vote-control__button"
          onPointerDown={keepPointer}
          onClick={() => voting.vote(card.id, mine + 1)}
          disabled={voting.left === 0}
          aria-label={t('voting.add', { title })}
          data-testid="vote-add"
        >
          +
        </button>
      </span>
    );
  }
  // A card nobody voted on shows nothing: 34 badges saying "0 röster" would hide the few that count.
  const total = cardVoteTotal(card.votes);
  if (total === 0) return null;
  return (
    <span className="vote-total" data-testid="vote-total" data-count={total}>
      {t(total === 1 ? 'voting.total.one' : 'voting.total.many', { count: total })}
    </span>
  );
}
