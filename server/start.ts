/** Starts the whole server: store, rooms, HTTP app and WebSocket endpoint on one port. */

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { CLOSE_BOARD_DELETED, CLOSE_SERVER_RESTARTING } from '../shared/close-codes.ts';
import { MAX_WS_MESSAGE_BYTES } from '../shared/limits.ts';
import { isLoopbackHost } from '../shared/loopback.ts';
import { createApp } from './app.ts';
import { BoardExpiry, DEFAULT_SWEEP_INTERVAL_MS } from './boards/board-expiry.ts';
import { type AddressLimitSettings, createAddressLimits, DEFAULT_ADDRESS_LIMITS } from './http/address-limits.ts';
import {
  applyConnectionCap,
  DEFAULT_HTTP_LIMITS,
  defaultMaxConnections,
  type HttpLimits,
  httpServerOptions,
} from './http/http-limits.ts';
import { createLogger, type Logger } from './log/logger.ts';
import { createMetrics } from './metrics/metrics.ts';
import { createPlanPool } from './plans/plan-pool.ts';
import { createStore } from './storage/create-store.ts';
import { claimDataDir, serverUsing } from './storage/data-dir-lock.ts';
import type { BoardStore } from './storage/store.ts';
import { DEFAULT_SYNC_LIMITS, type SyncLimits } from './sync/limits.ts';
import { catchUpConcurrency } from './sync/relay/catch-up-queue.ts';
import { RedisRelay } from './sync/relay/redis-relay.ts';
import { DEFAULT_RETENTION } from './sync/retention.ts';
import { RoomRegistry } from './sync/room-registry.ts';
import { StateWorker } from './sync/state-worker-client.ts';
import { createSyncStats, type SyncStats } from './sync/stats.ts';
import { attachWsEndpoint } from './sync/ws-endpoint.ts';
import { readTemplatesDir, TemplateCatalog } from './templates/template-catalog.ts';

export interface StartOptions {
  dataDir: string;
  /** DATABASE_URL: boards live in PostgreSQL (README "PostgreSQL storage"); absent: SQLite under dataDir. */
  databaseUrl?: string;
  /** PostgreSQL connections at most (PG_POOL_SIZE). */
  pgPoolSize?: number;
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
  /** The structured log (README "Logging"); stdout at info when absent. Tests pass a silent or capturing one. */
  log?: Logger;
  /** How many reverse proxies in front append to X-Forwarded-For (TRUST_PROXY); 0 (default): ignored. */
  trustProxy?: number;
  /** Per-address and per-board caps (README "Limits"); the bench raises them. */
  addressLimits?: Partial<AddressLimitSettings>;
  /** HTTP timeouts and the connection cap (README "Limits"). */
  http?: Partial<HttpLimits>;
  /** Boards unused for this many days are deleted (0 or absent: never); fractions for tests. */
  boardRetentionDays?: number;
  /** How often expired boards are looked for (default hourly; and once at start). */
  retentionSweepMs?: number;
  /** A directory of server-wide templates (*.json), read once at start (TEMPLATES_DIR). */
  templatesDir?: string;
  /** METRICS_TOKEN: turns `/metrics` on, for requests that bring it as a bearer token. */
  metricsToken?: string;
  /** TLDRAW_LICENSE_KEY: the canvas's licence, handed to the page at run time. */
  tldrawLicenseKey?: string;
  /** REDIS_URL: several processes serve the same boards (README "Running on several machines"). */
  redisUrl?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  store: BoardStore;
  rooms: RoomRegistry;
  /** Board expiry: `sweep()` deletes what has expired now. */
  expiry: BoardExpiry;
  log: Logger;
  /** Live counters of the sync traffic (connections, updates in, deliveries out …). */
  stats(): SyncStats;
  /** The routes the HTTP app answers, e.g. `GET /api/boards/:id` (API fuzzing reads them). */
  routes: { method: string; path: string }[];
  /** Stops accepting connections, settles every room's writes and closes storage. */
  close(): Promise<void>;
}

/** How long requests under way and WebSocket closing handshakes may take when the server stops. */
export const SHUTDOWN_GRACE_MS = 3_000;

/**
 * Whether the pages may be served on a real host name, where tldraw needs a key: the server
 * listens beyond loopback, or sits behind a proxy (TRUST_PROXY, README's HOST=127.0.0.1 setup)
 * or is told of an https origin that is not loopback.
 */
function servesPublicName(host: string, trustProxy: number, allowedOrigins: readonly string[]): boolean {
  const publicOrigin = (origin: string) => {
    try {
      const url = new URL(origin);
      return url.protocol === 'https:' && !isLoopbackHost(url.hostname);
    } catch {
      return false;
    }
  };
  return !isLoopbackHost(host) || trustProxy > 0 || allowedOrigins.some(publicOrigin);
}

