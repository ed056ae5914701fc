/**
 * `npm run migrate-store -- --from <SQLite file or data folder> --to <postgres://…> [--skip-existing]`:
 * copies every board, with its tokens, state and log, versions, trash and voting round, from
 * an SQLite store into PostgreSQL (README "PostgreSQL storage"). `--to` defaults
 * to DATABASE_URL. It reads a consistent snapshot of the SQLite file and never
 * writes to it; stop the server first, or edits made after the snapshot stay behind.
 */
import { existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Database from 'better-sqlite3';
import { databaseUrlFrom } from '../config.ts';
import { openPostgresStore } from '../storage/postgres-store.ts';
import { checkStoreFile } from '../storage/sqlite-backup.ts';
import { openSqliteStore, SQLITE_FILE } from '../storage/sqlite-store.ts';
import { copyStore } from '../storage/store-copy.ts';
import { copyVoteRounds } from '../storage/vote-copy.ts';
import { runCli } from './cli-common.ts';

const USAGE =
  'usage: npm run migrate-store -- --from <SQLite file or data folder> --to <postgres://…> [--skip-existing]';

/** A checked snapshot of the SQLite store in a folder of its own (its schema may be upgraded there, not in the source). */
async function snapshot(from: string): Promise<string> {
  const file = existsSync(from) && statSync(from).isDirectory() ? join(from, SQLITE_FILE) : from;
  if (!existsSync(file)) throw new Error(`no SQLite store at ${file}`);
  const folder = mkdtempSync(join(tmpdir(), 'samtavla-migrate-'));
  const source = new Database(file, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 10000');
    await source.backup(join(folder, SQLITE_FILE), { progress: () => 0x7fffffff });
  } finally {
    source.close();
  }
  checkStoreFile(join(folder, SQLITE_FILE));
  return folder;
}

/** The snapshot opened on its own for what the store interface does not list (ballots). */
async function withSnapshot<T>(folder: string, read: (db: Database.Database) => Promise<T>): Promise<T> {
  const db = new Database(join(folder, SQLITE_FILE), { fileMustExist: true });
  try {
    return await read(db);
  } finally {
    db.close();
  }
}

runCli(async () => {
  const { values } = parseArgs({
    options: { from: { type: 'string' }, to: { type: 'string' }, 'skip-existing': { type: 'boolean' } },
  });
  if (!values.from) throw new Error(`--from is required; ${USAGE}`);
  const to = databaseUrlFrom({ DATABASE_URL: values.to ?? process.env.DATABASE_URL });
  if (!to) throw new Error(`--to (or DATABASE_URL) is required; ${USAGE}`);
  const folder = await snapshot(values.from);
  const source = openSqliteStore({ dataDir: folder });
  try {
    const target = await openPostgresStore({ connectionString: to, poolSize: 2 });
    try {
      const started = Date.now();
      const copied: string[] = [];
      const counts = await copyStore(source, target, {
        skipExisting: values['skip-existing'],
        onBoard: (id, title) => {
          copied.push(id);
          console.log(`copied ${id}  ${title}`);
        },
      });
      const votes = await withSnapshot(folder, (db) => copyVoteRounds(db, target, copied));
      console.log(
        `copied ${counts.boards} boards (${counts.updates} log updates, ${counts.versions} versions, ${counts.deletedCards} deleted cards, ${votes} votes); skipped ${counts.skipped} the target already had; ${Date.now() - started} ms`,
      );
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
    rmSync(folder, { recursive: true, force: true });
  }
});
