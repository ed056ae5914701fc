/**
 * A worker thread hosting a share of the bench's clients, so that receiving and
 * applying updates can use both cores. Commands come from pool.ts.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { clockMs, type Observation, type Participant } from './participant.ts';
import { ProtocolClient } from './protocol-client.ts';
import { YjsClient } from './yjs-client.ts';

/** `yjs`: stock y-websocket clients with the full board; `protocol`: see protocol-client.ts. */
export type ClientKind = 'yjs' | 'protocol';

export interface ClientSpec {
  boardId: string;
  index: number;
}

export type WorkerCommand =
  | {
      type: 'connect';
      kind: ClientKind;
      wsBase: string;
      clients: ClientSpec[];
      epochNs: string;
      createCards: boolean;
      presence: boolean;
    }
  | { type: 'await-cards'; minCards: Record<string, number> }
  | { type: 'run'; startAt: number; endAt: number; editsPerSecond: number; cursorMovesPerSecond: number }
  | { type: 'disconnect' };

export interface RunReport {
  /** Latency samples of edits sent inside the window, by board. */
  samples: Record<string, Float64Array>;
  editsSent: number;
  cursorMoves: number;
  deliveries: number;
  /** p99 event-loop delay of this worker during the run: high means the client side is saturated. */
  loopDelayP99: number;
  /** Protocol clients the server closed (they do not reconnect), by close code. */
  dropped: Record<string, number>;
}

let clients: Participant[] = [];
let epochNs = 0n;
let window = { startAt: 0, endAt: 0 };
let samples = new Map<string, number[]>();
let deliveries = 0;
let lastObservation = 0;

function observer(boardId: string) {
  return ({ sentAt, latency }: Observation) => {
    lastObservation = clockMs(epochNs);
    if (sentAt < window.startAt || sentAt > window.endAt) return;
    deliveries++;
    const list = samples.get(boardId) ?? [];
    if (list.length === 0) samples.set(boardId, list);
    list.push(latency);
  };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitUntil(what: string, check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`bench worker: timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Calls `act` every `1000 / rate` ms from a random phase until `endAt`; returns how often it ran. */
function periodic(rate: number, startAt: number, endAt: number, act: (step: number) => void): Promise<number> {
  if (rate <= 0) return Promise.resolve(0);
  const period = 1000 / rate;
  return new Promise((resolve) => {
    let step = 0;
    let next = startAt + Math.random() * period;
    const tick = () => {
      const now = clockMs(epochNs);
      if (now >= endAt) {
        resolve(step);
        return;
      }
      act(step++);
      next += period;
      setTimeout(tick, Math.max(0, next - clockMs(epochNs)));
    };
    setTimeout(tick, Math.max(0, next - clockMs(epochNs)));
  });
}

async function run(command: Extract<WorkerCommand, { type: 'run' }>): Promise<RunReport> {
  window = { startAt: command.startAt, endAt: command.endAt };
  samples = new Map();
  deliveries = 0;
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const counts = await Promise.all(
    clients.flatMap((client) => [
      periodic(command.editsPerSecond, command.startAt, command.endAt, () => client.edit(clockMs(epochNs))),
      periodic(command.cursorMovesPerSecond, command.startAt, command.endAt, (step) => client.moveCursor(step)),
    ]),
  );
  // Let in-flight edits arrive: wait until nothing has arrived for a while.
  lastObservation = clockMs(epochNs);
  await waitUntil('quiet', () => clockMs(epochNs) - lastObservation > 750, 60_000).catch(() => {});
  delay.disable();
  const editsSent = counts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
  const cursorMoves = counts.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0);
  const out: Record<string, Float64Array> = {};
  for (const [board, list] of samples) out[board] = Float64Array.from(list);
  const dropped: Record<string, number> = {};
  for (const client of clients) {
    const code = client instanceof ProtocolClient ? client.closedWith : undefined;
    if (code !== undefined) dropped[code] = (dropped[code] ?? 0) + 1;
  }
  return { samples: out, editsSent, cursorMoves, deliveries, loopDelayP99: delay.percentile(99) / 1e6, dropped };
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'connect': {
      epochNs = BigInt(command.epochNs);
      const Client = command.kind === 'yjs' ? YjsClient : ProtocolClient;
      const added = command.clients.map(
        (spec) => new Client(command.wsBase, spec.boardId, spec.index, epochNs, observer(spec.boardId)),
      );
      clients.push(...added);
      await Promise.race([
        Promise.all(added.map((c) => c.synced)),
        sleep(120_000).then(() => Promise.reject(new Error('bench worker: clients did not sync in 120 s'))),
      ]);
      for (const client of added) {
        if (command.createCards) client.createOwnCard();
        if (command.presence) client.initPresence();
      }
      return added.length;
    }
    case 'await-cards':
      await waitUntil(
        'every card to reach every client',
        () => clients.every((c) => c.cardCount === undefined || c.cardCount >= (command.minCards[c.boardId] ?? 0)),
        120_000,
      );
      return true;
    case 'run':
      return run(command);
    case 'disconnect':
      for (const client of clients) client.destroy();
      clients = [];
      return true;
  }
}

parentPort?.on('message', (message: { id: number; command: WorkerCommand }) => {
  handle(message.command).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: Error) => parentPort?.postMessage({ id: message.id, error: error.message }),
  );
});
