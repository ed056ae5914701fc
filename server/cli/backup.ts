/**
 * `npm run backup -- --out <file> [--data-dir ./data]`: a consistent copy of
 * the store while the server runs (README "Backups").
 */
import { parseArgs } from 'node:util';
import { configFromEnv } from '../config.ts';
import { refuseUnderPostgres } from '../storage/create-store.ts';
import { backupStore } from '../storage/sqlite-backup.ts';
import { runCli } from './cli-common.ts';

runCli(async () => {
  refuseUnderPostgres('npm run backup');
  const { values } = parseArgs({ options: { out: { type: 'string' }, 'data-dir': { type: 'string' } } });
  if (!values.out) throw new Error('--out <file> is required');
  const started = Date.now();
  const summary = await backupStore(values['data-dir'] ?? configFromEnv().dataDir, values.out);
  console.log(
    `backed up ${summary.boards} boards to ${summary.file} (${summary.bytes} bytes, ${Date.now() - started} ms, integrity ok)`,
  );
});
