/**
 * The PostgreSQL schema and its migrations (README "PostgreSQL storage").
 * `schema_version` says which migrations a database has had; each runs once,
 * in order, all in the one transaction the store opens for them. Several processes may start at the same
 * moment against one database: a transaction-scoped advisory lock makes the
 * second wait for the first and then find nothing left to do.
 */
import type { PoolClient } from 'pg';
import { VOTING_TABLES } from './postgres-votes.ts';

/** Key of the advisory lock that serialises migrations (any constant no other lock of ours uses). */
const MIGRATION_LOCK = 0x5a4d_7461;

/**
 * Boards keep `last_seq`, the sequence number of the board's newest update:
 * appends take their numbers from it under the board row's lock, so on one board
 * numbers follow commit order, whichever process appends. `board_states` keeps
 * the sequence number its state was folded through, so an older compaction
 * never replaces a newer one, and `folded_by` names the store instance whose
 * own document the state is (see postgres-compaction.ts).
 */
const BASE = `
CREATE TABLE boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version TEXT NOT NULL,
  created_at TEXT NOT NULL,
  locked BOOLEAN NOT NULL DEFAULT FALSE,
  last_used_at TEXT NOT NULL,
  last_seq BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX boards_by_last_use ON boards(last_used_at);
CREATE TABLE board_states (
  board_id TEXT PRIMARY KEY REFERENCES boards(id) ON DELETE CASCADE,
  state BYTEA NOT NULL,
  compacted_at TEXT NOT NULL,
  through_seq BIGINT NOT NULL DEFAULT 0,
  folded_by TEXT NOT NULL DEFAULT ''
);
CREATE TABLE board_updates (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  seq BIGINT NOT NULL,
  writer TEXT NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (board_id, seq)
);
CREATE TABLE board_tokens (
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  role TEXT NOT NULL,
  token_hash TEXT NOT NULL,
  PRIMARY KEY (board_id, role)
);
CREATE TABLE board_versions (
  ord BIGSERIAL PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  auto BOOLEAN NOT NULL,
  card_count INTEGER NOT NULL,
  editors TEXT NOT NULL,
  summary TEXT NOT NULL,
  state BYTEA NOT NULL
);
CREATE INDEX board_versions_by_board ON board_versions(board_id, created_at);
CREATE TABLE deleted_cards (
  seq BIGSERIAL PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id) ON DELETE CASCADE,
  card_id TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  deleted_by TEXT NOT NULL,
  card TEXT NOT NULL
);
CREATE INDEX deleted_cards_by_board ON deleted_cards(board_id, card_id);
`;

/** Append-only: never edit a migration that has shipped, add the next one. */
const MIGRATIONS: string[] = [
  BASE,
  // Dot voting: the round and its hidden ballots (postgres-votes.ts).
  VOTING_TABLES,
];

/** The schema version this code expects (the number of migrations). */
export const POSTGRES_SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the database up to date inside the caller's transaction; safe to run
 * from several processes at once. Returns how many migrations it ran.
 */
export async function migratePostgres(client: PoolClient): Promise<number> {
  await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
  await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const { rows } = await client.query<{ version: number | null }>('SELECT max(version) AS version FROM schema_version');
  const current = rows[0]?.version ?? 0;
  if (current > MIGRATIONS.length) {
    throw new Error(
      `the database has schema version ${current}, newer than this Samtavla (${MIGRATIONS.length}); upgrade Samtavla`,
    );
  }
  for (let version = current; version < MIGRATIONS.length; version++) {
    await client.query(MIGRATIONS[version] as string);
    await client.query('INSERT INTO schema_version (version) VALUES ($1)', [version + 1]);
  }
  return MIGRATIONS.length - current;
}
