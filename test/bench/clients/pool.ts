/** The bench's clients, spread over worker threads; the main thread only coordinates. */
import { Worker } from 'node:worker_threads';
import { clockMs } from './participant.ts';
import type { ClientKind, ClientSpec, Pair, RunReport, WorkerCommand } from './worker.ts';

export interface PoolRun {
  durationMs: number;
  editsPerSecond: number;
  cursorMovesPerSecond?: number;
}

/** What the clients of one kind saw, and how busy the worker threads hosting them were. */
export interface KindReport {
  samples: Float64Array;
  deliveries: number;
  /** Worst p99 event-loop delay over the workers hosting this kind. */
  loopDelayP99: number;
  /** Highest event-loop utilization (0–1) over the workers hosting this kind. */
  utilization: number;
  /** CPU of the worker threads hosting this kind, in % of one core (summed). */
  cpuPercent: number;
}

export interface PoolReport {
  byBoard: Map<string, Float64Array>;
  all: Float64Array;
  /** The same samples split by the kind of client that received the edit (a pool may mix kinds). */
  byKind: Partial<Record<ClientKind, KindReport>>;
  editsSent: number;
  cursorMoves: number;
  deliveries: number;
  windowMs: number;
  /** Worst p99 event-loop delay over the client workers. */
  clientLoopDelayP99: number;
  /** CPU the bench process (all client threads) used during the run, in % of one core. */
  clientCpuPercent: number;
  /** Protocol clients the server closed during the run, by close code. */
  dropped: Record<string, number>;
  /** Tagged clients only (scale-out): the samples of edits that came through the observer's own server or another. */
  byPair: Partial<Record<Pair, Float64Array>>;
}

class WorkerHandle {
  private readonly worker: Worker;
  private readonly pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  private nextId = 1;

  constructor() {
    this.worker = new Worker(new URL('./worker.ts', import.meta.url));
    this.worker.on('message', (message: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error));
      else waiting.resolve(message.result);
    });
    this.worker.on('error', (error) => {
      for (const waiting of this.pending.values()) waiting.reject(error);
      this.pending.clear();
    });
  }

  call<T>(command: WorkerCommand): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      this.worker.postMessage({ id, command });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export class ClientPool {
  private readonly workers: WorkerHandle[];
  private readonly epochNs = process.hrtime.bigint();
  private clientCount = 0;

  constructor(workerCount: number) {
    this.workers = Array.from({ length: Math.max(1, workerCount) }, () => new WorkerHandle());
  }

  get size(): number {
    return this.clientCount;
  }

  /**
   * Connects more clients (round-robin over the workers, or over `workers`, the
   * indexes of the workers to host them) and waits until all have synced.
   * Connecting again with another kind mixes kinds in one pool. `nice` lowers
   * the scheduling priority of the hosting workers' threads (Linux), so that
   * clients that only make load yield the cores to the server and the
   * measuring clients.
   */
  async connect(
    wsBase: string,
    boards: { boardId: string; clients: number }[],
    options: {
      kind?: ClientKind;
      createCards?: boolean;
      presence?: boolean;
      workers?: number[];
      nice?: number;
      /** Which server these clients are on (scale-out): see ClientSpec.tag. */
      tag?: number;
    } = {},
  ): Promise<void> {
    const hosts = options.workers ?? this.workers.map((_, i) => i);
    if (hosts.length === 0 || hosts.some((i) => !this.workers[i])) throw new Error(`no such workers: ${hosts}`);
    const shares: ClientSpec[][] = this.workers.map(() => []);
    for (const { boardId, clients } of boards) {
      for (let i = 0; i < clients; i++) {
        const index = this.clientCount++;
        shares[hosts[index % hosts.length] as number]?.push({
          boardId,
          index,
          ...(options.tag === undefined ? {} : { tag: options.tag }),
        });
      }
    }
    await Promise.all(
      this.workers.map((worker, i) =>
        worker.call({
          type: 'connect',
          kind: options.kind ?? 'yjs',
          wsBase,
          clients: shares[i] ?? [],
          epochNs: this.epochNs.toString(),
          createCards: options.createCards ?? true,
          presence: options.presence ?? false,
          ...(options.nice === undefined ? {} : { nice: options.nice }),
        }),
      ),
    );
  }

  /** Waits until every client has at least this many cards on its board (so edits have a target everywhere). */
  async awaitCards(minCards: Record<string, number>): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.call({ type: 'await-cards', minCards })));
  }

  async run(options: PoolRun): Promise<PoolReport> {
    // A short lead so every worker starts its clocks before the window opens.
    const startAt = clockMs(this.epochNs) + 300;
    const endAt = startAt + options.durationMs;
    const cpuBefore = process.cpuUsage();
    const reports = await Promise.all(
      this.workers.map((worker) =>
        worker.call<RunReport>({
          type: 'run',
          startAt,
          endAt,
          editsPerSecond: options.editsPerSecond,
          cursorMovesPerSecond: options.cursorMovesPerSecond ?? 0,
        }),
      ),
    );
    const cpu = process.cpuUsage(cpuBefore);
    const elapsedMs = clockMs(this.epochNs) - startAt;
    const samples = reports.flatMap((report) => report.samples);
    const byBoard = new Map<string, Float64Array>();
    for (const boardId of new Set(samples.map((s) => s.boardId))) {
      byBoard.set(boardId, concat(samples.filter((s) => s.boardId === boardId).map((s) => s.values)));
    }
    const byKind: Partial<Record<ClientKind, KindReport>> = {};
    for (const kind of new Set(reports.flatMap((r) => r.kinds))) {
      const hosts = reports.filter((r) => r.kinds.includes(kind));
      byKind[kind] = {
        samples: concat(samples.filter((s) => s.kind === kind).map((s) => s.values)),
        deliveries: reports.reduce((sum, r) => sum + (r.deliveries[kind] ?? 0), 0),
        loopDelayP99: Math.max(...hosts.map((r) => r.loopDelayP99)),
        utilization: Math.max(...hosts.map((r) => r.utilization)),
        cpuPercent: hosts.reduce((sum, r) => sum + r.cpuPercent, 0),
      };
    }
    return {
      byBoard,
      all: concat([...byBoard.values()]),
      byKind,
      editsSent: reports.reduce((sum, r) => sum + r.editsSent, 0),
      cursorMoves: reports.reduce((sum, r) => sum + r.cursorMoves, 0),
      deliveries: Object.values(byKind).reduce((sum, k) => sum + k.deliveries, 0),
      windowMs: options.durationMs,
      clientLoopDelayP99: Math.max(...reports.map((r) => r.loopDelayP99)),
      clientCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
      byPair: Object.fromEntries(
        (['same', 'cross'] as const).map((pair) => [
          pair,
          concat(samples.filter((s) => s.pair === pair).map((s) => s.values)),
        ]),
      ),
      dropped: reports.reduce<Record<string, number>>((sum, r) => {
        for (const [code, n] of Object.entries(r.dropped)) sum[code] = (sum[code] ?? 0) + n;
        return sum;
      }, {}),
    };
  }

  async disconnect(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.call({ type: 'disconnect' })));
    this.clientCount = 0;
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }
}

function concat(parts: Float64Array[]): Float64Array {
  const out = new Float64Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
