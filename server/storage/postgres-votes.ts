/**
 * The PostgreSQL side of VoteStore (see store.ts), as sqlite-votes.ts keeps
 * it: the board's voting round and its hidden ballots. A vote is checked
 * against the caps with the round's row locked, so votes cast through several
 * processes at once still hold to them.
 */
import type { PoolClient } from 'pg';
import type { Ballot } from '../../shared/voting/voting.ts';
import type { PostgresPool } from './postgres-pool.ts';
import type { VoteRefusal, VoteStore } from './store.ts';

export const VOTING_TABLES = `
CREATE TABLE vote_rounds (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  round_id TEXT NOT NULL,
  votes_per_person INTEGER NOT NULL,
  max_voters INTEGER NOT NULL,
  open BOOLEAN NOT NULL
);
CREATE TABLE votes (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
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
  open: boolean;
}

const toBallot = (rows: { card_id: string; n: string | number }[]): Ballot =>
  Object.fromEntries(rows.map((row) => [row.card_id, Number(row.n)]));

async function ballot(client: PoolClient, boardId: string, roundId: string, voter: string): Promise<Ballot> {
  const { rows } = await client.query<{ card_id: string; n: number }>(
    'SELECT card_id, count AS n FROM votes WHERE board_id = $1 AND round_id = $2 AND voter = $3',
    [boardId, roundId, voter],
  );
  return toBallot(rows);
}

async function voterCount(client: PoolClient, boardId: string, roundId: string): Promise<number> {
  const { rows } = await client.query<{ n: string }>(
    'SELECT count(DISTINCT voter) AS n FROM votes WHERE board_id = $1 AND round_id = $2',
    [boardId, roundId],
  );
  return Number(rows[0]?.n ?? 0);
}

export function postgresVotes(db: PostgresPool): VoteStore {
  /** The board's round, its row locked until the transaction ends. */
  const lockedRound = async (client: PoolClient, boardId: string) =>
    (await client.query<RoundRow>('SELECT * FROM vote_rounds WHERE board_id = $1 FOR UPDATE', [boardId])).rows[0];

  return {
    async openVoteRound(boardId, roundId, votesPerPerson, maxVoters) {
      await db.transaction('write', async (client) => {
        await client.query('DELETE FROM votes WHERE board_id = $1', [boardId]);
        await client.query(
          `INSERT INTO vote_rounds (board_id, round_id, votes_per_person, max_voters, open) VALUES ($1, $2, $3, $4, TRUE)
           ON CONFLICT (board_id) DO UPDATE SET round_id = excluded.round_id,
             votes_per_person = excluded.votes_per_person, max_voters = excluded.max_voters, open = TRUE`,
          [boardId, roundId, votesPerPerson, maxVoters],
        );
      });
    },
    async castVote(boardId, roundId, voter, cardId, count) {
      return db.transaction('write', async (client) => {
        const round = await lockedRound(client, boardId);
        if (!round || round.round_id !== roundId || !round.open) return { refused: 'closed' as VoteRefusal };
        const current = await ballot(client, boardId, roundId, voter);
        const elsewhere = Object.values(current).reduce((sum, n) => sum + n, 0) - (current[cardId] ?? 0);
        if (elsewhere + count > round.votes_per_person) return { refused: 'over' as VoteRefusal };
        const isNewVoter = Object.keys(current).length === 0;
        if (count > 0 && isNewVoter && (await voterCount(client, boardId, roundId)) >= round.max_voters) {
          return { refused: 'voters' as VoteRefusal };
        }
        if (count === 0) {
          await client.query(
            'DELETE FROM votes WHERE board_id = $1 AND round_id = $2 AND voter = $3 AND card_id = $4',
            [boardId, roundId, voter, cardId],
          );
        } else {
          await client.query(
            `INSERT INTO votes (board_id, round_id, voter, card_id, count) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (board_id, round_id, voter, card_id) DO UPDATE SET count = excluded.count`,
            [boardId, roundId, voter, cardId, count],
          );
        }
        return { ballot: await ballot(client, boardId, roundId, voter) };
      });
    },
    async ballotOf(boardId, roundId, voter) {
      const rows = await db.query<{ card_id: string; n: number }>(
        'read',
        'SELECT card_id, count AS n FROM votes WHERE board_id = $1 AND round_id = $2 AND voter = $3',
        [boardId, roundId, voter],
      );
      return toBallot(rows);
    },
    async closeVoteRound(boardId, roundId) {
      return db.transaction('write', async (client) => {
        const round = await lockedRound(client, boardId);
        if (!round || round.round_id !== roundId) return undefined;
        await client.query('UPDATE vote_rounds SET open = FALSE WHERE board_id = $1 AND round_id = $2', [
          boardId,
          roundId,
        ]);
        const { rows } = await client.query<{ card_id: string; n: string }>(
          'SELECT card_id, sum(count) AS n FROM votes WHERE board_id = $1 AND round_id = $2 GROUP BY card_id',
          [boardId, roundId],
        );
        return { totals: toBallot(rows), voters: await voterCount(client, boardId, roundId) };
      });
    },
    async deleteVoteRounds(boardId) {
      await db.transaction('write', async (client) => {
        await client.query('DELETE FROM votes WHERE board_id = $1', [boardId]);
        await client.query('DELETE FROM vote_rounds WHERE board_id = $1', [boardId]);
      });
    },
  };
}
