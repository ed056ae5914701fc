/**
 * Which store a process uses: PostgreSQL when DATABASE_URL is set (README
 * "PostgreSQL storage"), else the SQLite file under DATA_DIR. The server and
 * every command-line tool choose it here, the same way.
 */
import type { MergeUpdates } from './postgres-compaction.ts';
import { openPostgresStore } from './postgres-store.ts';
import { openSqliteStore, SERVER_BUSY_TIMEOUT_MS } from './sqlite-store.ts';
import type { BoardStore } from './store.ts';

export interface StoreConfig {
  /** postgres://… : the PostgreSQL store; absent: SQLite under `dataDir`. */
  databaseUrl?: string;
  dataDir: string;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  /** SQLite's wait for another process's lock (the CLI waits longer than the server). */
  busyTimeoutMs?: number;
  /** PostgreSQL connections this process keeps at most. */
  poolSize?: number;
  /** Told of PostgreSQL connections lost while idle (the pool reconnects by itself). */
  onIdleError?: (error: Error) => void;
  /** How PostgreSQL's compaction merges other processes' rows (a worker thread in the server). */
  merge?: MergeUpdates;
}

export function createStore(config: StoreConfig): Promise<BoardStore> {
  if (config.databaseUrl) {
    return openPostgresStore({
      connectionString: config.databaseUrl,
      poolSize: config.poolSize,
      onIdleError: config.onIdleError,
      merge: config.merge,
    });
  }
  return Promise.resolve(
    openSqliteStore({
      dataDir: config.dataDir,
      synchronous: config.sqliteSynchronous,
      busyTimeoutMs: config.busyTimeoutMs ?? SERVER_BUSY_TIMEOUT_MS,
    }),
  );
}

/** The error a SQLite-only tool gives under DATABASE_URL. */
export function refuseUnderPostgres(tool: string, env: NodeJS.ProcessEnv = process.env): void {
  if (env.DATABASE_URL) {
    throw new Error(
      `${tool} works on the SQLite store only, and DATABASE_URL selects PostgreSQL; use PostgreSQL's own tools (pg_dump, pg_restore) there (README "PostgreSQL storage")`,
    );
  }
}
