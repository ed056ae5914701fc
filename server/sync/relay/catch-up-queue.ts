/**
 * The one queue every room's catch-up from storage of one process runs through
 * (README "Running on several machines", "Catch-up"). After a Redis outage
 * every open room catches up at once, each a whole load of its board; run all
 * together they would take every connection of the store's pool
 * (PG_POOL_SIZE) from the edits being stored meanwhile. At most about half
 * the pool's worth run at a time, the rest wait their turn in order.
 */
import pLimit, { type LimitFunction } from 'p-limit';
import type { SyncStats } from '../stats.ts';

/** PostgreSQL connections a process keeps when PG_POOL_SIZE is not set (node-postgres' default). */
export const DEFAULT_POOL_SIZE = 10;

/** Catch-ups at a time for a store pool of `poolSize` connections: half of it, at least one. */
export function catchUpConcurrency(poolSize = DEFAULT_POOL_SIZE): number {
  return Math.max(1, Math.floor(poolSize / 2));
}

export class CatchUpQueue {
  private readonly limit: LimitFunction;
  private readonly stats: SyncStats;

  constructor(concurrency: number, stats: SyncStats) {
    this.limit = pLimit(concurrency);
    this.stats = stats;
  }

  get concurrency(): number {
    return this.limit.concurrency;
  }

  /** Runs one catch-up when its turn comes; `stats` counts those running and the most ever at once. */
  run(catchUp: () => Promise<void>): Promise<void> {
    return this.limit(async () => {
      const { stats } = this;
      stats.catchUpsRunning++;
      stats.catchUpsRunningPeak = Math.max(stats.catchUpsRunningPeak, stats.catchUpsRunning);
      try {
        await catchUp();
      } finally {
        stats.catchUpsRunning--;
      }
    });
  }
}
