/** Presence at conference scale: 100 clients moving cursors 10 times a second while typing twice a second. */
import { type Scenario, seedBoard } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check } from '../stats.ts';
import { BACKGROUND_CARDS } from './latency.ts';
import { clientNote, runLoad } from './report.ts';

export const awareness: Scenario = {
  name: 'awareness',
  title: 'Awareness: 100 protocol clients × 10 cursor moves/s + 2 edits/s',
  async run(context) {
    const clients = 100;
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const board = await seedBoard(server.url, BACKGROUND_CARDS);
      const durationMs = context.quick ? 10_000 : 20_000;
      const base = {
        kind: 'protocol' as const,
        clients,
        editsPerSecond: 2,
        existingCards: BACKGROUND_CARDS,
        durationMs,
      };
      const quiet = await runLoad(context, server, board.room, { ...base, label: `${clients} clients, no cursors` });
      const moving = await runLoad(context, server, board.room, {
        ...base,
        cursorMovesPerSecond: 10,
        label: `${clients} clients moving cursors`,
      });
      return {
        name: 'awareness',
        figures: { clients, quiet, moving },
        checks: [
          check('edit p99 with 100 clients moving cursors', moving.latency.p99, 'ms', '<=', 50, clientNote(moving)),
        ],
      };
    } finally {
      await server.stop();
    }
  },
};
