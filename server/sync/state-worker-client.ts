/**
 * One worker thread per server for whole-state work (merging the log into the
 * state, analysing a loaded state, answering a returning client's sync). On a
 * 1,000-card board each of these takes tens to hundreds of milliseconds; in the
 * worker they use the second core instead of stalling every room's relays.
 */
import { Worker } from 'node:worker_threads';
import { runStateTask, type StateTask, type StateTaskResult } from './state-analysis.ts';
import { forgetWarm } from './warm-docs.ts';

/** Below this many bytes of input a task is cheaper to run here than to copy to the worker and back. */
const INLINE_BYTES = 64 * 1024;

const inputBytes = (task: StateTask): number =>
  ('updates' in task ? task.updates : task.steps.flatMap((step) => step.updates)).reduce(
    (sum, update) => sum + update.byteLength,
    0,
  );

export class StateWorker {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, { resolve: (value: never) => void; reject: (error: Error) => void }>();
  private nextId = 1;
  private closed = false;

  run<T extends StateTask>(task: T): Promise<StateTaskResult<T>> {
    if (this.closed || inputBytes(task) < INLINE_BYTES) {
      try {
        return Promise.resolve(runStateTask(task) as StateTaskResult<T>);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    const worker = this.start();
    worker.ref();
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.pending.set(id, { resolve: resolve as (value: never) => void, reject });
      worker.postMessage({ id, task });
    });
  }

  /** Drops a room's warm document (warm-docs.ts) here and in the worker: tasks run in either. */
  forgetWarm(room: string): void {
    forgetWarm(room);
    this.worker?.postMessage({ forget: room });
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(new URL('./state-worker.ts', import.meta.url));
    // Idle, it must not keep the process alive (tests, CLI); busy, pending tasks keep it referenced.
    worker.unref();
    worker.on('message', ({ id, result, error }: { id: number; result?: unknown; error?: string }) => {
      const waiting = this.pending.get(id);
      if (!waiting) return;
      this.pending.delete(id);
      if (error === undefined) waiting.resolve(result as never);
      else waiting.reject(new Error(error));
      if (this.pending.size === 0) worker.unref();
    });
    worker.on('error', (error) => this.fail(error));
    worker.on('exit', () => this.fail(new Error('the state worker stopped')));
    this.worker = worker;
    return worker;
  }

  /** A crashed worker fails what it had; the next task starts a new one. */
  private fail(error: Error): void {
    this.worker = undefined;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }
}
