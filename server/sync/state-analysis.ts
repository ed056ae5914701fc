/**
 * Whole-state computations on a board's merged update: pure functions of
 * bytes, run in the state worker (state-worker.ts) so that a large board never
 * holds up the event loop every room shares.
 */
import * as Y from 'yjs';
import { metaMap, Origin } from '../../shared/board-doc.ts';
import { migrateBoardDoc } from '../../shared/board-migration.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import type { Card } from '../../shared/card-schema.ts';
import type { Template } from '../../shared/template.ts';
import { type DecisionEdit, type DecisionEditResult, editDecision } from './decision-edit.ts';
import { DocIndex, type DocIndexData } from './doc-index.ts';
import { type HistoryTask, type RestoreResult, runHistoryTask, type Snapshot } from './history-tasks.ts';
import { applyAll, mergeMany } from './merge.ts';
import { editRounds, type RoundEdit, type RoundEditResult } from './round-edit.ts';
import { editTemplate, type TemplateEditResult } from './template-edit.ts';
import { cardsInArea, editVoting, type VotingEdit, type VotingEditResult } from './voting-edit.ts';
import { keepWarm, type LogPosition, warmDoc } from './warm-docs.ts';
import { editWorkshop, type WorkshopEdit, type WorkshopEditResult } from './workshop-edit.ts';

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
export function collectGarbage(updates: Uint8Array[]): Uint8Array {
  const doc = new Y.Doc();
  try {
    applyAll(doc, updates);
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** Compacts a room's log (`updates` at `at`), leaving the document warm for the room's next restore. */
function compact(updates: Uint8Array[], at: LogPosition): Uint8Array {
  const doc = new Y.Doc();
  applyAll(doc, updates);
  const state = Y.encodeStateAsUpdate(doc);
  keepWarm(doc, updates, at);
  return state;
}

/** The update that sets `entries` in the document's `meta`, made against the whole state. */
export function setMeta(state: Uint8Array, entries: [string, string | boolean][]): Uint8Array {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    doc.transact(() => {
      for (const [key, value] of entries) metaMap(doc).set(key, value);
    }, Origin.server);
    return Y.encodeStateAsUpdate(doc, before);
  } finally {
    doc.destroy();
  }
}

/**
 * The update that migrates an older board document (shared/board-migration.ts);
 * empty when it is current. Made on the room's warm document, which a restore
 * then finds built.
 */
export function migrateState(updates: Uint8Array[], at: LogPosition): Uint8Array {
  const doc = warmDoc(updates, at);
  const before = Y.encodeStateVector(doc);
  migrateBoardDoc(doc, Origin.server);
  return Y.encodeStateAsUpdate(doc, before);
}

/** The board's own template (board-template.ts) of a whole state. */
export function readTemplate(state: Uint8Array): Template | null {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return readBoardTemplate(doc);
  } finally {
    doc.destroy();
  }
}

export type StateTask =
  | HistoryTask
  | { op: 'merge'; updates: Uint8Array[] }
  | { op: 'compact'; updates: Uint8Array[]; at: LogPosition }
  /** Compaction of what a shared store holds (several processes): no room's warm document. */
  | { op: 'fold'; updates: Uint8Array[] }
  | { op: 'analyze'; updates: Uint8Array[] }
  | { op: 'diff'; updates: Uint8Array[]; stateVector: Uint8Array }
  | { op: 'set-meta'; updates: Uint8Array[]; entries: [string, string | boolean][] }
  | { op: 'migrate'; updates: Uint8Array[]; at: LogPosition }
  | { op: 'edit-template'; updates: Uint8Array[]; template: Template; moves: Record<string, string> }
  | { op: 'read-template'; updates: Uint8Array[] }
  | { op: 'edit-rounds'; updates: Uint8Array[]; edit: RoundEdit }
  | { op: 'edit-workshop'; updates: Uint8Array[]; edit: WorkshopEdit; now: number }
  | { op: 'edit-decision'; updates: Uint8Array[]; edit: DecisionEdit; now: number }
  | { op: 'edit-voting'; updates: Uint8Array[]; edit: VotingEdit }
  | { op: 'cards-in-area'; updates: Uint8Array[]; areaId: string };

export type StateTaskResult<T extends StateTask> = T extends { op: 'analyze' }
  ? StateAnalysis
  : T extends { op: 'snapshot' }
    ? Snapshot
    : T extends { op: 'read-deleted' }
      ? Card[][]
      : T extends { op: 'restore' }
        ? RestoreResult
        : T extends { op: 'edit-template' }
          ? TemplateEditResult
          : T extends { op: 'read-template' }
            ? Template | null
            : T extends { op: 'edit-rounds' }
              ? RoundEditResult
              : T extends { op: 'edit-workshop' }
                ? WorkshopEditResult
                : T extends { op: 'edit-decision' }
                  ? DecisionEditResult
                  : T extends { op: 'edit-voting' }
                    ? VotingEditResult
                    : T extends { op: 'cards-in-area' }
                      ? string[]
                      : Uint8Array;

export function runStateTask(
  task: StateTask,
):
  | Uint8Array
  | StateAnalysis
  | Snapshot
  | Card[][]
  | RestoreResult
  | TemplateEditResult
  | RoundEditResult
  | WorkshopEditResult
  | DecisionEditResult
  | VotingEditResult
  | string[]
  | Template
  | null {
  switch (task.op) {
    case 'snapshot':
    case 'read-deleted':
    case 'restore':
    case 'put-card':
      return runHistoryTask(task);
    case 'merge':
      return mergeMany(task.updates);
    case 'compact':
      return compact(task.updates, task.at);
    case 'fold':
      return collectGarbage(task.updates);
    case 'analyze':
      return analyzeState(mergeMany(task.updates));
    case 'diff':
      return Y.diffUpdate(mergeMany(task.updates), task.stateVector);
    case 'set-meta':
      return setMeta(mergeMany(task.updates), task.entries);
    case 'migrate':
      return migrateState(task.updates, task.at);
    case 'edit-template':
      return editTemplate(mergeMany(task.updates), task.template, task.moves);
    case 'read-template':
      return readTemplate(mergeMany(task.updates));
    case 'edit-rounds':
      return editRounds(mergeMany(task.updates), task.edit);
    case 'edit-workshop':
      return editWorkshop(mergeMany(task.updates), task.edit, task.now);
    case 'edit-decision':
      return editDecision(mergeMany(task.updates), task.edit, task.now);
    case 'edit-voting':
      return editVoting(mergeMany(task.updates), task.edit);
    case 'cards-in-area':
      return cardsInArea(mergeMany(task.updates), task.areaId);
  }
}
