/** Cold load: a 1,000-card board from SQLite (room not open) to a newly synced client. */
import { WebSocket } from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { cardsMap } from '../../../shared/board-doc.ts';
import { roomsClosed, type Scenario, seedBoard, waitUntil, wsBase } from '../harness.ts';
import { spawnServer } from '../server-control.ts';
import { check, describeDistribution, distribution, ms, Samples } from '../stats.ts';

const CARDS = 1_000;

interface Load {
  doc: Y.Doc;
  provider: WebsocketProvider;
  /** When the state arrived (ms after the start): the server's part, handshake included. */
  stateAt: number;
}

/** Connects a new client and resolves with the doc once it holds every card. */
async function loadOnce(url: string, boardId: string, started: number): Promise<Load> {
  const doc = new Y.Doc();
  let stateAt = Number.NaN;
  // The first message on a closed board's new connection is the server's sync step 2 (the state).
  class TimedSocket extends WebSocket {
    constructor(address: string, protocols?: string | string[]) {
      super(address, protocols);
      this.once('message', () => {
        stateAt = performance.now() - started;
      });
    }
  }
  const provider = new WebsocketProvider(wsBase(url), boardId, doc, {
    WebSocketPolyfill: TimedSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  await new Promise<void>((resolve) => provider.on('sync', (s: boolean) => s && resolve()));
  await waitUntil('all cards', () => cardsMap(doc).size >= CARDS, 30_000);
  return { doc, provider, stateAt };
}

export const coldLoad: Scenario = {
  name: 'cold-load',
  title: 'Cold load of a 1,000-card board, SQLite → synced new client',
  async run(context) {
    const server = await spawnServer({ cpuProfDir: context.cpuProfDir });
    try {
      const board = await seedBoard(server.url, CARDS);
      const samples = new Samples();
      const serverPart = new Samples();
      const iterations = context.quick ? 8 : 25;
      let state: Uint8Array = new Uint8Array();
      for (let i = 0; i < iterations + 1; i++) {
        await roomsClosed(server);
        const started = performance.now();
        const { doc, provider, stateAt } = await loadOnce(server.url, board.room, started);
        const elapsed = performance.now() - started;
        // The first load warms the JIT on both sides; it is not counted.
        if (i > 0) {
          samples.push(elapsed);
          serverPart.push(stateAt);
        }
        state = Y.encodeStateAsUpdate(doc);
        provider.destroy();
        doc.destroy();
      }
      const load = distribution(samples.toArray());
      const untilState = distribution(serverPart.toArray());
      // How much of that is the client's own work: applying the state to a new Y.Doc.
      const apply = new Samples();
      for (let i = 0; i < 5; i++) {
        const started = performance.now();
        Y.applyUpdate(new Y.Doc(), state);
        apply.push(performance.now() - started);
      }
      const clientApply = distribution(apply.toArray());
      context.log(`  cold load: ${describeDistribution(load)}`);
      context.log(`    until the state arrived (connect, load from SQLite, send): ${describeDistribution(untilState)}`);
      context.log(
        `    of which the client applying the ${Math.round(state.byteLength / 1024)} KB state: p50 ${ms(clientApply.p50)}`,
      );
      return {
        name: 'cold-load',
        figures: { cards: CARDS, load, untilState, clientApply, stateBytes: state.byteLength },
        checks: [check('cold load of a 1,000-card board p99', load.p99, 'ms', '<=', 150)],
      };
    } finally {
      await server.stop();
    }
  },
};
