/**
 * The PostgreSQL store (DATABASE_URL; README "PostgreSQL storage"): the same
 * BoardStore contract as the SQLite file, for several server processes on one
 * database. An append commits (synchronous_commit as the server has it, on by
 * default) before it resolves; every failure reaches the rooms as StorageError.
 */
import { randomUUID } from 'node:crypto';
import type { PoolClient } from 'pg';
import type { BoardInfo } from '../../shared/api.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import { compactBoard, foldStoredBoard, lockBoardCompaction, type MergeUpdates } from './postgres-compaction.ts';
import { postgresHistory } from './postgres-history.ts';
import { createPostgresPool } from './postgres-pool.ts';
import { migratePostgres } from './postgres-schema.ts';
import { postgresVotes } from './postgres-votes.ts';
import { type BoardStore, StorageError, type StoredBoard, type TokenHashes } from './store.ts';

interface BoardRow {
  id: string;
  title: string;
  template_id: string;
  template_version: string;
  created_at: string;
  locked: boolean;
}

/**
 * One statement, so one round trip and atomic on its own: the numbers are taken from the board
 * row under its lock (on one board they follow commit order), then the rows inserted. Prepared:
 * it runs once per group commit of every open board.
 */
const APPEND_UPDATES = {
  name: 'append-updates',
  text: `WITH taken AS (UPDATE boards SET last_seq = last_seq + $2 WHERE id = $1 RETURNING last_seq)
    INSERT INTO board_updates (board_id, seq, writer, data)
    SELECT $1, taken.last_seq - $2 + u.n, $3, u.data
    FROM taken, unnest($4::bytea[]) WITH ORDINALITY AS u(data, n)
    RETURNING seq`,
};

const BOARD_COLUMNS = 'id, title, template_id, template_version, created_at, locked';

const toInfo = (row: BoardRow): BoardInfo => ({
  id: row.id,
  title: row.title,
  templateId: row.template_id,
  templateVersion: row.template_version,
  createdAt: row.created_at,
  locked: row.locked,
});

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database (DATABASE_URL). */
  connectionString: string;
  /** Connections this process keeps at most. */
  poolSize?: number;
  /** Told of errors of idle connections (PostgreSQL restarted); the pool replaces them by itself. */
  onIdleError?: (error: Error) => void;
  /** How compaction merges other writers' rows in (the server hands it a worker thread); default: here. */
  merge?: MergeUpdates;
}

