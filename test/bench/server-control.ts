/** Starts the bench's server child process and talks to it over IPC. */
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command, ServerStats } from './server-process.ts';

export interface BenchServer {
  url: string;
  echoUrl: string;
  stats(): Promise<ServerStats>;
  /** Memory after a full GC. */
  heap(): Promise<ServerStats>;
  holdRoom(boardId: string): Promise<void>;
  releaseRoom(boardId: string): Promise<void>;
  stop(): Promise<void>;
  /** kill -9 (the scale-out failover); resolves once the process is gone. */
  kill(): Promise<void>;
}

export interface SpawnOptions {
  /** Write a V8 CPU profile of the server into this directory when it stops. */
  cpuProfDir?: string;
  /** More environment for the server (DATABASE_URL, REDIS_URL: the scale-out scenario). */
  env?: Record<string, string>;
}

const entry = fileURLToPath(new URL('./server-process.ts', import.meta.url));

export async function spawnServer(options: SpawnOptions = {}): Promise<BenchServer> {
  const execArgv = [
    '--expose-gc',
    ...(options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`] : []),
  ];
  // process.execPath: `npm run bench` runs the bench under Node 24, and so the server.
  const child: ChildProcess = fork(entry, [], {
    execPath: process.execPath,
    execArgv,
    stdio: 'inherit',
    env: { ...process.env, ...options.env },
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;

  const ready = new Promise<{ url: string; echoUrl: string }>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited early (${code})`)));
    child.on('message', (message: { type?: string; id?: number; result?: unknown; error?: string; url?: string }) => {
      if (message.type === 'ready') resolve(message as { url: string; echoUrl: string });
      const waiting = message.id === undefined ? undefined : pending.get(message.id);
      if (!waiting || message.id === undefined) return;
      pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
  });
  const { url, echoUrl } = await ready;

  const call = <T>(command: Command): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      child.send({ id, command });
    });

  return {
    url,
    echoUrl,
    stats: () => call<ServerStats>({ type: 'stats' }),
    heap: () => call<ServerStats>({ type: 'heap' }),
    holdRoom: (boardId) => call<void>({ type: 'hold-room', boardId }),
    releaseRoom: (boardId) => call<void>({ type: 'release-room', boardId }),
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      await call<void>({ type: 'stop' }).catch(() => {});
      await exited;
    },
    async kill() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGKILL');
      await exited;
    },
  };
}
