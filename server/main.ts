/** `npm start` / `npm run serve`: runs Samtavla with configuration from the environment. */
import { configFromEnv } from './config.ts';
import { startServer } from './start.ts';

const config = configFromEnv();
const server = await startServer(config);
console.log(`Samtavla is running at ${server.url} (data in ${config.dataDir})`);

let stopping = false;
const stop = async (signal: string) => {
  if (stopping) return;
  stopping = true;
  console.log(`${signal} received, saving and stopping…`);
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
