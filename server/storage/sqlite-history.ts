/**
 * The SQLite side of HistoryStore (see store.ts): versions and deleted cards.
 * Version states are whole Yjs documents, deflated: a board's state is
 * mostly text and field names, which deflate to about a third.
 */
import { promisify } from 'node:util';
import { deflateRaw, inflateRaw } from 'node:zlib';
import type Database from 'better-sqlite3';
import type { DeletedCard, HistoryStore, VersionInfo } from './store.ts';

// On libuv's thread pool: deflating a large board's state takes ~100 ms that the event loop,
// which relays every board's edits, must not wait for.
const deflate = promisify(deflateRaw);
const inflate = promisify(inflateRaw);

/** How many deleted cards a board's trash keeps (the newest). */
export const MAX_DELETED_CARDS = 500;

interface VersionRow {
  id: string;
  name: string;
  created_at: string;
  auto: number;
  card_count: number;
  editors: string;
  summary: string;
}

const toVersion = (row: VersionRow): VersionInfo => ({
  id: row.id,
  name: row.name,
  createdAt: row.created_at,
  auto: row.auto === 1,
  cardCount: row.card_count,
  editors: JSON.parse(row.editors) as string[],
  summary: JSON.parse(row.summary) as VersionInfo['summary'],
});

/** History statements on an open database; `guard` turns SQLite errors into StorageError. */
export function sqliteHistory(db: Database.Database, guard: <T>(what: string, run: () => T) => T): HistoryStore {
  const insertVersion = db.prepare(
    `INSERT INTO board_versions (id, board_id, name, created_at, auto, card_count, editors, summary, state)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const selectVersions = db.prepare<[string], VersionRow>(
    `SELECT id, name, created_at, auto, card_count, editors, summary FROM board_versions
     WHERE board_id = ? ORDER BY created_at DESC, rowid DESC`,
  );
  const selectLatestVersion = db.prepare<[string], VersionRow>(
    `SELECT id, name, created_at, auto, card_count, editors, summary FROM board_versions
     WHERE board_id = ? ORDER BY created_at DESC, rowid DESC LIMIT 1`,
  );
  const selectVersionState = db.prepare<[string, string], { state: Buffer }>(
    'SELECT state FROM board_versions WHERE board_id = ? AND id = ?',
  );
  const deleteVersion = db.prepare('DELETE FROM board_versions WHERE board_id = ? AND id = ?');
  const deleteVersions = db.transaction((boardId: string, ids: string[]) => {
    for (const id of ids) deleteVersion.run(boardId, id);
  });
  const insertDeleted = db.prepare(
    'INSERT INTO deleted_cards (board_id, card_id, deleted_at, deleted_by, card) VALUES (?, ?, ?, ?, ?)',
  );
  const forgetDeleted = db.prepare('DELETE FROM deleted_cards WHERE board_id = ? AND card_id = ?');
  // A board's trash holds its newest deletions only, so it stays bounded however much is deleted.
  const trimDeleted = db.prepare(
    `DELETE FROM deleted_cards WHERE board_id = ? AND seq NOT IN
       (SELECT seq FROM deleted_cards WHERE board_id = ? ORDER BY seq DESC LIMIT ${MAX_DELETED_CARDS})`,
  );
  const insertDeletedMany = db.transaction((boardId: string, cards: DeletedCard[]) => {
    for (const c of cards) {
      // One entry a card: a card deleted again replaces its earlier deletion.
      forgetDeleted.run(boardId, c.cardId);
      insertDeleted.run(boardId, c.cardId, c.deletedAt, c.deletedBy, JSON.stringify(c.card));
    }
    trimDeleted.run(boardId, boardId);
  });
  // The newest deletion of each card id (a card can be deleted, restored and deleted again).
  const selectDeleted = db.prepare<[string], { card_id: string; deleted_at: string; deleted_by: string; card: string }>(
    `SELECT card_id, deleted_at, deleted_by, card FROM deleted_cards d
     WHERE board_id = ? AND seq = (SELECT MAX(seq) FROM deleted_cards WHERE board_id = d.board_id AND card_id = d.card_id)
     ORDER BY seq DESC`,
  );

  return {
    async addVersion(boardId, v, state) {
      // Level 1: a restore waits for its backup to be stored, and on a 1,000-card board the default
      // level took 60 ms of it for a few per cent less storage (1.94× → 2.03× the board in the bench).
      const packed = await deflate(state, { level: 1 });
      guard('write', () =>
        insertVersion.run(
          v.id,
          boardId,
          v.name,
          v.createdAt,
          v.auto ? 1 : 0,
          v.cardCount,
          JSON.stringify(v.editors),
          JSON.stringify(v.summary),
          packed,
        ),
      );
    },
    async listVersions(boardId) {
      return guard('read', () => selectVersions.all(boardId)).map(toVersion);
    },
    async latestVersion(boardId) {
      const row = guard('read', () => selectLatestVersion.get(boardId));
      return row ? toVersion(row) : undefined;
    },
    async versionState(boardId, versionId) {
      const row = guard('read', () => selectVersionState.get(boardId, versionId));
      return row ? new Uint8Array(await inflate(row.state)) : undefined;
    },
    async deleteVersions(boardId, ids) {
      guard('write', () => deleteVersions(boardId, ids));
    },
    async addDeletedCards(boardId, cards) {
      guard('write', () => insertDeletedMany(boardId, cards));
    },
    async listDeletedCards(boardId) {
      return guard('read', () => selectDeleted.all(boardId)).map((row) => ({
        cardId: row.card_id,
        deletedAt: row.deleted_at,
        deletedBy: row.deleted_by,
        card: JSON.parse(row.card) as unknown,
      }));
    },
    async forgetDeletedCard(boardId, cardId) {
      guard('write', () => forgetDeleted.run(boardId, cardId));
    },
  };
}
