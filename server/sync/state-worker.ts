/** Worker thread entry: runs state tasks (merge, analyze, diff) off the main event loop. */
import { parentPort } from 'node:worker_threads';
import { runStateTask, type StateTask } from './state-analysis.ts';
import { forgetWarm } from './warm-docs.ts';

parentPort?.on('message', ({ id, task, forget }: { id: number; task: StateTask; forget?: string }) => {
  if (forget !== undefined) {
    forgetWarm(forget);
    return;
  }
  try {
    parentPort?.postMessage({ id, result: runStateTask(task) });
  } catch (error) {
    parentPort?.postMessage({ id, error: (error as Error).message });
  }
});
