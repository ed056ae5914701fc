/**
 * The PostgreSQL side of HistoryStore (see store.ts): versions and deleted
 * cards, kept as the SQLite store keeps them (sqlite-history.ts): version
 * states deflated, a board's trash bounded to its newest deletions.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type { PostgresPool } from './postgres-pool.ts';
import { MAX_DELETED_CARDS } from './sqlite-history.ts';
import type { HistoryStore, VersionInfo } from './store.ts';

const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

interface VersionRow {
  id: string;
  name: string;
  created_at: string;
  auto: boolean;
  card_count: number;
  editors: string;
  summary: string;
}

const VERSION_COLUMNS = 'id, name, created_at, auto, card_count, editors, summary';

const toVersion = (row: VersionRow): VersionInfo => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  auto: row.auto,
  cardCount: row.card_count,
  editors: JSON.parse(row.editors) as string[],
  summary: JSON.parse(row.summary) as VersionInfo['summary'],
});

export function postgresHistory(db: PostgresPool): HistoryStore {
  return {
    async addVersion(boardId, v, state) {
      // Level 1, as in SQLite: a restore waits for its backup to be stored.
      const packed = await deflate(state, { level: 1 });
      await db.query(
        'write',
        `INSERT INTO board_versions (id, board_id, name, created_at, auto, card_count, editors, summary, state)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [
          v.id,
          boardId,
          v.name,
          v.createdAt,
          v.auto,
          v.cardCount,
          JSON.stringify(v.editors),
          JSON.stringify(v.summary),
          packed,
        ],
      );
    },
    async listVersions(boardId) {
      const rows = await db.query<VersionRow>(
        'read',
        `SELECT ${VERSION_COLUMNS} FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, ord DESC`,
        [boardId],
      );
      return rows.map(toVersion);
    },
    async latestVersion(boardId) {
      const rows = await db.query<VersionRow>(
        'read',
        `SELECT ${VERSION_COLUMNS} FROM board_versions WHERE board_id = $1 ORDER BY created_at DESC, ord DESC LIMIT 1`,
        [boardId],
      );
      return rows[0] ? toVersion(rows[0]) : undefined;
    },
    async versionState(boardId, versionId) {
      const rows = await db.query<{ state: Buffer }>(
        'read',
        'SELECT state FROM board_versions WHERE board_id = $1 AND id = $2',
        [boardId, versionId],
      );
      return rows[0] ? new Uint8Array(await inflate(rows[0].state)) : undefined;
    },
    async deleteVersions(boardId, ids) {
      await db.query('write', 'DELETE FROM board_versions WHERE board_id = $1 AND id = ANY($2::text[])', [
        boardId,
        ids,
      ]);
    },
    async addDeletedCards(boardId, cards) {
      await db.transaction('write', async (client) => {
        for (const c of cards) {
          // One entry a card: a card deleted again replaces its earlier deletion.
          await client.query('DELETE FROM deleted_cards WHERE board_id = $1 AND card_id = $2', [boardId, c.cardId]);
          await client.query(
            'INSERT INTO deleted_cards (board_id, card_id, deleted_at, deleted_by, card) VALUES ($1, $2, $3, $4, $5)',
            [boardId, c.cardId, c.deletedAt, c.deletedBy, JSON.stringify(c.card)],
          );
        }
        // A board's trash holds its newest deletions only, so it stays bounded however much is deleted.
        await client.query(
          `DELETE FROM deleted_cards WHERE board_id = $1 AND seq NOT IN
             (SELECT seq FROM deleted_cards WHERE board_id = $1 ORDER BY seq DESC LIMIT ${MAX_DELETED_CARDS})`,
          [boardId],
        );
      });
    },
    async listDeletedCards(boardId) {
      const rows = await db.query<{ card_id: string; deleted_at: string; deleted_by: string; card: string }>(
        'read',
        'SELECT card_id, deleted_at, deleted_by, card FROM deleted_cards WHERE board_id = $1 ORDER BY seq DESC',
        [boardId],
      );
      return rows.map((row) => ({
        cardId: row.card_id,
        deletedAt: row.deleted_at,
        deletedBy: row.deleted_by,
        card: JSON.parse(row.card) as unknown,
      }));
    },
    async forgetDeletedCard(boardId, cardId) {
      await db.query('write', 'DELETE FROM deleted_cards WHERE board_id = $1 AND card_id = $2', [boardId, cardId]);
    },
  };
}
