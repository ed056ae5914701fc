/**
 * 100 boards open at once with 5 clients each (a county's working groups on one
 * server): per-board latency, compared with one board alone, and the spread
 * between boards (no board may slow the others by more than 2×). Protocol
 * clients, so that 500 stock Y.Docs in the bench do not set the figure; the
 * 100-board run is repeated with stock clients for what a browser sees.
 */

import { ClientPool } from '../clients/pool.ts';
import type { ClientKind } from '../clients/worker.ts';
import { type BenchBoard, createBoard, measure, type Scenario, type ScenarioContext, wsBase } from '../harness.ts';
import { type BenchServer, spawnServer } from '../server-control.ts';
import { check, distribution, ms, round } from '../stats.ts';
import { type RunFigures, runFigures } from './report.ts';

const CLIENTS_PER_BOARD = 5;

interface BoardsRun {
  all: RunFigures;
  medianP95: number;
  worstP95: number;
  boardsReporting: number;
}

async function runBoards(
  context: ScenarioContext,
  server: BenchServer,
  boards: BenchBoard[],
  kind: ClientKind,
  durationMs: number,
): Promise<BoardsRun> {
  const pool = new ClientPool(2);
  try {
    await pool.connect(
      wsBase(server.url),
      boards.map((b) => ({ boardId: b.room, clients: CLIENTS_PER_BOARD })),
      { kind },
    );
    await pool.awaitCards(Object.fromEntries(boards.map((b) => [b.room, CLIENTS_PER_BOARD])));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const measured = await measure(server, pool, { durationMs, editsPerSecond: 2 });
    const all = runFigures(context, measured, `${boards.length} board(s), ${kind} clients`);
    const p95s = Float64Array.from(
      [...measured.report.byBoard.values()].map((values) => distribution(values).p95),
    ).sort();
    const medianP95 = p95s[Math.floor(p95s.length / 2)] ?? Number.NaN;
    const worstP95 = p95s.at(-1) ?? Number.NaN;
    if (boards.length > 1) {
      context.log(
        `    per-board p95: median ${ms(medianP95)}, worst ${ms(worstP95)} (${round(worstP95 / medianP95, 2)}×)`,
      );
    }
    return { all, medianP95, worstP95, boardsReporting: p95s.length };
  } finally {
    await pool.disconnect().catch(() => {});
    await pool.close();
  }
}

export const boards: Scenario = {
  name: 'boards',
  title: '100 boards × 5 clients × 2 edits/s',
  async run(context) {
    const boardCount = 100;
    const durationMs = context.quick ? 10_000 : 20_000;
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      // One board alone first: the reference a busy server is compared with.
      const alone = await runBoards(
        context,
        server,
        [await createBoard(server.url, 'Ensam tavla')],
        'protocol',
        durationMs,
      );
      const created: BenchBoard[] = [];
      for (let i = 0; i < boardCount; i++) created.push(await createBoard(server.url, `Arbetsgrupp ${i + 1}`));
      const busy = await runBoards(context, server, created, 'protocol', durationMs);
      const stock = await runBoards(context, server, created, 'yjs', durationMs);
      const spread = busy.worstP95 / busy.medianP95;
      const slowdown = busy.medianP95 / alone.medianP95;
      context.log(`  median board p95 with 100 boards is ${round(slowdown, 1)}× one board alone`);
      return {
        name: 'boards',
        figures: { boards: boardCount, clientsPerBoard: CLIENTS_PER_BOARD, alone, busy, stock, slowdown },
        // The target is fairness between boards. How much a server that is busy with 100 boards
        // is slower than one with a single board is printed, not judged: that is load, not one board.
        checks: [check('worst board p95 / median board p95 (100 boards)', round(spread, 2), '×', '<=', 2)],
      };
    } finally {
      await server.stop();
    }
  },
};
