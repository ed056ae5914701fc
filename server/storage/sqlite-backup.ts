/**
 * Online backup and restore of the SQLite store (README "Backups").
 *
 * The backup uses SQLite's online backup API (better-sqlite3 `db.backup`), so
 * it is a consistent snapshot of one moment even while the server writes:
 * every edit committed before that moment is in it, nothing half-written is.
 * All pages are copied in one step: copied in slices, a write by the server
 * between two slices would restart the copy, and a busy board could keep it
 * restarting for ever. The copy goes to a temporary file first and is checked
 * (`PRAGMA integrity_check`) before it takes the asked-for name.
 *
 * A restore replaces the store of a stopped server's data directory with a
 * checked backup. The store it replaces is kept beside it, renamed, never
 * deleted.
 */
import { copyFileSync, existsSync, renameSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { serverUsing } from './data-dir-lock.ts';
import { SQLITE_FILE } from './sqlite-store.ts';

/** The store's file and SQLite's files beside it. */
const STORE_FILES = ['', '-wal', '-shm', '-journal'];

export interface BackupSummary {
  file: string;
  bytes: number;
  boards: number;
}

/** Copies the live store of `dataDir` to `outFile` (replacing it), checked. */
export async function backupStore(dataDir: string, outFile: string): Promise<BackupSummary> {
  const source = join(dataDir, SQLITE_FILE);
  if (!existsSync(source)) throw new Error(`no Samtavla store in ${dataDir}`);
  // Renamed over the live store (or its log), the copy would replace the file the server keeps
  // writing to: every edit after it would go to a deleted file and be lost at the next start.
  if (STORE_FILES.some((suffix) => resolve(`${source}${suffix}`) === resolve(outFile))) {
    throw new Error(`${outFile} is the live store (or its log) in ${dataDir}; give the backup another name`);
  }
  const partial = `${outFile}.partial`;
  rmSync(partial, { force: true });
  // Not read-only: a read-only connection cannot always open a WAL database. It writes nothing.
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 10000');
    await db.backup(partial, { progress: () => 0x7fffffff });
  } finally {
    db.close();
  }
  try {
    // One self-contained file: the copy keeps the WAL flag of its source otherwise.
    const copy = new Database(partial, { fileMustExist: true });
    copy.pragma('journal_mode = DELETE');
    copy.close();
    const boards = checkStoreFile(partial);
    renameSync(partial, outFile);
    return { file: outFile, bytes: statSync(outFile).size, boards };
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/**
 * Puts `backupFile` in place as the store of `dataDir`. Refuses while a server
 * runs on the directory. Returns where the replaced store was kept, if any.
 */
export function restoreStore(backupFile: string, dataDir: string, now = new Date()): { keptAs: string | null } {
  const pid = serverUsing(dataDir);
  if (pid !== null) {
    throw new Error(
      `a Samtavla server (pid ${pid}) is using ${dataDir}; stop it before restoring (if none runs, delete ${dataDir}/server.pid)`,
    );
  }
  if (!existsSync(backupFile)) throw new Error(`no file ${backupFile}`);
  checkStoreFile(backupFile);
  const target = join(dataDir, SQLITE_FILE);
  const staged = `${target}.restoring`;
  copyFileSync(backupFile, staged);
  let keptAs: string | null = null;
  if (existsSync(target)) {
    keptAs = `${target}.before-restore-${now.toISOString().replace(/[:.]/g, '-')}`;
    // Folds the WAL into the old file first, so the kept copy is whole on its own.
    const old = new Database(target, { fileMustExist: true });
    old.pragma('wal_checkpoint(TRUNCATE)');
    old.close();
    renameSync(target, keptAs);
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staged, target);
  return { keptAs };
}

/** Throws unless the file is a sound SQLite database holding Samtavla's tables; returns its board count. */
export function checkStoreFile(file: string): number {
  let db: Database.Database;
  try {
    db = new Database(file, { fileMustExist: true });
  } catch (error) {
    throw new Error(`${file} is not a readable SQLite database (${(error as Error).message})`);
  }
  try {
    const result = db.pragma('integrity_check', { simple: true });
    if (result !== 'ok') throw new Error(`${file} fails SQLite's integrity check: ${String(result)}`);
    const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'boards'").get();
    if (!table) throw new Error(`${file} is an SQLite database but not a Samtavla store`);
    return (db.prepare('SELECT count(*) AS n FROM boards').get() as { n: number }).n;
  } catch (error) {
    if (error instanceof Error && error.message.startsWith(file)) throw error;
    throw new Error(`${file} is not a readable SQLite database (${(error as Error).message})`);
  } finally {
    db.close();
  }
}
