/**
 * Whole-state computations on a board's merged update: pure functions of
 * bytes, run in the state worker (state-worker.ts) so that a large board never
 * holds up the event loop every room shares.
 */
import * as Y from 'yjs';
import { CardIndex, type CardIndexData } from './card-index.ts';
import { mergeMany } from './merge.ts';

export interface StateAnalysis {
  /** The state vector (client → next clock), as Yjs computes it from an update. */
  vector: [number, number][];
  cards: CardIndexData;
}

export function analyzeState(state: Uint8Array): StateAnalysis {
  const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  return { vector: [...vector], cards: CardIndex.fromState(state).toData() };
}

export type StateTask =
  | { op: 'merge'; updates: Uint8Array[] }
  | { op: 'analyze'; updates: Uint8Array[] }
  | { op: 'diff'; updates: Uint8Array[]; stateVector: Uint8Array };

export type StateTaskResult<T extends StateTask> = T extends { op: 'analyze' } ? StateAnalysis : Uint8Array;

export function runStateTask(task: StateTask): Uint8Array | StateAnalysis {
  switch (task.op) {
    case 'merge':
      return mergeMany(task.updates);
    case 'analyze':
      return analyzeState(mergeMany(task.updates));
    case 'diff':
      return Y.diffUpdate(mergeMany(task.updates), task.stateVector);
  }
}
