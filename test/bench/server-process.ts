/**
 * The server under test, run as its own child process so that its memory and
 * CPU are measured apart from the bench's clients. Started by server-control.ts
 * with --expose-gc (and --cpu-prof when asked); answers commands over IPC.
 * Beside the real server it runs a bare WebSocket echo, the floor that edit
 * latency is compared with.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { WebSocketServer } from 'ws';
import { createLogger } from '../../server/log/logger.ts';
import { startServer } from '../../server/start.ts';
import type { BoardStore } from '../../server/storage/store.ts';
import type { SyncStats } from '../../server/sync/stats.ts';

export interface ServerStats {
  rss: number;
  heapUsed: number;
  external: number;
  arrayBuffers: number;
  /** Microseconds of CPU (user + system) since the process started. */
  cpuMicros: number;
  openRooms: number;
  sync: SyncStats;
  /** Since the previous stats call: the server's event-loop delay and its storage writes (ms). */
  loopDelay: { p50: number; p99: number; max: number };
  writes: { count: number; p50: number; p99: number; max: number };
}

export type Command =
  | { type: 'stats' }
  | { type: 'heap' }
  | { type: 'hold-room'; boardId: string }
  | { type: 'release-room'; boardId: string }
  | { type: 'stop' };

const gc = (globalThis as { gc?: () => void }).gc;
const dataDir = process.env.BENCH_DATA_DIR || mkdtempSync(join(tmpdir(), 'samtavla-bench-'));
const loopDelay = monitorEventLoopDelay({ resolution: 5 });
loopDelay.enable();
let writeTimes: number[] = [];

/** Times every storage write: SQLite runs on the event loop, so a slow write delays every room. */
function timedStore(store: BoardStore): BoardStore {
  const timed =
    <A extends unknown[], R>(run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const started = performance.now();
      try {
        return await run(...args);
      } finally {
        writeTimes.push(performance.now() - started);
      }
    };
  return {
    ...store,
    appendUpdates: timed(store.appendUpdates.bind(store)),
    compact: timed(store.compact.bind(store)),
  };
}

/*
 * Every bench client connects from 127.0.0.1 and scenarios put 500 on one board
 * and create boards in a loop: the per-address caps are for the open internet,
 * not for the bench, so they are lifted far above what any scenario opens.
 */
const BENCH_CAP = 1_000_000;

// Errors (refused writes, skipped updates) matter in a bench run: show them (LOG_LEVEL=warn adds every close).
const server = await startServer({
  dataDir,
  // The scale-out scenario runs two of these on one PostgreSQL and Redis.
  databaseUrl: process.env.DATABASE_URL || undefined,
  redisUrl: process.env.REDIS_URL || undefined,
  port: 0,
  host: '127.0.0.1',
  wrapStore: timedStore,
  log: createLogger({ level: process.env.LOG_LEVEL || 'error' }),
  addressLimits: {
    boardCreationsPerMinute: BENCH_CAP,
    wsPerAddress: BENCH_CAP,
    wsPerBoard: BENCH_CAP,
  },
});

const echo = new WebSocketServer({ port: 0, host: '127.0.0.1' });
echo.on('connection', (socket) => socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary })));
await new Promise<void>((resolve) => echo.once('listening', () => resolve()));
const echoPort = (echo.address() as { port: number }).port;

const percentile = (sorted: number[], q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? 0;

function stats(): ServerStats {
  const memory = process.memoryUsage();
  const cpu = process.cpuUsage();
  const writes = writeTimes.sort((a, b) => a - b);
  writeTimes = [];
  const delay = { p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 };
  loopDelay.reset();
  return {
    rss: memory.rss,
    heapUsed: memory.heapUsed,
    external: memory.external,
    arrayBuffers: memory.arrayBuffers,
    cpuMicros: cpu.user + cpu.system,
    openRooms: server.rooms.openCount,
    sync: server.stats(),
    loopDelay: delay,
    writes: {
      count: writes.length,
      p50: percentile(writes, 0.5),
      p99: percentile(writes, 0.99),
      max: writes.at(-1) ?? 0,
    },
  };
}

/** Full GC (twice: weak references and finalizers need a second pass) before reading memory. */
function settledHeap(): ServerStats {
  gc?.();
  gc?.();
  return stats();
}

async function handle(command: Command): Promise<unknown> {
  switch (command.type) {
    case 'stats':
      return stats();
    case 'heap':
      return settledHeap();
    case 'hold-room':
      await server.rooms.acquire(command.boardId);
      return true;
    case 'release-room':
      server.rooms.release(command.boardId);
      return true;
    case 'stop':
      echo.close();
      await server.close();
      setImmediate(() => process.exit(0));
      return true;
  }
}

process.on('message', (message: { id: number; command: Command }) => {
  handle(message.command).then(
    (result) => process.send?.({ id: message.id, result }),
    (error: Error) => process.send?.({ id: message.id, error: error.message }),
  );
});
process.send?.({ type: 'ready', url: server.url, echoUrl: `ws://127.0.0.1:${echoPort}` });
