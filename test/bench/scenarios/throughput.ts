/**
 * Throughput of one process: 110 clients typing 10 edits/s each on one board
 * (≈ 1,100 updates in and 120,000 deliveries out per second). Protocol clients:
 * 110 stock clients would need ≈ 120,000 Y.Doc applies a second on the bench's cores.
 */
import { type Scenario, seedBoard } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check } from '../stats.ts';
import { clientNote, runLoad } from './report.ts';

export const throughput: Scenario = {
  name: 'throughput',
  title: 'Throughput per process: 110 protocol clients × 10 edits/s',
  async run(context) {
    const clients = 110;
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const board = await seedBoard(server.url, 50);
      const figures = await runLoad(context, server, board.room, {
        kind: 'protocol',
        clients,
        editsPerSecond: 10,
        existingCards: 50,
        durationMs: context.quick ? 8_000 : 20_000,
        label: `${clients} protocol clients × 10/s`,
      });
      const note = clientNote(figures);
      return {
        name: 'throughput',
        figures: { clients, ...figures },
        checks: [
          check('updates in per process', figures.updatesInPerSecond, 'updates/s', '>=', 1_000, note),
          check('deliveries out per process', figures.deliveriesOutPerSecond, 'deliveries/s', '>=', 100_000, note),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
