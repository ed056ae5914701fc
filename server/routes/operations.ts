/**
 * What an operator's balancer and monitoring ask (README "Health and
 * metrics"): `/api/health` (the process answers), `/api/ready` (storage
 * answers, the plan workers take jobs and, with REDIS_URL, Redis is connected) and `/metrics` in Prometheus text
 * format. Metrics are off unless METRICS_TOKEN is set, and then need it as a
 * bearer token, so they are never public by accident.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bearerToken } from '../auth/board-access.ts';
import type { ServerMetrics } from '../metrics/metrics.ts';
import type { PlanPool } from '../plans/plan-pool.ts';
import type { BoardStore } from '../storage/store.ts';

/** Longer than this, storage counts as unreachable for the balancer. */
const READY_TIMEOUT_MS = 2_000;

export interface OperationsDeps {
  store: BoardStore;
  plans: PlanPool;
  metrics: ServerMetrics;
  metricsToken?: string;
  /** The relay to other processes (REDIS_URL); absent with one process. */
  relay?: { readonly connected: boolean };
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Constant-time comparison of a presented bearer token with the configured one. */
function tokenMatches(header: string | undefined, token: string): boolean {
  return timingSafeEqual(digest(bearerToken(header) ?? ''), digest(token));
}

async function storageAnswers(store: BoardStore): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), READY_TIMEOUT_MS);
  });
  try {
    // Any query reaches the database; an id no board has keeps it trivial.
    return await Promise.race([store.getBoard('readiness-probe').then(() => true), late]);
  } catch {
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** `/api/health` and `/api/ready`, mounted under /api. */
export function healthRoutes({ store, plans, relay }: Pick<OperationsDeps, 'store' | 'plans' | 'relay'>): Hono {
  const app = new Hono();
  app.get('/health', (c) => c.json({ ok: true }));
  app.get('/ready', async (c) => {
    c.header('Cache-Control', 'no-store');
    const storage = await storageAnswers(store);
    const workers = plans.accepting();
    // Without Redis this process's edits would reach only its own clients: the balancer sends people elsewhere.
    const relayed = relay?.connected ?? true;
    if (storage && workers && relayed) return c.json({ ready: true });
    const problems = [
      storage ? null : 'storage does not answer',
      workers ? null : 'plan workers are stopped',
      relayed ? null : 'Redis is not connected',
    ];
    return c.json({ ready: false, error: problems.filter(Boolean).join('; ') }, 503);
  });
  return app;
}

/** `/metrics`, mounted at the root where Prometheus looks by default. */
export function metricsRoute({ metrics, metricsToken }: Pick<OperationsDeps, 'metrics' | 'metricsToken'>): Hono {
  const app = new Hono();
  app.get('/metrics', async (c) => {
    c.header('Cache-Control', 'no-store');
    if (!metricsToken) return c.json({ error: 'metrics are off; set METRICS_TOKEN to turn them on' }, 404);
    if (!tokenMatches(c.req.header('Authorization'), metricsToken)) {
      c.header('WWW-Authenticate', 'Bearer');
      return c.json({ error: 'metrics need the METRICS_TOKEN as a bearer token' }, 401);
    }
    return c.body(await metrics.registry.metrics(), 200, { 'Content-Type': metrics.registry.contentType });
  });
  return app;
}
