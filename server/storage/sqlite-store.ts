/**
 * The default store: one SQLite file (WAL) under DATA_DIR.
 * Updates are appended to a log and later folded into one state per board.
 * With WAL and synchronous=NORMAL a committed append survives a crash of the
 * server process (not necessarily a power cut; set SQLITE_SYNCHRONOUS=FULL for that).
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { BoardInfo } from '../../shared/api.ts';
import { ROLES, type Role } from '../../shared/roles.ts';
import { sqliteHistory } from './sqlite-history.ts';
import { migrate } from './sqlite-schema.ts';
import { sqliteVotes } from './sqlite-votes.ts';
import { type BoardPatch, type BoardStore, StorageError, type StoredBoard, type TokenHashes } from './store.ts';

interface BoardRow {
  id: string;
  title: string;
  template_id: string;
  template_version: string;
  created_at: string;
  locked: number;
}

const toInfo = (row: BoardRow): BoardInfo => ({
  id: row.id,
  title: row.title,
  templateId: row.template_id,
  templateVersion: row.template_version,
  createdAt: row.created_at,
  locked: row.locked === 1,
});

export interface SqliteStoreOptions {
  dataDir: string;
  synchronous?: 'NORMAL' | 'FULL';
  /**
   * How long a write waits for another process's lock (a CLI import, a backup)
   * before it fails with SQLITE_BUSY. better-sqlite3 waits synchronously, so in
   * the server every open board stalls for that long: keep it short there (a
   * refused edit is resent by its client); the CLI can afford to wait.
   */
  busyTimeoutMs?: number;
}

/** The store's file in the data directory (its WAL files sit beside it). */
export const SQLITE_FILE = 'samtavla.sqlite';

/** The server's wait for a lock: long enough for another process's short write, short enough not to stall rooms. */
export const SERVER_BUSY_TIMEOUT_MS = 250;

