/** `npm start` / `npm run serve`: runs Samtavla with configuration from the environment. */
import { configFromEnv } from './config.ts';
import { createLogger } from './log/logger.ts';
import { startServer } from './start.ts';

const config = configFromEnv();
const log = createLogger({ level: config.logLevel });
const server = await startServer({ ...config, log });
log.info(
  { event: 'server.ready', origin: server.url, dataDir: config.dataDir },
  `Samtavla is running at ${server.url} (data in ${config.dataDir})`,
);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  log.info({ event: 'server.stopping', signal }, `${signal} received, saving and stopping…`);
  await server.close();
  log.flush();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