export async function startServer(options: StartOptions): Promise<RunningServer> {
  const log = options.log ?? createLogger();
  const usesSqlite = !options.databaseUrl;
  // Two servers on one SQLite file would each keep their own rooms and overwrite each other's boards.
  // Only a warning: after a reboot the pid in the file may belong to an unrelated process.
  // PostgreSQL is made for several processes: nothing to claim there.
  const other = usesSqlite ? serverUsing(options.dataDir) : null;
  if (other !== null) {
    log.warn(
      { event: 'server.data-dir-in-use', pid: other, dataDir: options.dataDir },
      `server.pid names a live process (${other}); if it is another Samtavla server on this data directory, stop one of them`,
    );
  }
  // PostgreSQL's compaction may merge whole states of other processes' boards: off the event loop.
  const storageWorker = new StateWorker();
  const opened = await createStore({
    databaseUrl: options.databaseUrl,
    dataDir: options.dataDir,
    sqliteSynchronous: options.sqliteSynchronous,
    poolSize: options.pgPoolSize,
    // Folded through a Y.Doc, not merged as bytes: a bare merge may keep deleted text a fold had dropped.
    merge: (updates) => storageWorker.run({ op: 'fold', updates }),
    onIdleError: (err) =>
      log.warn({ event: 'storage.connection-lost', err }, 'a PostgreSQL connection was lost; the pool reconnects'),
  });
  const stats = createSyncStats();
  // The rooms are made after the store they use: the gauge asks for them when scraped.
  let rooms: RoomRegistry | undefined;
  const metrics = createMetrics({ stats, openBoards: () => rooms?.openCount ?? 0 });
  const store = metrics.timeStore(options.wrapStore ? options.wrapStore(opened) : opened);
  const releaseDataDir = usesSqlite ? claimDataDir(options.dataDir) : () => {};
  const limits: SyncLimits = { ...DEFAULT_SYNC_LIMITS, ...options.limits };
  // The expiry asks the rooms whether a board is open, and the rooms tell it of use: wired both ways here.
  const expiry = new BoardExpiry({
    store,
    retentionDays: options.boardRetentionDays ?? 0,
    log,
    // Through the rooms, as a facilitator's delete: other processes close the board's sockets at once.
    deleteUnused: async (boardId, unusedBefore) =>
      rooms
        ? rooms.deleteUnopened(boardId, CLOSE_BOARD_DELETED, () => store.deleteBoard(boardId, unusedBefore))
        : false,
  });
  const relay = options.redisUrl ? new RedisRelay(options.redisUrl, log) : undefined;
  rooms = new RoomRegistry(store, {
    relay,
    // Catch-ups load whole boards: they leave about half of the store's pool to the edits.
    catchUpConcurrency: catchUpConcurrency(options.pgPoolSize),
    compactEvery: options.compactEvery,
    autoVersionMs: options.autoVersionMs,
    retention:
      options.historyKeepAllHours === undefined
        ? undefined
        : { ...DEFAULT_RETENTION, keepAllHours: options.historyKeepAllHours },
    limits,
    stats,
    log,
    onUsed: (boardId) => void expiry.touch(boardId),
  });
  const plans = metrics.timePlans(
    createPlanPool({ threads: options.planThreads, jobTimeoutMs: options.planJobTimeoutMs }),
  );
  const addressLimits = createAddressLimits({ ...DEFAULT_ADDRESS_LIMITS, ...options.addressLimits });
  const trustProxy = options.trustProxy ?? 0;
  const catalog = new TemplateCatalog(options.templatesDir ? readTemplatesDir(options.templatesDir, log) : []);
  const app = createApp({
    catalog,
    store,
    plans,
    relay,
    rooms,
    log,
    addressLimits,
    trustProxy,
    expiry,
    staticDir: options.staticDir,
    maxCardsPerBoard: limits.maxCardsPerBoard,
    metrics,
    metricsToken: options.metricsToken,
    tldrawLicenseKey: options.tldrawLicenseKey,
  });
  const host = options.host ?? '127.0.0.1';
  const httpLimits: HttpLimits = {
    ...DEFAULT_HTTP_LIMITS,
    maxConnections: defaultMaxConnections(),
    ...options.http,
  };

  const server = await new Promise<Server>((resolve, reject) => {
    const created = serve(
      { fetch: app.fetch, port: options.port ?? 0, hostname: host, serverOptions: httpServerOptions(httpLimits) },
      () => resolve(created as Server),
    ) as Server;
    created.once('error', reject);
  });
  applyConnectionCap(server, httpLimits);
  expiry.start(options.retentionSweepMs ?? DEFAULT_SWEEP_INTERVAL_MS);
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
    addressLimits,
    trustProxy,
    allowedOrigins: options.allowedOrigins ?? [],
  });
  log.info({ event: 'server.started', port: (server.address() as AddressInfo).port }, 'server started');
  if (!options.tldrawLicenseKey && servesPublicName(host, trustProxy, options.allowedOrigins ?? [])) {
    log.warn(
      { event: 'server.no-tldraw-licence', host },
      'TLDRAW_LICENSE_KEY is not set: on an https address other than localhost the canvas is unavailable and boards open as tables (README "The tldraw licence key")',
    );
  }

  const port = (server.address() as AddressInfo).port;
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    store,
    rooms,
    expiry,
    log,
    stats: () => ({ ...stats }),
    routes: [...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`))].map(
      (route) => {
        const [method = '', path = ''] = route.split(' ');
        return { method, path };
      },
    ),
    async close() {
      // No new connections first, so a page that reconnects at once reaches the next process.
      const listening = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const client of wss.clients) client.close(CLOSE_SERVER_RESTARTING, 'server restarting');
      // Requests under way and closing handshakes get a moment; then every socket is cut.
      const grace = setTimeout(() => {
        for (const client of wss.clients) client.terminate();
        server.closeAllConnections?.();
      }, SHUTDOWN_GRACE_MS);
      server.closeIdleConnections?.();
      await listening;
      clearTimeout(grace);
      await expiry.stop();
      await rooms.closeAll();
      await relay?.close();
      await plans.close();
      await store.close();
      await storageWorker.close();
      releaseDataDir();
    },
  };
}
