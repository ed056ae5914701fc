/**
 * How many people one board takes: clients are added step by step (2 edits/s
 * each) until edit p99 reaches 100 ms or the steps run out. Three ladders, each
 * on a fresh server:
 *
 * - mixed (the verdict): everyone edits, the server does the full N-way
 *   fan-out, and latency is measured end to end on a few stock observers (a
 *   full Y.Doc and a stock WebsocketProvider each, applying every update as a
 *   browser does), each on a worker thread of its own; the other N − k people are
 *   protocol clients, which send real card edits but read relays without
 *   applying them, so the bench's own CPU grows with N, not with N². Their
 *   threads run at nice 19: they only make load, and on a shared 2-core
 *   machine they would otherwise take the cores from the server and the
 *   observers (in a workshop each of them is its own laptop).
 * - stock only: what N browsers see, as long as this machine can run N of them
 *   (each applies N × 2 updates/s: O(N²) work that a workshop spreads over N laptops).
 * - protocol only: the server's own limit.
 */
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { ClientPool } from '../clients/pool.ts';
import type { ClientKind } from '../clients/worker.ts';
import { measure, type Scenario, type ScenarioContext, seedBoard, wsBase } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check } from '../stats.ts';
import { BACKGROUND_CARDS } from './latency.ts';
import { clientNote, type KindFigures, type RunFigures, runFigures } from './report.ts';

const P99_LIMIT_MS = 100;
/**
 * Stock observers in the mixed ladder: each sees every sender's edits (3 × 2N
 * samples a second), and together they stay well under one core. A stock
 * client costs ≈ 10 % of a core at N = 250 and ≈ 17 % at N = 500 here (every
 * Yjs transaction walks the state vector, one entry per client): 10 of them
 * would take one to two of this machine's two cores from the server.
 */
const OBSERVERS = 3;
/** Scheduling priority of the protocol editors' threads in the mixed ladder (19: leftover CPU only). */
const EDITORS_NICE = 19;

type LadderKind = ClientKind | 'mixed';

interface Ladder {
  steps: ({ clients: number } & RunFigures)[];
  largestUnderLimit: number;
  /** Stock observers among the clients (mixed ladder). */
  observers?: number;
  note?: string;
}

/** Why a ladder stopped at this step. */
function stopNote(kind: LadderKind, clients: number, figures: RunFigures): string {
  const server = `server CPU ${figures.serverCpuPercent}%, loop delay p99 ${figures.serverLoopDelay.p99.toFixed(1)} ms`;
  const bench = `bench clients CPU ${figures.clientCpuPercent}%, loop delay p99 ${figures.clientLoopDelayP99Ms} ms`;
  if (kind === 'yjs') {
    const why = clientNote(figures)
      ? `bounded by the bench's own client CPU: ${clients} stock clients on this machine each apply every other client's edits (O(N²) work that a workshop spreads over N laptops)`
      : 'stopped';
    return `${why}; at N=${clients} ${bench}; ${server}`;
  }
  if (kind === 'protocol') return clientNote(figures) ?? `stopped at N=${clients}: ${server}`;
  const observers = figures.byKind?.yjs;
  const editors = figures.byKind?.protocol;
  const cores = availableParallelism() * 100;
  const machine = figures.machineCpuPercent;
  const cause =
    figures.serverCpuPercent >= 85 || figures.serverLoopDelay.p99 > 50
      ? 'the server is saturated'
      : (observers?.threadCpuPercent ?? 0) / OBSERVERS >= 70 || (observers?.loopDelayP99Ms ?? 0) > 50
        ? "a stock observer's own thread is saturated"
        : machine !== undefined && machine >= cores * 0.85
          ? `the machine is saturated (server, bench and kernel on ${cores / 100} cores)`
          : 'no part is saturated';
  const observed = (kind: KindFigures | undefined) =>
    `CPU ${kind?.threadCpuPercent}% in all, busiest ${kind?.threadBusyPercent}%, loop delay p99 ${kind?.loopDelayP99Ms} ms`;
  return (
    `stopped at N=${clients}: ${cause}; ${server}; ` +
    `observers' threads ${observed(observers)}; editors' threads (nice ${EDITORS_NICE}) ${observed(editors)}; ` +
    `${bench}${machine === undefined ? '' : `; machine CPU ${machine}% of ${cores}%`}`
  );
}

