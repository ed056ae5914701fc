/**
 * A private Redis for the tests, from Debian's `redis-server` (installed when
 * missing, as the e2e setup installs Chromium): a free port on loopback, no
 * persistence, stopped by its own pid. `restart()` stops and starts it on the
 * same port, for the tests of what processes do when Redis goes away.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { createConnection } from 'node:net';
import { ensureDebianPackage } from '../e2e/setup/debian-package.ts';
import { freePort } from '../integration/reliability-support.ts';

export const REDIS_SERVER_PATH = '/usr/bin/redis-server';

export interface RedisServer {
  url: string;
  port: number;
  /** Stops it (SIGTERM to its own pid) and waits until it has exited. */
  stop(): Promise<void>;
  /** Stops it and starts a new one on the same port; everything it held is gone, as after a crash. */
  restart(): Promise<void>;
}

export async function startRedisServer(): Promise<RedisServer> {
  ensureDebianPackage('redis-server', REDIS_SERVER_PATH, 'the tests of several server processes');
  const port = await freePort();
  let child = await spawnRedis(port);
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: () => stopRedis(child),
    async restart() {
      await stopRedis(child);
      child = await spawnRedis(port);
    },
  };
}

async function spawnRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER_PATH,
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const deadline = Date.now() + 10_000;
  while (!(await answersPing(port))) {
    if (child.exitCode !== null) throw new Error(`redis-server exited (${child.exitCode}): ${output}`);
    if (Date.now() > deadline) throw new Error(`redis-server did not answer on port ${port}: ${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return child;
}

async function stopRedis(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  await exited;
}

/** Whether a Redis answers PING on the port (RESP inline command; no client library needed here). */
function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('error', () => done(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => done(data.toString().startsWith('+PONG')));
    socket.setTimeout(1_000, () => done(false));
  });
}
