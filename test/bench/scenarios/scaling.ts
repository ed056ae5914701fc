/**
 * How many people one board takes: clients are added step by step (2 edits/s
 * each) until edit p99 reaches 100 ms or the steps run out. Run with stock
 * clients (what a browser sees, bounded here by the bench's own cores) and with
 * protocol clients (the server's own limit).
 */
import { ClientPool } from '../clients/pool.ts';
import type { ClientKind } from '../clients/worker.ts';
import { measure, type Scenario, type ScenarioContext, seedBoard, wsBase } from '../harness.ts';
import { type BenchServer, spawnServer } from '../server-control.ts';
import { check } from '../stats.ts';
import { BACKGROUND_CARDS } from './latency.ts';
import { clientNote, type RunFigures, runFigures } from './report.ts';

const P99_LIMIT_MS = 100;

interface Ladder {
  steps: ({ clients: number } & RunFigures)[];
  largestUnderLimit: number;
  note?: string;
}

async function climb(
  context: ScenarioContext,
  server: BenchServer,
  kind: ClientKind,
  steps: number[],
  durationMs: number,
): Promise<Ladder> {
  const board = await seedBoard(server.url, BACKGROUND_CARDS);
  const pool = new ClientPool(2);
  const ladder: Ladder = { steps: [], largestUnderLimit: 0 };
  try {
    for (const clients of steps) {
      await pool.connect(wsBase(server.url), [{ boardId: board.id, clients: clients - pool.size }], { kind });
      await pool.awaitCards({ [board.id]: BACKGROUND_CARDS + clients });
      await new Promise((resolve) => setTimeout(resolve, 500));
      const figures = runFigures(
        context,
        await measure(server, pool, { durationMs, editsPerSecond: 2 }),
        `${kind} N=${clients}`,
      );
      ladder.steps.push({ clients, ...figures });
      if (!(figures.latency.p99 < P99_LIMIT_MS)) {
        ladder.note = clientNote(figures) ?? `stopped at N=${clients}: server CPU ${figures.serverCpuPercent}%`;
        break;
      }
      ladder.largestUnderLimit = clients;
    }
    if (ladder.largestUnderLimit === steps.at(-1)) ladder.note = 'every step passed; the limit is higher';
  } finally {
    await pool.disconnect().catch(() => {});
    await pool.close();
  }
  context.log(`  ${kind}: largest N with p99 < ${P99_LIMIT_MS} ms: ${ladder.largestUnderLimit}`);
  return ladder;
}

export const scaling: Scenario = {
  name: 'scaling',
  title: 'N clients × 2 edits/s on one board; largest N with p99 < 100 ms',
  async run(context) {
    const durationMs = context.quick ? 6_000 : 15_000;
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const stock = await climb(context, server, 'yjs', context.quick ? [10, 50] : [10, 50, 100], durationMs);
      const protocol = await climb(
        context,
        server,
        'protocol',
        context.quick ? [50, 150, 250] : [10, 50, 150, 250, 350, 500],
        durationMs,
      );
      return {
        name: 'scaling',
        figures: { stock, protocol },
        checks: [
          check(
            'largest N with p99 < 100 ms, stock clients',
            stock.largestUnderLimit,
            'clients',
            '>=',
            250,
            stock.note,
          ),
          check(
            'largest N with p99 < 100 ms, protocol clients',
            protocol.largestUnderLimit,
            'clients',
            '>=',
            250,
            protocol.note,
          ),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
