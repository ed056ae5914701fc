/** What the command-line tools share: the store the server uses and a clean exit on errors. */
import { configFromEnv } from '../config.ts';
import { createStore } from '../storage/create-store.ts';
import type { BoardStore } from '../storage/store.ts';
import { announceOnce } from '../sync/relay/announce-once.ts';
import type { RelayEvent } from '../sync/relay/relay-message.ts';

/** The CLI serves nobody while it waits, so it waits out a running server's writes patiently. */
const CLI_BUSY_TIMEOUT_MS = 10_000;

/**
 * Opens the store the server uses: PostgreSQL under DATABASE_URL (README
 * "PostgreSQL storage"), else the SQLite file of the data directory (WAL: safe
 * while the server runs).
 */
export async function openStore(dataDir: string | undefined): Promise<BoardStore> {
  const config = configFromEnv();
  if (config.databaseUrl && dataDir !== undefined) {
    throw new Error('--data-dir names an SQLite store, but DATABASE_URL selects PostgreSQL: give one of them');
  }
  return createStore({
    databaseUrl: config.databaseUrl,
    dataDir: dataDir ?? config.dataDir,
    busyTimeoutMs: CLI_BUSY_TIMEOUT_MS,
    poolSize: 2,
  });
}

/**
 * After a change in the store that open boards must act on (rotated links):
 * under REDIS_URL, tells every server process with the board open, over its
 * relay channel, what a server would (README "Running on several machines").
 * Without REDIS_URL there is one server, and it checks new connections against
 * the store anyway. `done` says what stays done when Redis cannot be told.
 */
export async function tellServerProcesses(boardId: string, event: RelayEvent, done: string): Promise<void> {
  const { redisUrl } = configFromEnv();
  if (!redisUrl) return;
  try {
    await announceOnce(redisUrl, boardId, event);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(
      `${done}; other server processes could not be told: ${reason} (Redis at ${redactedUrl(redisUrl)}). ` +
        'Sockets open there with the old links stay open until they reconnect; new connections with them are refused.',
    );
  }
}

/** A URL without its password, for messages. */
function redactedUrl(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/** Runs a CLI's main, printing a one-line error (no stack) and exiting 1 on failure. */
export function runCli(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(`error: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}

/** A board's share link for a role's token; the token rides in the fragment, which browsers never send. */
export function shareLink(baseUrl: string | undefined, boardId: string, token: string): string {
  const base = (baseUrl ?? `http://localhost:${process.env.PORT || 3000}`).replace(/\/$/, '');
  return `${base}/b/${boardId}#token=${token}`;
}
