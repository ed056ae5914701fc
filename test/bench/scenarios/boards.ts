/**
 * 100 boards open at once with 5 clients each (a county's working groups on one
 * server): per-board latency, compared with one board alone, and the spread
 * between boards (no board may slow the others by more than 2×).
 */
import { ClientPool } from '../clients/pool.ts';
import { createBoard, measure, type Scenario, wsBase } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check, distribution, ms, round } from '../stats.ts';
import { runFigures } from './report.ts';

const CLIENTS_PER_BOARD = 5;

export const boards: Scenario = {
  name: 'boards',
  title: '100 boards × 5 clients × 2 edits/s',
  async run(context) {
    const boardCount = 100;
    const durationMs = context.quick ? 10_000 : 20_000;
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    const pool = new ClientPool(2);
    try {
      // One board alone first: the reference a busy server is compared with.
      const alone = await createBoard(server.url, 'Ensam tavla');
      await pool.connect(wsBase(server.url), [{ boardId: alone.id, clients: CLIENTS_PER_BOARD }]);
      await pool.awaitCards({ [alone.id]: CLIENTS_PER_BOARD });
      const single = runFigures(
        context,
        await measure(server, pool, { durationMs, editsPerSecond: 2 }),
        '1 board alone',
      );
      await pool.disconnect();

      const created = [];
      for (let i = 0; i < boardCount; i++) created.push(await createBoard(server.url, `Arbetsgrupp ${i + 1}`));
      await pool.connect(
        wsBase(server.url),
        created.map((b) => ({ boardId: b.id, clients: CLIENTS_PER_BOARD })),
      );
      await pool.awaitCards(Object.fromEntries(created.map((b) => [b.id, CLIENTS_PER_BOARD])));
      const measured = await measure(server, pool, { durationMs, editsPerSecond: 2 });
      const all = runFigures(context, measured, `${boardCount} boards`);
      const perBoard = [...measured.report.byBoard.values()].map((values) => distribution(values));
      const p95s = Float64Array.from(perBoard.map((d) => d.p95)).sort();
      const medianP95 = p95s[Math.floor(p95s.length / 2)] ?? Number.NaN;
      const worstP95 = p95s.at(-1) ?? Number.NaN;
      const spread = worstP95 / medianP95;
      context.log(
        `    per-board p95: median ${ms(medianP95)}, worst ${ms(worstP95)} (${round(spread, 2)}×); ` +
          `one board alone p95 ${ms(single.latency.p95)}`,
      );
      return {
        name: 'boards',
        figures: {
          boards: boardCount,
          clientsPerBoard: CLIENTS_PER_BOARD,
          single,
          all,
          perBoardP95: { median: medianP95, worst: worstP95, spread: round(spread, 2) },
          boardsReporting: perBoard.length,
        },
        checks: [
          check('worst board p95 / median board p95', spread, '×', '<=', 2),
          check('median board p95 / one board alone p95', medianP95 / single.latency.p95, '×', '<=', 2),
        ],
      };
    } finally {
      await pool.disconnect().catch(() => {});
      await pool.close();
      await server.stop();
    }
  },
};
