/**
 * Prometheus metrics (README "Health and metrics"), with prom-client on a
 * registry of this server's own (tests run several servers in one process).
 * Counts come from where they are already kept: the sync counters (stats.ts)
 * are read when scraped, storage writes and plan jobs are timed by wrapping
 * the store and the pool, so no module of the sync path knows of Prometheus.
 */
import client from 'prom-client';
import { PlanBusy, type PlanPool, PlanTimeout } from '../plans/plan-pool.ts';
import type { BoardStore } from '../storage/store.ts';
import type { SyncStats } from '../sync/stats.ts';

export interface MetricsSources {
  stats: SyncStats;
  /** Boards with a live room now (read when scraped; the rooms exist after the store). */
  openBoards(): number;
}

export interface ServerMetrics {
  registry: client.Registry;
  /** The store, its appends timed (`samtavla_storage_write_seconds`). */
  timeStore(store: BoardStore): BoardStore;
  /** The pool, each job counted and timed by kind and outcome. */
  timePlans(pool: PlanPool): PlanPool;
}

const WRITE_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];
const JOB_BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];
const PLAN_JOBS = ['export', 'import', 'report', 'nextPlan', 'rollupDocx'] as const;

export function createMetrics(sources: MetricsSources): ServerMetrics {
  const registry = new client.Registry();
  // Process CPU and memory, and the event loop's delay (nodejs_eventloop_lag_*), sampled every 20 ms.
  client.collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 20 });
  const { stats } = sources;

  new client.Gauge({
    name: 'samtavla_open_boards',
    help: 'Boards with a live room (someone connected, or writes still settling).',
    registers: [registry],
    collect() {
      this.set(sources.openBoards());
    },
  });
  new client.Gauge({
    name: 'samtavla_connections',
    help: 'Open board WebSockets.',
    registers: [registry],
    collect() {
      this.set(stats.connections);
    },
  });
  new client.Gauge({
    name: 'samtavla_relay_catch_ups_running',
    help: 'Catch-ups from storage reading now (REDIS_URL; at most half of PG_POOL_SIZE at once).',
    registers: [registry],
    collect() {
      this.set(stats.catchUpsRunning);
    },
  });
  const totals: [string, string, () => number][] = [
    ['samtavla_updates_received_total', 'Document updates received from clients.', () => stats.updatesIn],
    ['samtavla_updates_stored_total', 'Document updates stored.', () => stats.updatesStored],
    ['samtavla_deliveries_total', 'Updates delivered to peers (one per peer and update).', () => stats.deliveries],
    ['samtavla_presence_received_total', 'Presence (awareness) messages received.', () => stats.awarenessIn],
    [
      'samtavla_presence_dropped_total',
      'Presence states dropped: the board held as many as it may.',
      () => stats.presenceDropped,
    ],
    ['samtavla_refused_total', 'Connections closed for a limit or a refused update.', () => stats.refused],
    [
      'samtavla_relayed_updates_total',
      'Updates another process stored, applied here through the relay (REDIS_URL).',
      () => stats.relayedIn,
    ],
    [
      'samtavla_relay_catch_ups_total',
      'Catch-ups from storage after relayed messages may have been lost (a gap, a Redis reconnect).',
      () => stats.catchUps,
    ],
  ];
  for (const [name, help, read] of totals) {
    // A counter read from a running total: reset and add it at each scrape.
    new client.Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  }
  new client.Counter({
    name: 'samtavla_closed_connections_total',
    help: 'Connections the server closed, by WebSocket close code (README "Limits").',
    labelNames: ['code'],
    registers: [registry],
    collect() {
      this.reset();
      for (const [code, count] of stats.closesByCode) this.inc({ code: String(code) }, count);
    },
  });

  const writes = new client.Histogram({
    name: 'samtavla_storage_write_seconds',
    help: 'Time to append a batch of updates to storage durably.',
    buckets: WRITE_BUCKETS,
    registers: [registry],
  });
  const jobs = new client.Histogram({
    name: 'samtavla_plan_job_seconds',
    help: 'Plan jobs (exports, imports, reports, next plans, roll-up documents) by kind and outcome (done, busy, timeout, failed).',
    labelNames: ['kind', 'outcome'],
    buckets: JOB_BUCKETS,
    registers: [registry],
  });

  return {
    registry,
    timeStore(store) {
      const appendUpdates: BoardStore['appendUpdates'] = async (id, updates) => {
        const end = writes.startTimer();
        try {
          return await store.appendUpdates(id, updates);
        } finally {
          end();
        }
      };
      return Object.assign(Object.create(store) as BoardStore, { appendUpdates });
    },
    timePlans(pool) {
      const timed = { accepting: () => pool.accepting(), close: () => pool.close() } as PlanPool;
      for (const kind of PLAN_JOBS) {
        const run = pool[kind] as (task: unknown) => Promise<unknown>;
        (timed as unknown as Record<string, (task: unknown) => Promise<unknown>>)[kind] = async (task) => {
          const end = jobs.startTimer({ kind });
          try {
            const result = await run.call(pool, task);
            end({ outcome: 'done' });
            return result;
          } catch (error) {
            end({ outcome: error instanceof PlanBusy ? 'busy' : error instanceof PlanTimeout ? 'timeout' : 'failed' });
            throw error;
          }
        };
      }
      return timed;
    },
  };
}
