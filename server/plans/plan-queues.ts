/**
 * One queue per key (a board's id, or all imports together): a key runs one job
 * at a time, so a board that asks for ten exports holds one worker thread, not
 * all of them, and never delays another board's jobs. Each queue is bounded:
 * past `maxWaiting` a job is refused at once with PlanBusy.
 */

/** A queue is full: the HTTP layer answers 429 with Retry-After. */
export class PlanBusy extends Error {
  readonly retryAfterSeconds: number;

  constructor(message: string, retryAfterSeconds: number) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A plan job takes a second or two: by then the queue has moved. */
const RETRY_AFTER_S = 5;

export class PlanQueues {
  /** The tail of each key's chain and how many jobs are in it (running and waiting). */
  private readonly queues = new Map<string, { tail: Promise<unknown>; size: number }>();
  private readonly maxWaiting: number;

  constructor(maxWaiting: number) {
    this.maxWaiting = maxWaiting;
  }

  /** Runs `job` once the key's earlier jobs are done; rejects with PlanBusy (saying `busy`) when the queue is full. */
  run<T>(key: string, busy: string, job: () => Promise<T>): Promise<T> {
    const queue = this.queues.get(key) ?? { tail: Promise.resolve(), size: 0 };
    if (queue.size > this.maxWaiting) {
      return Promise.reject(
        new PlanBusy(`${busy} (${queue.size} running or waiting); try again shortly`, RETRY_AFTER_S),
      );
    }
    const result = queue.tail.then(job, job);
    queue.size++;
    queue.tail = result.then(
      () => this.done(key),
      () => this.done(key),
    );
    this.queues.set(key, queue);
    return result;
  }

  private done(key: string): void {
    const queue = this.queues.get(key);
    if (!queue) return;
    queue.size--;
    if (queue.size === 0) this.queues.delete(key);
  }
}
