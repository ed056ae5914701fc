/**
 * A worker thread hosting a share of the bench's clients, so that receiving and
 * applying updates can use both cores. Commands come from pool.ts.
 */
import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { parentPort } from 'node:worker_threads';
import { Samples } from '../stats.ts';
import { clockMs, type Observation, type Participant, taggedTime, tagOf } from './participant.ts';
import { ProtocolClient } from './protocol-client.ts';
import { YjsClient } from './yjs-client.ts';

/** `yjs`: stock y-websocket clients with the full board; `protocol`: see protocol-client.ts. */
export type ClientKind = 'yjs' | 'protocol';

export interface ClientSpec {
  boardId: string;
  index: number;
  /** Which server the client is on (scale-out bench): its edits carry it, its samples are split by it. */
  tag?: number;
}

/** Whether an edit came through the observer's own server or another one (tagged clients only). */
export type Pair = 'same' | 'cross';

export type WorkerCommand =
  | {
      type: 'connect';
      kind: ClientKind;
      wsBase: string;
      clients: ClientSpec[];
      epochNs: string;
      createCards: boolean;
      presence: boolean;
      /** Run this worker's thread at this nice value (Linux; 19 = only when nothing else wants the core). */
      nice?: number;
    }
  | { type: 'await-cards'; minCards: Record<string, number> }
  | { type: 'run'; startAt: number; endAt: number; editsPerSecond: number; cursorMovesPerSecond: number }
  | { type: 'disconnect' };

export interface RunReport {
  /** Latency samples of edits sent inside the window, by the kind of client that saw them and by board. */
  samples: { kind: ClientKind; boardId: string; pair?: Pair; values: Float64Array }[];
  editsSent: number;
  cursorMoves: number;
  /** Edits sent inside the window that arrived at a client of this worker, by the kind of that client. */
  deliveries: Partial<Record<ClientKind, number>>;
  /** The kinds of client this worker hosts. */
  kinds: ClientKind[];
  /** p99 event-loop delay of this worker during the run: high means the client side is saturated. */
  loopDelayP99: number;
  /** Share of the run this worker's thread was busy (event-loop utilization, 0–1; includes waiting for a core). */
  utilization: number;
  /** CPU this worker's thread used during the run, in % of one core. */
  cpuPercent: number;
  /** Protocol clients the server closed (they do not reconnect), by close code. */
  dropped: Record<string, number>;
}

let clients: Participant[] = [];
const tags = new Map<Participant, number>();
const kinds = new Set<ClientKind>();
let epochNs = 0n;
let window = { startAt: 0, endAt: 0 };
/** Samples by `kind board`. */
let samples = new Map<string, Samples>();
let deliveries: Partial<Record<ClientKind, number>> = {};
let lastObservation = 0;

function observer(kind: ClientKind, boardId: string, tag: number | undefined) {
  return ({ sentAt, latency }: Observation) => {
    lastObservation = clockMs(epochNs);
    if (sentAt < window.startAt || sentAt > window.endAt) return;
    deliveries[kind] = (deliveries[kind] ?? 0) + 1;
    const pair = tag === undefined ? '-' : tagOf(sentAt) === tag ? 'same' : 'cross';
    const key = `${kind} ${boardId} ${pair}`;
    let list = samples.get(key);
    if (!list) {
      list = new Samples();
      samples.set(key, list);
    }
    list.push(latency);
  };
}

/**
 * Lowers this thread's scheduling priority: on Linux a thread has its own nice
 * value, set with setpriority on its thread id (found through /proc/thread-self).
 */
function renice(nice: number): void {
  try {
    setPriority(Number(readlinkSync('/proc/thread-self').split('/').pop()), nice);
  } catch (error) {
    throw new Error(`bench worker: cannot renice this thread: ${(error as Error).message}`);
  }
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
  deliveries = {};
  const delay = monitorEventLoopDelay({ resolution: 5 });
  delay.enable();
  const busyBefore = performance.eventLoopUtilization();
  const cpuBefore = process.threadCpuUsage();
  const runStarted = performance.now();
  const counts = await Promise.all(
    clients.flatMap((client) => [
      periodic(command.editsPerSecond, command.startAt, command.endAt, () =>
        client.edit(taggedTime(clockMs(epochNs), tags.get(client))),
      ),
      periodic(command.cursorMovesPerSecond, command.startAt, command.endAt, (step) => client.moveCursor(step)),
    ]),
  );
  // Let in-flight edits arrive: wait until nothing has arrived for a while.
  lastObservation = clockMs(epochNs);
  await waitUntil('quiet', () => clockMs(epochNs) - lastObservation > 750, 60_000).catch(() => {});
  delay.disable();
  const utilization = performance.eventLoopUtilization(busyBefore).utilization;
  const cpu = process.threadCpuUsage(cpuBefore);
  const cpuPercent = ((cpu.user + cpu.system) / 1000 / (performance.now() - runStarted)) * 100;
  const editsSent = counts.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0);
  const cursorMoves = counts.filter((_, i) => i % 2 === 1).reduce((a, b) => a + b, 0);
  const out: RunReport['samples'] = [];
  for (const [key, list] of samples) {
    const [kind, boardId, pair] = key.split(' ') as [ClientKind, string, Pair | '-'];
    out.push({ kind, boardId, ...(pair === '-' ? {} : { pair }), values: list.toArray() });
  }
  const dropped: Record<string, number> = {};
  for (const client of clients) {
    const code = client instanceof ProtocolClient ? client.closedWith : undefined;
    if (code !== undefined) dropped[code] = (dropped[code] ?? 0) + 1;
  }
  return {
    samples: out,
    editsSent,
    cursorMoves,
    deliveries,
    kinds: [...kinds],
    loopDelayP99: delay.percentile(99) / 1e6,
    utilization,
    cpuPercent,
    dropped,
  };
}

async function handle(command: WorkerCommand): Promise<unknown> {
  switch (command.type) {
    case 'connect': {
      epochNs = BigInt(command.epochNs);
      if (command.clients.length === 0) return 0;
      if (command.nice !== undefined) renice(command.nice);
      const Client = command.kind === 'yjs' ? YjsClient : ProtocolClient;
      const added = command.clients.map((spec) => {
        const client = new Client(
          command.wsBase,
          spec.boardId,
          spec.index,
          epochNs,
          observer(command.kind, spec.boardId, spec.tag),
        );
        if (spec.tag !== undefined) tags.set(client, spec.tag);
        return client;
      });
      clients.push(...added);
      kinds.add(command.kind);
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
      kinds.clear();
      return true;
  }
}

parentPort?.on('message', (message: { id: number; command: WorkerCommand }) => {
  handle(message.command).then(
    (result) => parentPort?.postMessage({ id: message.id, result }),
    (error: Error) => parentPort?.postMessage({ id: message.id, error: error.message }),
  );
});
