/** The Hono app: the JSON API under /api and the built client for everything else. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { MAX_CARDS_PER_BOARD } from '../shared/limits.ts';
import type { BoardExpiry } from './boards/board-expiry.ts';
import type { AddressLimits } from './http/address-limits.ts';
import { onError } from './http/errors.ts';
import { pageHandler } from './http/page.ts';
import { type AppEnv, requestContext } from './http/request-context.ts';
import { cacheControl, securityHeaders } from './http/security-headers.ts';
import type { Logger } from './log/logger.ts';
import type { ServerMetrics } from './metrics/metrics.ts';
import type { PlanPool } from './plans/plan-pool.ts';
import { boardRoutes } from './routes/boards.ts';
import { decisionRoutes } from './routes/decisions.ts';
import { historyRoutes } from './routes/history.ts';
import { nextPlanRoutes } from './routes/next-plan.ts';
import { healthRoutes, metricsRoute } from './routes/operations.ts';
import { planRoutes } from './routes/plans.ts';
import { rollupRoutes } from './routes/rollups.ts';
import { roundRoutes } from './routes/rounds.ts';
import { templateRoutes } from './routes/templates.ts';
import { votingRoutes } from './routes/voting.ts';
import { workshopRoutes } from './routes/workshop.ts';
import type { BoardStore } from './storage/store.ts';
import type { RoomRegistry } from './sync/room-registry.ts';
import { TemplateCatalog } from './templates/template-catalog.ts';

export interface AppDeps {
  store: BoardStore;
  plans: PlanPool;
  log: Logger;
  addressLimits: AddressLimits;
  /** See TRUST_PROXY: how many proxies in front append to X-Forwarded-For. */
  trustProxy: number;
  expiry: BoardExpiry;
  rooms: RoomRegistry;
  staticDir?: string;
  /** The live card limit, which imports hold too (default MAX_CARDS_PER_BOARD). */
  maxCardsPerBoard?: number;
  /** The templates offered for new boards (default: the built-in ones). */
  catalog?: TemplateCatalog;
  metrics: ServerMetrics;
  /** METRICS_TOKEN: `/metrics` answers only with it; absent, metrics are off. */
  metricsToken?: string;
  /** TLDRAW_LICENSE_KEY, handed to every page at run time. */
  tldrawLicenseKey?: string;
  /** The relay to other processes (REDIS_URL): readiness needs it connected. */
  relay?: { readonly connected: boolean };
}

/** The HTTP app; the WebSocket endpoint is attached to the Node server in start.ts. */
export function createApp(deps: AppDeps): Hono<AppEnv> {
  const { store, plans, rooms, log, addressLimits, trustProxy, expiry, staticDir } = deps;
  const maxCardsPerBoard = deps.maxCardsPerBoard ?? MAX_CARDS_PER_BOARD;
  const catalog = deps.catalog ?? new TemplateCatalog();
  const app = new Hono<AppEnv>();

  app.onError(onError(log));
  // Outermost first: the request line is logged with the final status and every answer gets the headers.
  app.use('*', requestContext(log, trustProxy));
  app.use('*', securityHeaders);
  app.use('*', cacheControl);

  const { boardCreation: creations, failedAuth } = addressLimits;
  const api = new Hono<AppEnv>();
  api.route('/', healthRoutes({ store, plans, relay: deps.relay }));
  api.route('/', planRoutes({ store, plans, log, creations, failedAuth, maxCardsPerBoard, catalog }));
  api.route('/', templateRoutes({ store, catalog, failedAuth, rooms }));
  api.route('/', boardRoutes({ store, rooms, log, creations, failedAuth, expiry, catalog }));
  api.route('/', historyRoutes(store, rooms, failedAuth, log));
  api.route('/', rollupRoutes({ store, plans, failedAuth }));
  api.route('/', nextPlanRoutes({ store, plans, creations, failedAuth, log }));
  api.route('/', roundRoutes(store, rooms, failedAuth));
  api.route('/', workshopRoutes(store, rooms, failedAuth));
  api.route('/', decisionRoutes(store, rooms, failedAuth));
  api.route('/', votingRoutes(store, rooms, failedAuth));
  app.route('/api', api);
  app.route('/', metricsRoute({ metrics: deps.metrics, metricsToken: deps.metricsToken }));
  // An unknown API path is an API error, not the web page the fallback below would serve.
  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));

  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const root = relative(process.cwd(), staticDir) || '.';
    const page = pageHandler(staticDir, { tldrawLicenseKey: deps.tldrawLicenseKey });
    app.get('/', page);
    app.get('/index.html', page);
    app.use('/*', serveStatic({ root }));
    // A missing build file is a 404, never the page (which would then be cached as that file).
    app.all('/assets/*', (c) => c.json({ error: 'not found' }, 404));
    app.get('*', page);
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  return app;
}
