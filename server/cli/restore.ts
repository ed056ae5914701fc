/**
 * `npm run restore -- <backup file> [--data-dir ./data]`: puts a backup in
 * place as the store of a stopped server (README "Backups"). The store it
 * replaces is kept beside it under a dated name.
 */
import { parseArgs } from 'node:util';
import { configFromEnv } from '../config.ts';
import { refuseUnderPostgres } from '../storage/create-store.ts';
import { restoreStore } from '../storage/sqlite-backup.ts';
import { runCli } from './cli-common.ts';

runCli(async () => {
  refuseUnderPostgres('npm run restore');
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { 'data-dir': { type: 'string' } } });
  const [file, ...rest] = positionals;
  if (!file || rest.length > 0) throw new Error('usage: npm run restore -- <backup file> [--data-dir ./data]');
  const dataDir = values['data-dir'] ?? configFromEnv().dataDir;
  const { keptAs } = restoreStore(file, dataDir);
  console.log(`restored ${file} into ${dataDir}${keptAs ? `; the store it replaced is kept as ${keptAs}` : ''}`);
});
