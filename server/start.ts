/** Starts the whole server: store, rooms, HTTP app and WebSocket endpoint on one port. */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { MAX_WS_MESSAGE_BYTES } from '../shared/limits.ts';
import { createApp } from './app.ts';
import { createPlanPool } from './plans/plan-pool.ts';
import { openSqliteStore } from './storage/sqlite-store.ts';
import type { BoardStore } from './storage/store.ts';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/limits.ts';
import { RoomRegistry } from './sync/room-registry.ts';
import { createSyncStats, type SyncStats } from './sync/stats.ts';
import { attachWsEndpoint } from './sync/ws-endpoint.ts';

export interface StartOptions {
  dataDir: string;
  port?: number;
  host?: string;
  staticDir?: string;
  maxMessageBytes?: number;
  sqliteSynchronous?: 'NORMAL' | 'FULL';
  pingIntervalMs?: number;
  maxBufferedBytes?: number;
  compactEvery?: number;
  /** Automatic versions: at most one this often while people edit (tests use small values). */
  autoVersionMs?: number;
  /** Automatic versions younger than this many hours are all kept (HISTORY_KEEP_ALL_HOURS). */
  historyKeepAllHours?: number;
  /** Overrides of the sync limits (README "Limits"); tests use small values. */
  limits?: Partial<SyncLimits>;
  /** Plan worker threads (default: the machine's parallelism, at least 2). */
  planThreads?: number;
  /** Time limit of one export or import job (default 30 s). */
  planJobTimeoutMs?: number;
  /**
   * Wraps the storage the server uses: the hook for fault injection in tests
   * (a store that refuses writes the way a full or read-only disk does).
   */
  wrapStore?: (store: BoardStore) => BoardStore;
  /** Origins besides the server's own whose pages may open board sockets (ALLOWED_ORIGINS). */
  allowedOrigins?: readonly string[];
  /** Where warnings go; tests pass a silent logger. */
  log?: (message: string) => void;
}

export interface RunningServer {
  url: string;
  port: number;
  store: BoardStore;
  rooms: RoomRegistry;
  /** Live counters of the sync traffic (connections, updates in, deliveries out …). */
  stats(): SyncStats;
  /** The routes the HTTP app answers, e.g. `GET /api/boards/:id` (API fuzzing reads them). */
  routes: { method: string; path: string }[];
  /** Stops accepting connections, settles every room's writes and closes storage. */
  close(): Promise<void>;
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? ((message: string) => console.warn(message));
  const sqlite = openSqliteStore({ dataDir: options.dataDir, synchronous: options.sqliteSynchronous });
  const store = options.wrapStore ? options.wrapStore(sqlite) : sqlite;
  const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
  const stats = createSyncStats();
  const rooms = new RoomRegistry(store, {
    compactEvery: options.compactEvery,
    autoVersionMs: options.autoVersionMs,
    retention: options.historyKeepAllHours === undefined ? undefined : { keepAllHours: options.historyKeepAllHours },
    limits,
    stats,
    log,
  });
  const plans = createPlanPool({ threads: options.planThreads, jobTimeoutMs: options.planJobTimeoutMs });
  const app = createApp({
    store,
    plans,
    rooms,
    staticDir: options.staticDir,
    maxCardsPerBoard: limits.maxCardsPerBoard,
  });
  const host = options.host ?? '127.0.0.1';

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve({ fetch: app.fetch, port: options.port ?? 0, hostname: host }, () =>
      resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  const wss = attachWsEndpoint(server, {
    store,
    rooms,
    maxMessageBytes: options.maxMessageBytes ?? MAX_WS_MESSAGE_BYTES,
    connection: {
      pingIntervalMs: options.pingIntervalMs ?? 30_000,
      maxBufferedBytes: options.maxBufferedBytes ?? 16 * 1024 * 1024,
      updateBurst: limits.updateBurst,
      updatesPerSecond: limits.updatesPerSecond,
      awarenessBurst: limits.awarenessBurst,
      awarenessPerSecond: limits.awarenessPerSecond,
    },
    stats,
    log,
    allowedOrigins: options.allowedOrigins ?? [],
  });

  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    rooms,
    stats: () => ({ ...stats }),
    routes: [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].map(
      (route) => {
        const [method = '', path = ''] = route.split(' ');
        return { method, path };
      },
    ),
    async close() {
      for (const client of wss.clients) client.close(1001, 'server shutting down');
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections?.();
      await rooms.closeAll();
      await plans.close();
      await store.close();
    },
  };
}