async function climb(context: ScenarioContext, kind: LadderKind, steps: number[], durationMs: number): Promise<Ladder> {
  const cpuProfDir = context.cpuProfDir ? join(context.cpuProfDir, kind) : undefined;
  if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true });
  const server = await spawnServer({ cpuProfDir });
  // Mixed: each observer on a worker of its own (a browser has its own event loop), the editors on two more.
  const observerWorkers = Array.from({ length: OBSERVERS }, (_, i) => i);
  const editorWorkers = [OBSERVERS, OBSERVERS + 1];
  const pool = new ClientPool(kind === 'mixed' ? OBSERVERS + 2 : 2);
  const ladder: Ladder = { steps: [], largestUnderLimit: 0, ...(kind === 'mixed' ? { observers: OBSERVERS } : {}) };
  const label = kind === 'mixed' ? `${OBSERVERS} stock observers + protocol editors` : `${kind} clients`;
  try {
    const board = await seedBoard(server.url, BACKGROUND_CARDS);
    const connect = (clients: number, options: { kind: ClientKind; workers?: number[]; nice?: number }) =>
      pool.connect(wsBase(server.url), [{ boardId: board.room, clients }], options);
    for (const clients of steps) {
      if (kind === 'mixed') {
        if (pool.size === 0) await connect(OBSERVERS, { kind: 'yjs', workers: observerWorkers });
        await connect(clients - pool.size, { kind: 'protocol', workers: editorWorkers, nice: EDITORS_NICE });
      } else {
        await connect(clients - pool.size, { kind });
      }
      await pool.awaitCards({ [board.room]: BACKGROUND_CARDS + clients });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const figures = runFigures(
        context,
        await measure(server, pool, { durationMs, editsPerSecond: 2 }),
        `${kind} N=${clients}`,
        kind === 'mixed' ? { latencyOf: 'yjs' } : {},
      );
      ladder.steps.push({ clients, ...figures });
      if (!(figures.latency.p99 < P99_LIMIT_MS)) {
        ladder.note = stopNote(kind, clients, figures);
        break;
      }
      // A step counts only if the bench made the load it claims: 2 edits/s from every client.
      if (figures.updatesInPerSecond < clients * 2 * 0.95) {
        ladder.note = `the bench sent only ${figures.updatesInPerSecond} of ${clients * 2} edits/s at N=${clients}; ${stopNote(kind, clients, figures)}`;
        break;
      }
      ladder.largestUnderLimit = clients;
    }
    if (ladder.largestUnderLimit === steps.at(-1)) ladder.note = 'every step passed; the limit is higher';
  } finally {
    await pool.disconnect().catch(() => {});
    await pool.close();
    await server.stop();
  }
  context.log(
    `  ${label}: largest N with p99 < ${P99_LIMIT_MS} ms: ${ladder.largestUnderLimit}${ladder.note ? ` — ${ladder.note}` : ''}`,
  );
  if (cpuProfDir) context.log(`  server CPU profile: ${cpuProfDir}`);
  return ladder;
}

export const scaling: Scenario = {
  name: 'scaling',
  title: 'N clients × 2 edits/s on one board; largest N with p99 < 100 ms',
  async run(context) {
    const durationMs = context.quick ? 6_000 : 15_000;
    const mixed = await climb(context, 'mixed', context.quick ? [50, 250] : [50, 150, 250, 350, 500], durationMs);
    const stock = await climb(context, 'yjs', context.quick ? [10, 50] : [10, 50, 100], durationMs);
    const protocol = await climb(
      context,
      'protocol',
      context.quick ? [50, 150, 250] : [10, 50, 150, 250, 350, 500],
      durationMs,
    );
    return {
      name: 'scaling',
      figures: { mixed, stock, protocol },
      checks: [
        check(
          `largest N with p99 < 100 ms (${OBSERVERS} stock observers + protocol editors)`,
          mixed.largestUnderLimit,
          'clients',
          '>=',
          250,
          mixed.note,
        ),
      ],
    };
  },
};
