/**
 * The worker pool for plan exports and imports, so big files never block the
 * live rooms, and so no board's jobs delay another's:
 *  - threads sized to the machine (at least 2, so one slow job never holds all);
 *  - one job at a time per board (exports) and for all imports together
 *    (plan-queues.ts), each queue bounded → PlanBusy (429);
 *  - a time limit per job: past it the job's worker thread is terminated and
 *    replaced (piscina does that for an aborted running task) → PlanTimeout (503).
 * Imports share one queue because they have no board yet: however many arrive,
 * they hold one thread and leave the others to exports.
 */
import { availableParallelism } from 'node:os';
import Piscina from 'piscina';
import type { NextPlanOutcome, NextPlanTask } from './next-plan-task.ts';
import { PlanBusy, PlanQueues } from './plan-queues.ts';
import type {
  ExportOutcome,
  ExportTask,
  ImportOutcome,
  ImportTask,
  ReportOutcome,
  ReportTask,
  RollupDocxTask,
} from './plan-worker.ts';

export { PlanBusy } from './plan-queues.ts';

/** A job ran past the time limit; its worker was replaced. The HTTP layer answers 503. */
export class PlanTimeout extends Error {}

export interface PlanPool {
  export(task: Omit<ExportTask, 'kind'>): Promise<ExportOutcome>;
  import(task: Omit<ImportTask, 'kind'>): Promise<ImportOutcome>;
  /** A follow-up report: in the board's export queue, as it reads the same stored board. */
  report(task: Omit<ReportTask, 'kind'>): Promise<ReportOutcome>;
  /** A new board from a board's plan: in the imports' queue, as it makes a board like an import. */
  nextPlan(task: Omit<NextPlanTask, 'kind'>): Promise<NextPlanOutcome>;
  /** A roll-up's Word document: in a queue of its own, as it reads no one board. */
  rollupDocx(task: Omit<RollupDocxTask, 'kind'>): Promise<Uint8Array>;
  /** False once closed: `/api/ready` reports the server unready then. */
  accepting(): boolean;
  close(): Promise<void>;
}

export interface PlanPoolOptions {
  /** Worker threads; default: the machine's available parallelism, at least 2. */
  threads?: number;
  /** A job running longer than this is stopped (README "Limits"). */
  jobTimeoutMs?: number;
  /** Jobs that may wait behind the running one, per board (and for imports). */
  maxWaitingPerQueue?: number;
}

export const DEFAULT_PLAN_JOB_TIMEOUT_MS = 30_000;
export const DEFAULT_PLAN_WAITING_PER_QUEUE = 4;

export const defaultPlanThreads = (): number => Math.max(2, availableParallelism());

const IMPORTS = 'import';
const ROLLUPS = 'rollup';

export function createPlanPool(options: PlanPoolOptions = {}): PlanPool {
  const threads = options.threads ?? defaultPlanThreads();
  const timeoutMs = options.jobTimeoutMs ?? DEFAULT_PLAN_JOB_TIMEOUT_MS;
  const pool = new Piscina({
    filename: new URL('./plan-worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads: threads,
    // Loading docx (and exceljs, for XLSX exports) costs a few hundred ms: keep a warm worker for a while.
    idleTimeout: 60_000,
  });
  const queues = new PlanQueues(options.maxWaitingPerQueue ?? DEFAULT_PLAN_WAITING_PER_QUEUE);
  let closed = false;

  async function run<T>(
    task: ExportTask | ImportTask | ReportTask | NextPlanTask | RollupDocxTask,
    tooLong: string,
  ): Promise<T> {
    const signal = AbortSignal.timeout(timeoutMs);
    try {
      return (await pool.run(task, { signal })) as T;
    } catch (error) {
      if (signal.aborted)
        throw new PlanTimeout(`${tooLong} (more than ${Math.round(timeoutMs / 1000)} s) and was stopped`);
      throw error;
    }
  }

  return {
    export: (task) =>
      queues.run(task.boardId, 'this board has exports under way', () =>
        run<ExportOutcome>({ kind: 'export', ...task }, 'the export took too long'),
      ),
    report: (task) =>
      queues.run(task.boardId, 'this board has exports under way', () =>
        run<ReportOutcome>({ kind: 'report', ...task }, 'the report took too long'),
      ),
    import: (task) =>
      queues.run(IMPORTS, 'other imports are under way', () =>
        run<ImportOutcome>({ kind: 'import', ...task }, 'the import took too long'),
      ),
    nextPlan: (task) =>
      queues.run(IMPORTS, 'other imports are under way', () =>
        run<NextPlanOutcome>({ kind: 'next-plan', ...task }, 'making the next plan took too long'),
      ),
    rollupDocx: (task) =>
      queues.run(ROLLUPS, 'other roll-ups are under way', () =>
        run<Uint8Array>({ kind: 'rollup-docx', ...task }, 'the roll-up took too long'),
      ),
    accepting: () => !closed,
    close: () => {
      closed = true;
      return pool.destroy();
    },
  };
}

/** For the HTTP layer: PlanBusy and PlanTimeout are expected answers, not faults. */
export const isPlanRefusal = (error: unknown): error is PlanBusy | PlanTimeout =>
  error instanceof PlanBusy || error instanceof PlanTimeout;
