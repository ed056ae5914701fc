/**
 * The dot-voting rounds and ballots of an SQLite store, replayed into another
 * store (`npm run migrate-store`): the VoteStore interface keeps ballots secret
 * and lists none, so they are read from the SQLite tables (sqlite-votes.ts) and
 * cast again through the interface, which checks them against the same caps.
 */
import type Database from 'better-sqlite3';
import type { BoardStore } from './store.ts';

interface RoundRow {
  board_id: string;
  round_id: string;
  votes_per_person: number;
  max_voters: number;
  open: number;
}

/** Copies the rounds of `boardIds`; returns how many votes were cast again. */
export async function copyVoteRounds(
  db: Database.Database,
  to: BoardStore,
  boardIds: Iterable<string>,
): Promise<number> {
  const selectRound = db.prepare<[string], RoundRow>('SELECT * FROM vote_rounds WHERE board_id = ?');
  const selectVotes = db.prepare<[string, string], { voter: string; card_id: string; count: number }>(
    'SELECT voter, card_id, count FROM votes WHERE board_id = ? AND round_id = ? ORDER BY voter, card_id',
  );
  let votes = 0;
  for (const boardId of boardIds) {
    const round = selectRound.get(boardId);
    if (!round) continue;
    await to.openVoteRound(boardId, round.round_id, round.votes_per_person, round.max_voters);
    for (const vote of selectVotes.all(boardId, round.round_id)) {
      const cast = await to.castVote(boardId, round.round_id, vote.voter, vote.card_id, vote.count);
      if ('refused' in cast) throw new Error(`board ${boardId}: a stored vote was refused (${cast.refused})`);
      votes++;
    }
    if (round.open !== 1) await to.closeVoteRound(boardId, round.round_id);
  }
  return votes;
}
