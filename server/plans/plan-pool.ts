/** A small worker pool for plan exports and imports, so big files never block the live rooms. */
import Piscina from 'piscina';
import type { ExportOutcome, ExportTask, ImportOutcome, ImportTask } from './plan-worker.ts';

export interface PlanPool {
  export(task: Omit<ExportTask, 'kind'>): Promise<ExportOutcome>;
  import(task: Omit<ImportTask, 'kind'>): Promise<ImportOutcome>;
  close(): Promise<void>;
}

export function createPlanPool({ maxThreads = 1 }: { maxThreads?: number } = {}): PlanPool {
  const pool = new Piscina({
    filename: new URL('./plan-worker.ts', import.meta.url).href,
    minThreads: 0,
    maxThreads,
    // Loading exceljs and docx costs a few hundred ms: keep a warm worker for a while.
    idleTimeout: 60_000,
  });
  return {
    export: (task) => pool.run({ kind: 'export', ...task }) as Promise<ExportOutcome>,
    import: (task) => pool.run({ kind: 'import', ...task }) as Promise<ImportOutcome>,
    close: () => pool.destroy(),
  };
}
