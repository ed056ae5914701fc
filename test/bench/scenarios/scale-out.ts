/**
 * Several processes (README "Running on several machines"): two server processes
 * on one PostgreSQL and one Redis with the clients split between them, beside
 * one process on SQLite, in the same run. Everyone types twice a second on a
 * 200-card board (the first 4 s not counted); an edit's latency is counted apart for the peers on the
 * sender's own process (same) and on the other one (cross: stored, published,
 * relayed). Then failover: kill -9 of a process, and the time until every one
 * of its clients is back in sync through the other.
 *
 * PostgreSQL and Redis are private ones from Debian's packages (as in the tests).
 */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cardsMap } from '../../../shared/board-doc.ts';
import { createCard } from '../../../shared/card.ts';
import { createDatabase, startPostgres } from '../../helpers/postgres-server.ts';
import { startRedisServer } from '../../helpers/redis-server.ts';
import { ClientPool } from '../clients/pool.ts';
import { type Scenario, type ScenarioContext, seedBoard, waitUntil, wsBase } from '../harness.ts';
import { type BenchServer, spawnServer } from '../server-control.ts';
import { check, type Distribution, describeDistribution, distribution, perSecond, round } from '../stats.ts';
import { BACKGROUND_CARDS } from './latency.ts';

const EDITS_PER_SECOND = 2;
const WARM_UP_MS = 4_000;
/** Clients on the killed process in each failover trial, and trials (their times make the p99). */
const FAILOVER_CLIENTS = 20;

interface SplitFigures {
  same: Distribution;
  cross?: Distribution;
  updatesInPerSecond: number;
  deliveriesOutPerSecond: number;
  serverCpuPercent: number[];
  clientCpuPercent: number;
  /** Each server's durable appends during the run (PostgreSQL commits, SQLite transactions), p99 ms. */
  storeWriteP99Ms: number[];
}

/** `clients` protocol clients spread over `servers` round-robin by server, each tagged with its server. */
async function runSplit(
  context: ScenarioContext,
  servers: BenchServer[],
  room: string,
  clients: number,
  durationMs: number,
  label: string,
): Promise<SplitFigures> {
  const pool = new ClientPool(2);
  try {
    for (const [tag, server] of servers.entries()) {
      const share = Math.floor(clients / servers.length) + (tag < clients % servers.length ? 1 : 0);
      await pool.connect(wsBase(server.url), [{ boardId: room, clients: share }], { kind: 'protocol', tag });
    }
    // Protocol clients cannot see the cards arrive: give their creation a moment to be stored and relayed.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    // Typing that is not counted, in every configuration alike: the first seconds of a process
    // measure its JIT and its connections being opened (PostgreSQL's pool opens them on demand),
    // not how it serves a workshop that is under way.
    await pool.run({ durationMs: WARM_UP_MS, editsPerSecond: EDITS_PER_SECOND });
    const before = await Promise.all(servers.map((s) => s.stats()));
    const started = performance.now();
    const report = await pool.run({ durationMs, editsPerSecond: EDITS_PER_SECOND });
    const elapsed = performance.now() - started;
    const after = await Promise.all(servers.map((s) => s.stats()));
    const seconds = durationMs / 1000;
    const figures: SplitFigures = {
      same: distribution(report.byPair.same ?? new Float64Array()),
      ...(servers.length > 1 ? { cross: distribution(report.byPair.cross ?? new Float64Array()) } : {}),
      updatesInPerSecond: round(report.editsSent / seconds, 1),
      deliveriesOutPerSecond: round(report.deliveries / seconds, 0),
      serverCpuPercent: after.map((a, i) =>
        round(((a.cpuMicros - (before[i]?.cpuMicros ?? 0)) / 1000 / elapsed) * 100, 0),
      ),
      clientCpuPercent: round(report.clientCpuPercent, 0),
      storeWriteP99Ms: after.map((a) => round(a.writes.p99, 1)),
    };
    context.log(`  ${label}: same process ${describeDistribution(figures.same)}`);
    if (figures.cross) context.log(`    cross-process ${describeDistribution(figures.cross)}`);
    context.log(
      `    in ${perSecond(figures.updatesInPerSecond)} updates, out ${perSecond(figures.deliveriesOutPerSecond)} deliveries; ` +
        `server CPU ${figures.serverCpuPercent.map((c) => `${c}%`).join(' + ')}; clients CPU ${figures.clientCpuPercent}%; ` +
        `store writes p99 ${figures.storeWriteP99Ms.map((w) => `${w} ms`).join(' + ')}` +
        (Object.keys(report.dropped).length > 0 ? `; dropped ${JSON.stringify(report.dropped)}` : ''),
    );
    return figures;
  } finally {
    await pool.disconnect().catch(() => {});
    await pool.close();
  }
}

