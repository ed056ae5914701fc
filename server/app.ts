/** The Hono app: the JSON API under /api and the built client for everything else. */
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { MAX_CARDS_PER_BOARD } from '../shared/limits.ts';
import { onError } from './http/errors.ts';
import type { PlanPool } from './plans/plan-pool.ts';
import { boardRoutes } from './routes/boards.ts';
import { historyRoutes } from './routes/history.ts';
import { planRoutes } from './routes/plans.ts';
import type { BoardStore } from './storage/store.ts';
import type { RoomRegistry } from './sync/room-registry.ts';

export interface AppDeps {
  store: BoardStore;
  plans: PlanPool;
  rooms: RoomRegistry;
  staticDir?: string;
  /** The live card limit, which imports hold too (default MAX_CARDS_PER_BOARD). */
  maxCardsPerBoard?: number;
}

/** The HTTP app; the WebSocket endpoint is attached to the Node server in start.ts. */
export function createApp({ store, plans, rooms, staticDir, maxCardsPerBoard = MAX_CARDS_PER_BOARD }: AppDeps): Hono {
  const app = new Hono();

  app.onError(onError);

  const api = new Hono();
  api.get('/health', (c) => c.json({ ok: true }));
  api.route('/', planRoutes(store, plans, maxCardsPerBoard));
  api.route('/', boardRoutes(store, rooms));
  api.route('/', historyRoutes(store, rooms));
  app.route('/api', api);

  if (staticDir && existsSync(join(staticDir, 'index.html'))) {
    const root = relative(process.cwd(), staticDir) || '.';
    app.use('/*', serveStatic({ root }));
    app.get('*', serveStatic({ root, path: 'index.html' }));
  }
  app.notFound((c) => c.json({ error: 'not found' }, 404));

  return app;
}
