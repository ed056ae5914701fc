/**
 * The SQLite schema and its migrations. `PRAGMA user_version` says which
 * migrations a file has had; each runs once, in order, in one transaction, so
 * a file from any earlier release opens with its data intact.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { randomId } from '../../shared/ids.ts';
import { ROLES } from '../../shared/roles.ts';
import { VOTING_TABLES } from './sqlite-votes.ts';

type Db = Database.Database;

const BASE = `
CREATE TABLE IF NOT EXISTS boards (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  template_id TEXT NOT NULL,
  template_version TEXT NOT NULL,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS board_states (
  board_id TEXT PRIMARY KEY REFERENCES boards(id),
  state BLOB NOT NULL,
  compacted_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS board_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS board_updates_by_board ON board_updates(board_id, seq);
`;

/**
 * Roles: a lock flag and one hashed token per role. Boards made before roles
 * get tokens nobody knows; `npm run boards -- links <id>` issues new ones.
 */
function addRoles(db: Db): void {
  db.exec(`
    ALTER TABLE boards ADD COLUMN locked INTEGER NOT NULL DEFAULT 0;
    CREATE TABLE board_tokens (
      board_id TEXT NOT NULL REFERENCES boards(id),
      role TEXT NOT NULL,
      token_hash TEXT NOT NULL,
      PRIMARY KEY (board_id, role)
    );
  `);
  const insert = db.prepare('INSERT INTO board_tokens (board_id, role, token_hash) VALUES (?, ?, ?)');
  for (const { id } of db.prepare<[], { id: string }>('SELECT id FROM boards').all()) {
    for (const role of ROLES) insert.run(id, role, createHash('sha256').update(randomId(32)).digest('hex'));
  }
}

/** History: saved versions (whole states, deflated) and the cards people deleted. */
const HISTORY = `
CREATE TABLE board_versions (
  id TEXT PRIMARY KEY,
  board_id TEXT NOT NULL REFERENCES boards(id),
  name TEXT NOT NULL,
  created_at TEXT NOT NULL,
  auto INTEGER NOT NULL,
  card_count INTEGER NOT NULL,
  editors TEXT NOT NULL,
  summary TEXT NOT NULL,
  state BLOB NOT NULL
);
CREATE INDEX board_versions_by_board ON board_versions(board_id, created_at);
CREATE TABLE deleted_cards (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  board_id TEXT NOT NULL REFERENCES boards(id),
  card_id TEXT NOT NULL,
  deleted_at TEXT NOT NULL,
  deleted_by TEXT NOT NULL,
  card TEXT NOT NULL
);
CREATE INDEX deleted_cards_by_board ON deleted_cards(board_id, card_id);
`;

/**
 * Board expiry (BOARD_RETENTION_DAYS): when a board was last opened or edited.
 * Existing boards count as used at the upgrade, so turning expiry on later
 * never deletes a board the moment the server starts.
 */
function addLastUsed(db: Db): void {
  db.exec(`
    ALTER TABLE boards ADD COLUMN last_used_at TEXT;
    CREATE INDEX boards_by_last_use ON boards(last_used_at);
  `);
  db.prepare('UPDATE boards SET last_used_at = ?').run(new Date().toISOString());
}

/** Append-only: never edit a migration that has shipped, add the next one. */
const MIGRATIONS: ((db: Db) => void)[] = [
  (db) => db.exec(BASE),
  addRoles,
  (db) => db.exec(HISTORY),
  addLastUsed,
  // Dot voting: the round and its hidden ballots (sqlite-votes.ts).
  (db) => db.exec(VOTING_TABLES),
];

export function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    db.transaction(() => {
      MIGRATIONS[version]?.(db);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
