/** The bench's clients, spread over worker threads; the main thread only coordinates. */
import { Worker } from 'node:worker_threads';
import { clockMs } from './participant.ts';
import type { ClientKind, ClientSpec, RunReport, WorkerCommand } from './worker.ts';

export interface PoolRun {
  durationMs: number;
  editsPerSecond: number;
  cursorMovesPerSecond?: number;
}

export interface PoolReport {
  byBoard: Map<string, Float64Array>;
  all: Float64Array;
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

  /** Connects more clients (round-robin over the workers) and waits until all have synced. */
  async connect(
    wsBase: string,
    boards: { boardId: string; clients: number }[],
    options: { kind?: ClientKind; createCards?: boolean; presence?: boolean } = {},
  ): Promise<void> {
    const shares: ClientSpec[][] = this.workers.map(() => []);
    for (const { boardId, clients } of boards) {
      for (let i = 0; i < clients; i++) {
        const index = this.clientCount++;
        shares[index % this.workers.length]?.push({ boardId, index });
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
    const byBoard = new Map<string, number[][]>();
    for (const report of reports) {
      for (const [board, values] of Object.entries(report.samples)) {
        const lists = byBoard.get(board) ?? [];
        lists.push(Array.from(values));
        byBoard.set(board, lists);
      }
    }
    const merged = new Map<string, Float64Array>();
    for (const [board, lists] of byBoard) merged.set(board, Float64Array.from(lists.flat()));
    const all = Float64Array.from([...merged.values()].flatMap((values) => Array.from(values)));
    return {
      byBoard: merged,
      all,
      editsSent: reports.reduce((sum, r) => sum + r.editsSent, 0),
      cursorMoves: reports.reduce((sum, r) => sum + r.cursorMoves, 0),
      deliveries: reports.reduce((sum, r) => sum + r.deliveries, 0),
      windowMs: options.durationMs,
      clientLoopDelayP99: Math.max(...reports.map((r) => r.loopDelayP99)),
      clientCpuPercent: ((cpu.user + cpu.system) / 1000 / elapsedMs) * 100,
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
