/** Turns one measured run into printed lines and result figures (shared by the latency scenarios). */
import type { SyncStats } from '../../../server/sync/stats.ts';
import { ClientPool } from '../clients/pool.ts';
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
  /** p50 edit latency over p50 bare echo round trip. */
  latencyOverEcho?: number;
  serverSync: SyncStats;
  /** The server's event-loop delay and storage write times during the run (ms). */
  serverLoopDelay: ServerStats['loopDelay'];
  serverWrites: ServerStats['writes'];
  /** Protocol clients the server closed during the run, by close code (none expected). */
  dropped: Record<string, number>;
}

export function runFigures(context: ScenarioContext, measured: Measured, label: string): RunFigures {
  const latency = distribution(measured.report.all);
  const figures: RunFigures = {
    latency,
    updatesInPerSecond: round(measured.updatesInPerSecond, 1),
    deliveriesOutPerSecond: round(measured.deliveriesOutPerSecond, 0),
    serverCpuPercent: round(measured.serverCpuPercent, 1),
    serverRssBytes: measured.server.rss,
    clientCpuPercent: round(measured.report.clientCpuPercent, 1),
    clientLoopDelayP99Ms: round(measured.report.clientLoopDelayP99, 1),
    ...(context.echoP50 ? { latencyOverEcho: round(latency.p50 / context.echoP50, 1) } : {}),
    serverSync: measured.server.sync,
    serverLoopDelay: measured.server.loopDelay,
    serverWrites: measured.server.writes,
    dropped: measured.report.dropped,
  };
  context.log(`  ${label}: edit → other clients ${describeDistribution(latency)}`);
  context.log(
    `    in ${perSecond(figures.updatesInPerSecond)} updates, out ${perSecond(figures.deliveriesOutPerSecond)} deliveries; ` +
      `server CPU ${figures.serverCpuPercent}% RSS ${mb(figures.serverRssBytes)}; ` +
      `clients CPU ${figures.clientCpuPercent}% loop delay p99 ${figures.clientLoopDelayP99Ms} ms` +
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
