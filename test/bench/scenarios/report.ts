/** Turns one measured run into printed lines and result figures (shared by the latency scenarios). */
import { availableParallelism } from 'node:os';
import type { SyncStats } from '../../../server/sync/stats.ts';
import { ClientPool, type KindReport } from '../clients/pool.ts';
import type { ClientKind } from '../clients/worker.ts';
import { type Measured, measure, type ScenarioContext, wsBase } from '../harness.ts';
import type { BenchServer } from '../server-control.ts';
import type { ServerStats } from '../server-process.ts';
import { type Distribution, describeDistribution, distribution, mb, perSecond, round } from '../stats.ts';

export interface RunFigures {
  latency: Distribution;
  updatesInPerSecond: number;
  deliveriesOutPerSecond: number;
  serverCpuPercent: number;
  serverRssBytes: number;
  clientCpuPercent: number;
  clientLoopDelayP99Ms: number;
  /** What the whole machine used (server, bench, kernel and anything else running), in % of one core. */
  machineCpuPercent?: number;
  /** p50 edit latency over p50 bare echo round trip. */
  latencyOverEcho?: number;
  serverSync: SyncStats;
  /** The server's event-loop delay and storage write times during the run (ms). */
  serverLoopDelay: ServerStats['loopDelay'];
  serverWrites: ServerStats['writes'];
  /** Protocol clients the server closed during the run, by close code (none expected). */
  dropped: Record<string, number>;
  /** When the pool mixed kinds of client: what each kind saw, and how busy the threads hosting it were. */
  byKind?: Partial<Record<ClientKind, KindFigures>>;
}

export interface KindFigures {
  latency: Distribution;
  loopDelayP99Ms: number;
  /** Event-loop utilization of the busiest worker thread hosting this kind, in % (includes waiting for a core). */
  threadBusyPercent: number;
  /** CPU of the worker threads hosting this kind, in % of one core. */
  threadCpuPercent: number;
}

const KIND_NAMES: Record<ClientKind, string> = { yjs: 'stock clients', protocol: 'protocol clients' };

/**
 * `latencyOf`: take `latency` from the clients of this kind only (the stock
 * observers of a mixed pool), rather than from every client.
 */