/** Connects, brings the schema up to date (safe with several processes starting at once) and returns the store. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<BoardStore> {
  const db = createPostgresPool({
    connectionString: options.connectionString,
    max: options.poolSize,
    onIdleError: options.onIdleError,
  });
  try {
    await db.transaction('migration', migratePostgres);
  } catch (error) {
    await db.pool.end();
    throw new Error(`PostgreSQL at DATABASE_URL: ${(error as Error).message}`);
  }
  // Which rows and states are this instance's own (see postgres-compaction.ts).
  // Renewed after a failed append: one whose commit went through but whose answer was lost left a row
  // this store's document never got, so that row must count as another writer's, to be folded in.
  let writer = randomUUID();

  const snapshotRead = (what: string, work: (client: PoolClient) => Promise<StoredBoard>) =>
    // One snapshot: another process may compact between reading the state and reading the log.
    db.transaction(what, work, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');

  return {
    ...postgresHistory(db),
    ...postgresVotes(db),
    async createBoard(info, initialState, tokens) {
      await db.transaction('create', async (client) => {
        // Used now, not at createdAt: an imported plan keeps its original, possibly years-old, date.
        await client.query(
          `INSERT INTO boards (id, title, template_id, template_version, created_at, locked, last_used_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)`,
          [
            info.id,
            info.title,
            info.templateId,
            info.templateVersion,
            info.createdAt,
            info.locked,
            new Date().toISOString(),
          ],
        );
        await client.query(
          'INSERT INTO board_states (board_id, state, compacted_at, folded_by) VALUES ($1, $2, $3, $4)',
          [info.id, initialState, info.createdAt, writer],
        );
        await client.query(
          'INSERT INTO board_tokens (board_id, role, token_hash) SELECT $1, unnest($2::text[]), unnest($3::text[])',
          [info.id, [...ROLES], ROLES.map((role) => tokens[role])],
        );
      });
    },
    async tokenHashes(id) {
      const rows = await db.query<{ role: Role; token_hash: string }>(
        'read',
        'SELECT role, token_hash FROM board_tokens WHERE board_id = $1',
        [id],
      );
      if (rows.length !== ROLES.length) return undefined;
      return Object.fromEntries(rows.map((row) => [row.role, row.token_hash])) as TokenHashes;
    },
    async setTokenHash(id, role, hash) {
      await db.query(
        'write',
        `INSERT INTO board_tokens (board_id, role, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (board_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
        [id, role, hash],
      );
    },
    async updateBoard(id, patch) {
      await db.query(
        'write',
        'UPDATE boards SET title = COALESCE($2, title), locked = COALESCE($3, locked) WHERE id = $1',
        [id, patch.title ?? null, patch.locked ?? null],
      );
    },
    async deleteBoard(id, unusedBefore) {
      return db.transaction('write', async (client) => {
        // After any compaction of the board under way: it locks the rows the cascade deletes.
        await lockBoardCompaction(client, id);
        // Everything else of the board goes with it (ON DELETE CASCADE), in the same statement.
        const deleted = await client.query(
          'DELETE FROM boards WHERE id = $1 AND ($2::text IS NULL OR last_used_at < $2) RETURNING id',
          [id, unusedBefore ?? null],
        );
        return deleted.rows.length > 0;
      });
    },
    async touchBoard(id, at) {
      await db.query('write', 'UPDATE boards SET last_used_at = $2 WHERE id = $1', [id, at]);
    },
    async boardLastUsed(id) {
      const rows = await db.query<{ last_used_at: string }>('read', 'SELECT last_used_at FROM boards WHERE id = $1', [
        id,
      ]);
      return rows[0]?.last_used_at;
    },
    async unusedBoards(before) {
      const rows = await db.query<{ id: string }>('read', 'SELECT id FROM boards WHERE last_used_at < $1', [before]);
      return rows.map((row) => row.id);
    },
    async getBoard(id) {
      const rows = await db.query<BoardRow>('read', `SELECT ${BOARD_COLUMNS} FROM boards WHERE id = $1`, [id]);
      return rows[0] ? toInfo(rows[0]) : undefined;
    },
    async listBoards() {
      const rows = await db.query<BoardRow>('read', `SELECT ${BOARD_COLUMNS} FROM boards ORDER BY created_at DESC`);
      return rows.map(toInfo);
    },
    async loadBoard(id) {
      return snapshotRead('read', async (client) => {
        const state = await client.query<{ state: Buffer }>('SELECT state FROM board_states WHERE board_id = $1', [id]);
        const log = await client.query<{ seq: string; data: Buffer }>(
          'SELECT seq, data FROM board_updates WHERE board_id = $1 ORDER BY seq',
          [id],
        );
        const updates = log.rows.map((row) => new Uint8Array(row.data));
        if (state.rows[0]) updates.unshift(new Uint8Array(state.rows[0].state));
        return { updates, lastSeq: Number(log.rows.at(-1)?.seq ?? 0) };
      });
    },
    async appendUpdates(id, updates) {
      if (updates.length === 0) return 0;
      const rows = await db
        .query<{ seq: string }>('write', APPEND_UPDATES, [
          id,
          updates.length,
          writer,
          updates.map((update) => Buffer.from(update)),
        ])
        .catch((error: unknown) => {
          writer = randomUUID();
          throw error;
        });
      if (rows.length !== updates.length) throw new StorageError(`storage write failed: no board ${id}`);
      // Not Math.max(...rows): a migrated board's whole log is one call, past the arguments a call takes.
      return rows.reduce((last, row) => Math.max(last, Number(row.seq)), 0);
    },
    async compact(id, state, throughSeq) {
      await db.transaction('compact', (client) => compactBoard(client, id, state, throughSeq, writer, options.merge));
    },
    async foldStored(id, fold) {
      await db.transaction('compact', (client) => foldStoredBoard(client, id, fold));
    },
    async pendingUpdateCount(id) {
      const rows = await db.query<{ n: string }>(
        'read',
        'SELECT count(*) AS n FROM board_updates WHERE board_id = $1',
        [id],
      );
      return Number(rows[0]?.n ?? 0);
    },
    async close() {
      await db.pool.end();
    },
  };
}