function provider(url: string, room: string): { doc: Y.Doc; provider: WebsocketProvider } {
  const doc = new Y.Doc();
  const p = new WebsocketProvider(wsBase(url), room, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider: p };
}

/**
 * One failover trial: clients on a fresh process X and on B; kill -9 of X; each of X's
 * clients goes to B when its socket drops (what a balancer does) and counts as back once
 * it has synced there and holds an edit made on B after the kill. Milliseconds per client.
 */
async function failoverTrial(env: Record<string, string>, b: BenchServer, room: string): Promise<number[]> {
  const x = await spawnServer({ env });
  // Each stock provider listens for the process's exit (to say goodbye to its peers): more than Node's default ten.
  process.setMaxListeners(Math.max(process.getMaxListeners(), FAILOVER_CLIENTS + 10));
  const clients = Array.from({ length: FAILOVER_CLIENTS }, () => provider(x.url, room));
  const witness = provider(b.url, room);
  try {
    await waitUntil('failover clients synced', () => [...clients, witness].every((c) => c.provider.synced), 60_000);
    for (const c of clients) {
      c.provider.on('connection-close', () => {
        c.provider.serverUrl = wsBase(b.url);
      });
    }
    const killedAt = performance.now();
    await x.kill();
    const marker = createCard(witness.doc, { goalId: 'A1', createdBy: 'failover witness' });
    const backAt = new Map<number, number>();
    await waitUntil(
      'every client of the killed process back in sync',
      () => {
        for (const [i, c] of clients.entries()) {
          if (!backAt.has(i) && c.provider.synced && cardsMap(c.doc).has(marker)) {
            backAt.set(i, performance.now() - killedAt);
          }
        }
        return backAt.size === clients.length;
      },
      30_000,
    );
    return [...backAt.values()];
  } finally {
    for (const c of [...clients, witness]) {
      c.provider.destroy();
      c.doc.destroy();
    }
    await x.kill();
  }
}

export const scaleOut: Scenario = {
  name: 'scale-out',
  title: 'Two processes on PostgreSQL + Redis beside one on SQLite: edit → peer latency, failover',
  async run(context) {
    const postgres = await startPostgres();
    const redis = await startRedisServer();
    const durationMs = context.quick ? 8_000 : 15_000;
    const figures: Record<string, unknown> = {};
    const checks = [];
    try {
      for (const clients of [50, 250]) {
        const single = await spawnServer();
        let alone: SplitFigures;
        try {
          const board = await seedBoard(single.url, BACKGROUND_CARDS);
          alone = await runSplit(
            context,
            [single],
            board.room,
            clients,
            durationMs,
            `${clients} clients, one process (SQLite)`,
          );
        } finally {
          await single.stop();
        }
        const env = { DATABASE_URL: await createDatabase(postgres.url), REDIS_URL: redis.url };
        const pair = [await spawnServer({ env }), await spawnServer({ env })];
        let split: SplitFigures;
        try {
          const board = await seedBoard(pair[0]?.url as string, BACKGROUND_CARDS);
          split = await runSplit(context, pair, board.room, clients, durationMs, `${clients} clients, two processes`);
        } finally {
          await Promise.all(pair.map((s) => s.stop()));
        }
        figures[`clients${clients}`] = { singleSqlite: alone, twoProcesses: split };
        if (clients === 250) {
          const limit = 2 * alone.same.p99;
          checks.push(
            check(
              'cross-process p99 at 250 clients',
              split.cross?.p99 ?? Number.NaN,
              'ms',
              '<=',
              round(limit, 1),
              'limit: 2 × single-process p99',
            ),
          );
        }
      }

      const env = { DATABASE_URL: await createDatabase(postgres.url), REDIS_URL: redis.url };
      const b = await spawnServer({ env });
      try {
        const board = await seedBoard(b.url, BACKGROUND_CARDS);
        const times: number[] = [];
        for (let trial = 0; trial < (context.quick ? 3 : 5); trial++)
          times.push(...(await failoverTrial(env, b, board.room)));
        const failover = distribution(Float64Array.from(times));
        context.log(
          `  failover (kill -9 → every client of that process back in sync): ${describeDistribution(failover)}`,
        );
        figures.failover = { clientsPerTrial: FAILOVER_CLIENTS, ...failover };
        checks.push(check('failover p99', failover.p99, 'ms', '<=', 3_000));
      } finally {
        await b.stop();
      }
      return { name: 'scale-out', figures, checks };
    } finally {
      await redis.stop();
      postgres.destroy();
    }
  },
};
