/** `npm start` / `npm run serve`: runs Samtavla with configuration from the environment. */
import { configFromEnv } from './config.ts';
import { createLogger } from './log/logger.ts';
import { startServer } from './start.ts';

const config = configFromEnv();
const log = createLogger({ level: config.logLevel });
const server = await startServer({ ...config, log });
// The URL may carry a password: only its host and database are shown.
const storage = config.databaseUrl ? postgresPlace(config.databaseUrl) : config.dataDir;
log.info(
  { event: 'server.ready', origin: server.url, storage },
  `Samtavla is running at ${server.url} (data in ${storage})`,
);

function postgresPlace(url: string): string {
  try {
    const parsed = new URL(url);
    return `PostgreSQL ${parsed.host}${parsed.pathname}`;
  } catch {
    return 'PostgreSQL';
  }
}

/** An orchestrator kills a process that has not exited this long after SIGTERM (Kubernetes: 30 s). */
const EXIT_DEADLINE_MS = 10_000;

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ event: 'server.stopping', signal }, `${signal} received, saving and stopping…`);
  const started = Date.now();
  setTimeout(() => {
    log.error({ event: 'server.stop-timeout' }, `not stopped after ${EXIT_DEADLINE_MS} ms, exiting anyway`);
    log.flush();
    process.exit(1);
  }, EXIT_DEADLINE_MS).unref();
  await server.close();
  log.info({ event: 'server.stopped', ms: Date.now() - started }, 'every received edit is stored; stopped');
  log.flush();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
