/** Cards most voted first, the card order kept among equal totals (the table's "Sortera efter röster"). */
import type { Card } from '../../shared/card-schema.ts';
import { cardVoteTotal } from '../../shared/voting/voting.ts';

export function byVotes(cards: readonly Card[]): Card[] {
  return cards
    .map((card, at) => ({ card, at, total: cardVoteTotal(card.votes) }))
    .sort((a, b) => b.total - a.total || a.at - b.at)
    .map(({ card }) => card);
}