export function openSqliteStore({
  dataDir,
  synchronous = 'NORMAL',
  busyTimeoutMs = SERVER_BUSY_TIMEOUT_MS,
}: SqliteStoreOptions): BoardStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, SQLITE_FILE));
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${synchronous}`);
  db.pragma('foreign_keys = ON');
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(busyTimeoutMs))}`);
  migrate(db);

  const insertBoard = db.prepare(
    `INSERT INTO boards (id, title, template_id, template_version, created_at, locked, last_used_at)
     VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectLastUsed = db.prepare<[string], { last_used_at: string }>('SELECT last_used_at FROM boards WHERE id = ?');
  const updateLastUsed = db.prepare('UPDATE boards SET last_used_at = ? WHERE id = ?');
  const selectUnused = db.prepare<[string], { id: string }>('SELECT id FROM boards WHERE last_used_at < ?');
  const selectBoard = db.prepare<[string], BoardRow>('SELECT * FROM boards WHERE id = ?');
  const selectBoards = db.prepare<[], BoardRow>('SELECT * FROM boards ORDER BY created_at DESC');
  const selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM board_states WHERE board_id = ?');
  const selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
    'SELECT seq, data FROM board_updates WHERE board_id = ? ORDER BY seq',
  );
  const insertUpdate = db.prepare('INSERT INTO board_updates (board_id, data) VALUES (?, ?)');
  const upsertState = db.prepare(
    `INSERT INTO board_states (board_id, state, compacted_at) VALUES (?, ?, ?)
     ON CONFLICT(board_id) DO UPDATE SET state = excluded.state, compacted_at = excluded.compacted_at`,
  );
  const deleteUpdates = db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?');
  const selectTokens = db.prepare<[string], { role: Role; token_hash: string }>(
    'SELECT role, token_hash FROM board_tokens WHERE board_id = ?',
  );
  const upsertToken = db.prepare(
    `INSERT INTO board_tokens (board_id, role, token_hash) VALUES (?, ?, ?)
     ON CONFLICT(board_id, role) DO UPDATE SET token_hash = excluded.token_hash`,
  );
  const renameBoard = db.prepare('UPDATE boards SET title = ? WHERE id = ?');
  const lockBoard = db.prepare('UPDATE boards SET locked = ? WHERE id = ?');
  const removeBoard = db.transaction((id: string, unusedBefore: string | undefined): boolean => {
    if (unusedBefore !== undefined && !((selectLastUsed.get(id)?.last_used_at ?? '') < unusedBefore)) return false;
    const tables = [
      'board_updates',
      'board_states',
      'board_tokens',
      'board_versions',
      'deleted_cards',
      'votes',
      'vote_rounds',
    ];
    for (const table of tables) {
      db.prepare(`DELETE FROM ${table} WHERE board_id = ?`).run(id);
    }
    return db.prepare('DELETE FROM boards WHERE id = ?').run(id).changes > 0;
  });
  const patchBoard = db.transaction((id: string, patch: BoardPatch) => {
    if (patch.title !== undefined) renameBoard.run(patch.title, id);
    if (patch.locked !== undefined) lockBoard.run(patch.locked ? 1 : 0, id);
  });
  const countUpdates = db.prepare<[string], { n: number }>(
    'SELECT COUNT(*) AS n FROM board_updates WHERE board_id = ?',
  );

  // One read transaction: another process (the server, for the CLI) may compact between the two reads.
  const readBoard = db.transaction((id: string): StoredBoard => {
    const state = selectState.get(id);
    const rows = selectUpdates.all(id);
    const updates = rows.map((row) => new Uint8Array(row.data));
    if (state) updates.unshift(new Uint8Array(state.state));
    return { updates, lastSeq: rows.at(-1)?.seq ?? 0 };
  });
  const append = db.transaction((id: string, updates: Uint8Array[]): number => {
    let seq = 0;
    for (const update of updates) seq = Number(insertUpdate.run(id, update).lastInsertRowid);
    return seq;
  });
  const compact = db.transaction((id: string, state: Uint8Array, throughSeq: number) => {
    upsertState.run(id, state, new Date().toISOString());
    deleteUpdates.run(id, throughSeq);
  });
  const create = db.transaction((info: BoardInfo, state: Uint8Array, tokens: TokenHashes) => {
    // Used now, not at createdAt: an imported plan keeps its original, possibly years-old, date.
    const now = new Date().toISOString();
    insertBoard.run(
      info.id,
      info.title,
      info.templateId,
      info.templateVersion,
      info.createdAt,
      info.locked ? 1 : 0,
      now,
    );
    upsertState.run(info.id, state, info.createdAt);
    for (const role of ROLES) upsertToken.run(info.id, role, tokens[role]);
  });

  /** Runs a statement, turning SQLite's errors into StorageError so callers can refuse cleanly. */
  const guard = <T>(what: string, run: () => T): T => {
    try {
      return run();
    } catch (error) {
      throw new StorageError(`storage ${what} failed: ${(error as Error).message}`);
    }
  };

  /** Folds under way by board: one at a time, so no fold writes a state read before another's (foldStored). */
  const folds = new Map<string, Promise<void>>();

  return {
    ...sqliteHistory(db, guard),
    ...sqliteVotes(db, guard),
    async createBoard(info, initialState, tokens) {
      guard('create', () => create(info, initialState, tokens));
    },
    async tokenHashes(id) {
      const rows = guard('read', () => selectTokens.all(id));
      if (rows.length !== ROLES.length) return undefined;
      return Object.fromEntries(rows.map((row) => [row.role, row.token_hash])) as TokenHashes;
    },
    async setTokenHash(id, role, hash) {
      guard('write', () => upsertToken.run(id, role, hash));
    },
    async updateBoard(id, patch) {
      guard('write', () => patchBoard(id, patch));
    },
    async deleteBoard(id, unusedBefore) {
      return guard('write', () => removeBoard(id, unusedBefore));
    },
    async touchBoard(id, at) {
      guard('write', () => updateLastUsed.run(at, id));
    },
    async boardLastUsed(id) {
      return guard('read', () => selectLastUsed.get(id)?.last_used_at ?? undefined);
    },
    async unusedBoards(before) {
      return guard('read', () => selectUnused.all(before)).map((row) => row.id);
    },
    async getBoard(id) {
      const row = guard('read', () => selectBoard.get(id));
      return row ? toInfo(row) : undefined;
    },
    async listBoards() {
      return guard('read', () => selectBoards.all()).map(toInfo);
    },
    async loadBoard(id): Promise<StoredBoard> {
      return guard('read', () => readBoard(id));
    },
    async appendUpdates(id, updates) {
      return guard('write', () => append(id, updates));
    },
    async compact(id, state, throughSeq) {
      guard('compact', () => compact(id, state, throughSeq));
    },
    // Rooms of several servers on one store in this process (the relay's tests) fold one at a time;
    // appends made meanwhile get later seqs and stay. Across processes SQLite has no such lock.
    foldStored(id, fold) {
      const run = (folds.get(id) ?? Promise.resolve()).then(async () => {
        const stored = guard('read', () => readBoard(id));
        if (stored.lastSeq === 0) return;
        const state = await fold(stored.updates);
        guard('compact', () => compact(id, state, stored.lastSeq));
      });
      const settled = run.catch(() => {});
      folds.set(id, settled);
      void settled.then(() => folds.get(id) === settled && folds.delete(id));
      return run;
    },
    async pendingUpdateCount(id) {
      return guard('read', () => countUpdates.get(id)?.n ?? 0);
    },
    async close() {
      if (db.open) db.close();
    },
  };
}
