/** Edit → every other client with a county workshop on one board: 50 people typing twice a second. */
import { type Scenario, seedBoard } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check } from '../stats.ts';
import { clientNote, runLoad } from './report.ts';

/** Cards already on the board: a board in a real workshop is not empty. */
export const BACKGROUND_CARDS = 200;

export const latency: Scenario = {
  name: 'latency',
  title: 'Edit latency, 50 clients × 2 edits/s on a 200-card board',
  async run(context) {
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const board = await seedBoard(server.url, BACKGROUND_CARDS);
      const base = { clients: 50, editsPerSecond: 2, existingCards: BACKGROUND_CARDS };
      const stock = await runLoad(context, server, board.room, {
        ...base,
        kind: 'yjs',
        durationMs: context.quick ? 10_000 : 30_000,
        label: '50 stock y-websocket clients',
      });
      const protocol = await runLoad(context, server, board.room, {
        ...base,
        kind: 'protocol',
        durationMs: context.quick ? 10_000 : 20_000,
        label: '50 protocol clients',
      });
      return {
        name: 'latency',
        figures: { clients: 50, stock, protocol },
        checks: [
          check('edit → others p50, 50 stock clients', stock.latency.p50, 'ms', '<=', 5, clientNote(stock)),
          check('edit → others p99, 50 stock clients', stock.latency.p99, 'ms', '<=', 25, clientNote(stock)),
          check('edit → others p50, 50 protocol clients', protocol.latency.p50, 'ms', '<=', 5, clientNote(protocol)),
          check('edit → others p99, 50 protocol clients', protocol.latency.p99, 'ms', '<=', 25, clientNote(protocol)),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
