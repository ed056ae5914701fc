/**
 * The connection pool of the PostgreSQL store and the one way its queries run:
 * every failure, of the server (57P01 admin shutdown, a full disk) or of the
 * connection (ECONNREFUSED, connection terminated, a timeout), becomes a
 * StorageError, so rooms refuse the edit loudly as they do on a full SQLite disk
 * (README "PostgreSQL storage"). The pool opens new connections when asked, so
 * once PostgreSQL is back the next write goes through.
 */
import pg from 'pg';
import { StorageError } from './store.ts';

export interface PostgresPoolOptions {
  connectionString: string;
  /** Connections this process keeps at most (PG_POOL_SIZE). */
  max?: number;
  /** Told of errors of idle connections (PostgreSQL restarted): the pool drops them itself. */
  onIdleError?: (error: Error) => void;
}

/** How long a query may wait for a connection before the write is refused (PostgreSQL unreachable). */
const CONNECT_TIMEOUT_MS = 5_000;
/** How long one statement may run before it is refused (a hung server must not hold a room's writes). */
const QUERY_TIMEOUT_MS = 30_000;

/** A statement PostgreSQL parses and plans once per connection. */
export interface Statement {
  name: string;
  text: string;
}

export interface PostgresPool {
  pool: pg.Pool;
  /** Runs `work` on one connection inside BEGIN … COMMIT (ROLLBACK on any error), as StorageError. */
  transaction<T>(what: string, work: (client: pg.PoolClient) => Promise<T>, begin?: string): Promise<T>;
  /**
   * Runs one statement on the pool, as StorageError. A statement given with a name is prepared
   * once per connection and then only executed (the hot path: an append per group commit).
   */
  query<R extends pg.QueryResultRow>(what: string, sql: string | Statement, values?: unknown[]): Promise<R[]>;
}

export function createPostgresPool({ connectionString, max = 10, onIdleError }: PostgresPoolOptions): PostgresPool {
  const pool = new pg.Pool({
    connectionString,
    max,
    connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
    query_timeout: QUERY_TIMEOUT_MS,
    keepAlive: true,
  });
  // Without a listener an idle connection's error (the server stopped) would end the process.
  pool.on('error', (error) => onIdleError?.(error));

  const asStorageError = (what: string, error: unknown): StorageError =>
    error instanceof StorageError
      ? error
      : new StorageError(`storage ${what} failed: ${(error as Error).message || String(error)}`);

  /**
   * A pooled connection with an error listener while checked out: a connection that dies
   * (PostgreSQL stopped) emits 'error' besides failing its query, and with no listener that
   * would end the process. A broken connection is destroyed, not put back.
   */
  async function withClient<T>(
    what: string,
    work: (client: pg.PoolClient, markBroken: (error: Error) => void) => Promise<T>,
  ): Promise<T> {
    let client: pg.PoolClient;
    try {
      client = await pool.connect();
    } catch (error) {
      throw asStorageError(what, error);
    }
    let broken: Error | undefined;
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      return await work(client, onError);
    } catch (error) {
      // Not an answer of the server (a timeout, a lost socket): the connection's state is unknown.
      if (!(error instanceof pg.DatabaseError)) broken ??= error as Error;
      throw asStorageError(what, error);
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }

  return {
    pool,
    transaction(what, work, begin = 'BEGIN') {
      return withClient(what, async (client, markBroken) => {
        await client.query(begin);
        try {
          const result = await work(client);
          await client.query('COMMIT');
          return result;
        } catch (error) {
          // Not the server's own refusal (a timeout, a lost socket): the connection may still be busy
          // with the query, so a ROLLBACK would wait behind it; dropped instead, the server rolls back.
          if (!(error instanceof pg.DatabaseError)) {
            markBroken(error as Error);
            throw error;
          }
          // A failed ROLLBACK means the connection is gone: it must not go back to the pool.
          await client.query('ROLLBACK').catch(markBroken);
          throw error;
        }
      });
    },
    query<R extends pg.QueryResultRow>(what: string, sql: string | Statement, values?: unknown[]) {
      const config = typeof sql === 'string' ? { text: sql, values } : { ...sql, values };
      return withClient(what, async (client) => (await client.query<R>(config)).rows);
    },
  };
}
