/**
 * Runs once per vitest run before the storage tests: starts the private
 * PostgreSQL they share (test/helpers/postgres-server.ts) and hands its URL to
 * every file (`inject('postgresUrl')`); each file makes its own database in it.
 */
import type { TestProject } from 'vitest/node';
import { startPostgres } from '../../helpers/postgres-server.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** postgres://… of the shared private server's `postgres` database. */
    postgresUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const server = await startPostgres();
  project.provide('postgresUrl', server.url);
  return () => server.destroy();
}
