/**
 * Whole-state computations on a board's merged update: pure functions of
 * bytes, run in the state worker (state-worker.ts) so that a large board never
 * holds up the event loop every room shares.
 */
import * as Y from 'yjs';
import { DocIndex, type DocIndexData } from './doc-index.ts';
import { mergeMany } from './merge.ts';

export interface StateAnalysis {
  /** The state vector (client → next clock), as Yjs computes it from an update. */
  vector: [number, number][];
  /** The document index (doc-index.ts), as plain data for the trip to the main thread. */
  index: DocIndexData;
}

export function analyzeState(state: Uint8Array): StateAnalysis {
  const vector = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state));
  return { vector: [...vector], index: DocIndex.fromState(state).toData() };
}

/**
 * The state as a Y.Doc would store it: merging updates keeps the text of
 * deleted content, a Y.Doc (gc on) drops it. Pending structs and deletions
 * (waiting for something not yet here) are kept: encodeStateAsUpdate includes them.
 */
export function collectGarbage(state: Uint8Array): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

export type StateTask =
  | { op: 'merge'; updates: Uint8Array[] }
  | { op: 'compact'; updates: Uint8Array[] }
  | { op: 'analyze'; updates: Uint8Array[] }
  | { op: 'diff'; updates: Uint8Array[]; stateVector: Uint8Array };

export type StateTaskResult<T extends StateTask> = T extends { op: 'analyze' } ? StateAnalysis : Uint8Array;

export function runStateTask(task: StateTask): Uint8Array | StateAnalysis {
  switch (task.op) {
    case 'merge':
      return mergeMany(task.updates);
    case 'compact':
      return collectGarbage(mergeMany(task.updates));
    case 'analyze':
      return analyzeState(mergeMany(task.updates));
    case 'diff':
      return Y.diffUpdate(mergeMany(task.updates), task.stateVector);
  }
}
