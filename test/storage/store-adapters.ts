/**
 * The storage adapters the contract suite runs against, each opened on a
 * fresh, empty store of its own: SQLite in a temp folder, PostgreSQL in a new
 * database of the run's private server (setup/postgres-global.ts).
 */
import { inject } from 'vitest';
import { openPostgresStore } from '../../server/storage/postgres-store.ts';
import { openSqliteStore } from '../../server/storage/sqlite-store.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import type { BoardInfo } from '../../shared/api.ts';
import { randomId } from '../../shared/ids.ts';
import type { BoardTokens } from '../../shared/roles.ts';
import { createDatabase } from '../helpers/postgres-server.ts';
import { removeDir, tempDataDir } from '../helpers/server.ts';

/** A place to keep boards: `open` may be called again for the same data (a restart). */
export interface StoreLocation {
  open(): Promise<BoardStore>;
  /** Removes the data (temp folder); a database is left to the server's teardown. */
  remove(): void;
}

export interface StoreAdapter {
  name: 'sqlite' | 'postgres';
  /** A new, empty location. */
  fresh(): Promise<StoreLocation>;
}

export const ADAPTERS: StoreAdapter[] = [
  {
    name: 'sqlite',
    async fresh() {
      const dataDir = tempDataDir();
      return { open: async () => openSqliteStore({ dataDir }), remove: () => removeDir(dataDir) };
    },
  },
  {
    name: 'postgres',
    async fresh() {
      const connectionString = await createDatabase(inject('postgresUrl'));
      return { open: () => openPostgresStore({ connectionString }), remove: () => {} };
    },
  },
];

export function boardInfo(overrides: Partial<BoardInfo> = {}): BoardInfo {
  return {
    id: randomId(),
    title: 'Samverkansplan Heby 2025',
    templateId: 'hsvo-2024-2026',
    templateVersion: '1',
    createdAt: '2025-03-01T09:00:00.000Z',
    locked: false,
    ...overrides,
  };
}

export const tokenHashes = (seed: string): BoardTokens => ({
  facilitator: `${seed}-f`.padEnd(64, '0'),
  participant: `${seed}-p`.padEnd(64, '0'),
  viewer: `${seed}-v`.padEnd(64, '0'),
});