export function runFigures(
  context: ScenarioContext,
  measured: Measured,
  label: string,
  options: { latencyOf?: ClientKind } = {},
): RunFigures {
  const { byKind } = measured.report;
  const observed = options.latencyOf ? byKind[options.latencyOf] : undefined;
  if (options.latencyOf && !observed) throw new Error(`no ${options.latencyOf} clients in the pool`);
  const latency = distribution(observed?.samples ?? measured.report.all);
  const kinds = Object.entries(byKind) as [ClientKind, KindReport][];
  const figures: RunFigures = {
    latency,
    updatesInPerSecond: round(measured.updatesInPerSecond, 1),
    deliveriesOutPerSecond: round(measured.deliveriesOutPerSecond, 0),
    serverCpuPercent: round(measured.serverCpuPercent, 1),
    serverRssBytes: measured.server.rss,
    clientCpuPercent: round(measured.report.clientCpuPercent, 1),
    clientLoopDelayP99Ms: round(measured.report.clientLoopDelayP99, 1),
    ...(measured.machineCpuPercent === undefined ? {} : { machineCpuPercent: round(measured.machineCpuPercent, 0) }),
    ...(context.echoP50 ? { latencyOverEcho: round(latency.p50 / context.echoP50, 1) } : {}),
    serverSync: measured.server.sync,
    serverLoopDelay: measured.server.loopDelay,
    serverWrites: measured.server.writes,
    dropped: measured.report.dropped,
    ...(kinds.length > 1
      ? {
          byKind: Object.fromEntries(
            kinds.map(([kind, report]) => [
              kind,
              {
                latency: distribution(report.samples),
                loopDelayP99Ms: round(report.loopDelayP99, 1),
                threadBusyPercent: round(report.utilization * 100, 0),
                threadCpuPercent: round(report.cpuPercent, 0),
              },
            ]),
          ),
        }
      : {}),
  };
  const seenBy = options.latencyOf ? `the ${KIND_NAMES[options.latencyOf]} only` : 'other clients';
  context.log(`  ${label}: edit → ${seenBy} ${describeDistribution(latency)}`);
  for (const [kind, kindFigures] of Object.entries(figures.byKind ?? {}) as [ClientKind, KindFigures][]) {
    context.log(
      `    ${KIND_NAMES[kind]}: ${kind === options.latencyOf ? '' : `edit → them ${describeDistribution(kindFigures.latency)}; `}` +
        `their threads CPU ${kindFigures.threadCpuPercent}%, busy ${kindFigures.threadBusyPercent}%, loop delay p99 ${kindFigures.loopDelayP99Ms} ms`,
    );
  }
  context.log(
    `    in ${perSecond(figures.updatesInPerSecond)} updates, out ${perSecond(figures.deliveriesOutPerSecond)} deliveries; ` +
      `server CPU ${figures.serverCpuPercent}% RSS ${mb(figures.serverRssBytes)}; ` +
      `clients CPU ${figures.clientCpuPercent}% loop delay p99 ${figures.clientLoopDelayP99Ms} ms` +
      (figures.machineCpuPercent === undefined
        ? ''
        : `; machine CPU ${figures.machineCpuPercent}% of ${availableParallelism() * 100}%`) +
      (figures.latencyOverEcho ? `; p50 = ${figures.latencyOverEcho}× echo` : ''),
  );
  const { loopDelay, writes } = measured.server;
  context.log(
    `    server loop delay p99 ${loopDelay.p99.toFixed(1)} ms (max ${loopDelay.max.toFixed(1)}); ` +
      `${writes.count.toLocaleString('en-US')} writes p99 ${writes.p99.toFixed(2)} ms (max ${writes.max.toFixed(1)})`,
  );
  if (Object.keys(figures.dropped).length > 0)
    context.log(`    clients dropped by the server: ${JSON.stringify(figures.dropped)}`);
  return figures;
}

/** Why a figure may not be the server's: the bench's own clients were saturated (busy event loops). */
export const clientNote = (figures: RunFigures): string | undefined =>
  figures.clientLoopDelayP99Ms > 25 || figures.clientCpuPercent > 80
    ? `client side busy: bench clients CPU ${figures.clientCpuPercent}%, loop delay p99 ${figures.clientLoopDelayP99Ms} ms; server CPU ${figures.serverCpuPercent}%`
    : undefined;

export interface LoadOptions {
  kind: ClientKind;
  clients: number;
  editsPerSecond: number;
  cursorMovesPerSecond?: number;
  durationMs: number;
  /** Cards on the board before the clients add their own. */
  existingCards: number;
  label: string;
}

/** Connects a pool of clients to one board, runs them, and reports the figures. */
export async function runLoad(
  context: ScenarioContext,
  server: BenchServer,
  boardId: string,
  options: LoadOptions,
): Promise<RunFigures> {
  const pool = new ClientPool(2);
  try {
    await pool.connect(wsBase(server.url), [{ boardId, clients: options.clients }], {
      kind: options.kind,
      presence: (options.cursorMovesPerSecond ?? 0) > 0,
    });
    await pool.awaitCards({ [boardId]: options.existingCards + options.clients });
    // Protocol clients cannot see the cards arrive: give their creation a moment to be stored.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const measured = await measure(server, pool, {
      durationMs: options.durationMs,
      editsPerSecond: options.editsPerSecond,
      cursorMovesPerSecond: options.cursorMovesPerSecond,
    });
    return runFigures(context, measured, options.label);
  } finally {
    await pool.disconnect().catch(() => {});
    await pool.close();
  }
}
