/**
 * A private PostgreSQL for the tests, from Debian's `postgresql` package
 * (installed when missing, as the e2e setup installs Chromium): its own
 * throw-away data folder under the system's temp folder, a free port on
 * 127.0.0.1, its own socket folder, trust authentication. PostgreSQL refuses
 * to run as root, so as root (CI, these machines) its programs run as the
 * `postgres` user the package creates.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { installDebianPackage } from '../e2e/setup/debian-package.ts';

const PG_ROOT = '/usr/lib/postgresql';

export interface PostgresServer {
  port: number;
  /** postgres://… of the `postgres` database (create your own in it). */
  url: string;
  /** Stops the server, keeping its data (start() brings it back on the same port); both do nothing when already so. */
  stop(): void;
  start(): void;
  /** Stops it and deletes its data folder. */
  destroy(): void;
}

/** The newest installed PostgreSQL's bin folder, installing the package when there is none. */
export function postgresBinDir(): string {
  const find = () =>
    existsSync(PG_ROOT)
      ? readdirSync(PG_ROOT)
          .filter((version) => existsSync(join(PG_ROOT, version, 'bin', 'initdb')))
          .sort((a, b) => Number(b) - Number(a))[0]
      : undefined;
  if (!find()) installDebianPackage('postgresql', `no ${PG_ROOT}/*/bin/initdb`, 'the PostgreSQL storage tests');
  const version = find();
  if (!version) throw new Error(`apt-get installed postgresql but no ${PG_ROOT}/*/bin/initdb exists`);
  return join(PG_ROOT, version, 'bin');
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function run(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  if (asRoot()) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

/** A folder the server's user owns. */
function ownedFolder(path: string): string {
  mkdirSync(path, { recursive: true });
  if (asRoot()) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(path, uid, gid);
  }
  return path;
}

/** Initialises and starts a private server (≈ 1 s). */
export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  const root = mkdtempSync(join(tmpdir(), 'samtavla-pg-'));
  ownedFolder(root);
  const data = join(root, 'data');
  const sockets = ownedFolder(join(root, 'sockets'));
  const port = await freePort();
  // fsync stays on: the durability tests mean it. Logs go to a file in the data folder.
  const options = `-p ${port} -k ${sockets} -c listen_addresses=127.0.0.1`;
  const logFile = join(root, 'server.log');
  const start = () => {
    try {
      run(bin, 'pg_ctl', ['-D', data, '-o', options, '-l', logFile, '-w', '-t', '60', 'start']);
    } catch (error) {
      const log = existsSync(logFile) ? readFileSync(logFile, 'utf8').slice(-2_000) : '(no log)';
      throw new Error(`PostgreSQL did not start on port ${port}: ${(error as Error).message}\n${log}`);
    }
  };
  let running = false;
  const server: PostgresServer = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start() {
      if (running) return;
      start();
      running = true;
    },
    stop() {
      if (!running) return;
      run(bin, 'pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      running = false;
    },
    destroy() {
      server.stop();
      rmSync(root, { recursive: true, force: true });
    },
  };
  try {
    run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8']);
    server.start();
  } catch (error) {
    rmSync(root, { recursive: true, force: true });
    throw error;
  }
  return server;
}

/** Creates a database with a random name on the server at `url`; returns its URL. */
export async function createDatabase(serverUrl: string): Promise<string> {
  const name = `samtavla_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
