/** The SQLite side of VoteStore (see store.ts): the board's voting round and its ballots. */
import type Database from 'better-sqlite3';
import type { Ballot } from '../../shared/voting/voting.ts';
import type { VoteRefusal, VoteStore } from './store.ts';

export const VOTING_TABLES = `
CREATE TABLE vote_rounds (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  round_id TEXT NOT NULL,
  votes_per_person INTEGER NOT NULL,
  max_voters INTEGER NOT NULL,
  open INTEGER NOT NULL
);
CREATE TABLE votes (
  board_id TEXT NOT NULL REFERENCES boards(id),
  round_id TEXT NOT NULL,
  voter TEXT NOT NULL,
  card_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  PRIMARY KEY (board_id, round_id, voter, card_id)
);
`;

interface RoundRow {
  round_id: string;
  votes_per_person: number;
  max_voters: number;
  open: number;
}

const toBallot = (rows: { card_id: string; n: number }[]): Ballot =>
  Object.fromEntries(rows.map((row) => [row.card_id, row.n]));

/** Voting statements on an open database; `guard` turns SQLite errors into StorageError. */
export function sqliteVotes(db: Database.Database, guard: <T>(what: string, run: () => T) => T): VoteStore {
  const selectRound = db.prepare<[string], RoundRow>('SELECT * FROM vote_rounds WHERE board_id = ?');
  const upsertRound = db.prepare(
    `INSERT INTO vote_rounds (board_id, round_id, votes_per_person, max_voters, open) VALUES (?, ?, ?, ?, 1)
     ON CONFLICT(board_id) DO UPDATE SET round_id = excluded.round_id,
       votes_per_person = excluded.votes_per_person, max_voters = excluded.max_voters, open = 1`,
  );
  const closeRound = db.prepare('UPDATE vote_rounds SET open = 0 WHERE board_id = ? AND round_id = ?');
  const deleteRound = db.prepare('DELETE FROM vote_rounds WHERE board_id = ?');
  const deleteVotes = db.prepare('DELETE FROM votes WHERE board_id = ?');
  const selectBallot = db.prepare<[string, string, string], { card_id: string; n: number }>(
    'SELECT card_id, count AS n FROM votes WHERE board_id = ? AND round_id = ? AND voter = ?',
  );
  const selectTotals = db.prepare<[string, string], { card_id: string; n: number }>(
    'SELECT card_id, SUM(count) AS n FROM votes WHERE board_id = ? AND round_id = ? GROUP BY card_id',
  );
  const countVoters = db.prepare<[string, string], { n: number }>(
    'SELECT COUNT(DISTINCT voter) AS n FROM votes WHERE board_id = ? AND round_id = ?',
  );
  const upsertVote = db.prepare(
    `INSERT INTO votes (board_id, round_id, voter, card_id, count) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT(board_id, round_id, voter, card_id) DO UPDATE SET count = excluded.count`,
  );
  const deleteVote = db.prepare('DELETE FROM votes WHERE board_id = ? AND round_id = ? AND voter = ? AND card_id = ?');

  const open = db.transaction((boardId: string, roundId: string, votesPerPerson: number, maxVoters: number) => {
    deleteVotes.run(boardId);
    upsertRound.run(boardId, roundId, votesPerPerson, maxVoters);
  });
  const cast = db.transaction((boardId: string, roundId: string, voter: string, cardId: string, count: number) => {
    const round = selectRound.get(boardId);
    if (!round || round.round_id !== roundId || round.open !== 1) return { refused: 'closed' as VoteRefusal };
    const ballot = toBallot(selectBallot.all(boardId, roundId, voter));
    const elsewhere = Object.values(ballot).reduce((sum, n) => sum + n, 0) - (ballot[cardId] ?? 0);
    if (elsewhere + count > round.votes_per_person) return { refused: 'over' as VoteRefusal };
    const isNewVoter = Object.keys(ballot).length === 0;
    if (count > 0 && isNewVoter && (countVoters.get(boardId, roundId)?.n ?? 0) >= round.max_voters) {
      return { refused: 'voters' as VoteRefusal };
    }
    if (count === 0) deleteVote.run(boardId, roundId, voter, cardId);
    else upsertVote.run(boardId, roundId, voter, cardId, count);
    return { ballot: toBallot(selectBallot.all(boardId, roundId, voter)) };
  });
  const close = db.transaction((boardId: string, roundId: string) => {
    const round = selectRound.get(boardId);
    if (!round || round.round_id !== roundId) return undefined;
    closeRound.run(boardId, roundId);
    return {
      totals: toBallot(selectTotals.all(boardId, roundId)),
      voters: countVoters.get(boardId, roundId)?.n ?? 0,
    };
  });
  const forget = db.transaction((boardId: string) => {
    deleteVotes.run(boardId);
    deleteRound.run(boardId);
  });

  return {
    async openVoteRound(boardId, roundId, votesPerPerson, maxVoters) {
      guard('write', () => open(boardId, roundId, votesPerPerson, maxVoters));
    },
    async castVote(boardId, roundId, voter, cardId, count) {
      return guard('write', () => cast(boardId, roundId, voter, cardId, count));
    },
    async ballotOf(boardId, roundId, voter) {
      return guard('read', () => toBallot(selectBallot.all(boardId, roundId, voter)));
    },
    async closeVoteRound(boardId, roundId) {
      return guard('write', () => close(boardId, roundId));
    },
    async deleteVoteRounds(boardId) {
      guard('write', () => forget(boardId));
    },
  };
}
