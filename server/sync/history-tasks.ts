/**
 * Whole-state work for history, run in the state worker like the rest of
 * state-analysis.ts: a version's state and summary, the cards an update is
 * about to delete, and the updates that restore a version or a card. Each
 * edit is made with the domain functions of shared/restore.ts on a Y.Doc of
 * the current state, and handed back as the update that makes it.
 */
import * as Y from 'yjs';
import { Origin } from '../../shared/board-doc.ts';
import { readCard } from '../../shared/card.ts';
import type { Card } from '../../shared/card-schema.ts';
import { type ChangeSummary, summarizeChanges } from '../../shared/plan/compare.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { putCard, restoreContent } from '../../shared/restore.ts';
import { getTemplate } from '../../shared/template.ts';
import { mergeMany } from './merge.ts';

export type HistoryTask =
  | { op: 'snapshot'; updates: Uint8Array[]; previous: Uint8Array | null; templateId: string }
  | { op: 'read-cards'; updates: Uint8Array[]; ids: string[] }
  | { op: 'restore'; updates: Uint8Array[]; source: Uint8Array; previous: Uint8Array | null; templateId: string }
  | { op: 'put-card'; updates: Uint8Array[]; card: Card };

export interface Snapshot {
  /** The whole document as a Y.Doc stores it (deleted content dropped). */
  state: Uint8Array;
  cardCount: number;
  summary: ChangeSummary;
}

function withDoc<T>(state: Uint8Array | null, work: (doc: Y.Doc) => T): T {
  const doc = new Y.Doc();
  try {
    if (state) Y.applyUpdate(doc, state);
    return work(doc);
  } finally {
    doc.destroy();
  }
}

/** The update `edit` makes to the document `updates` merge into. */
function editOf(updates: Uint8Array[], edit: (doc: Y.Doc) => void): Uint8Array {
  return withDoc(mergeMany(updates), (doc) => {
    const before = Y.encodeStateVector(doc);
    edit(doc);
    return Y.encodeStateAsUpdate(doc, before);
  });
}

/** The version of `doc` as it is now, summarised against the version before (`previous`). */
function snapshotOf(doc: Y.Doc, previous: Uint8Array | null, templateId: string): Snapshot {
  const template = getTemplate(templateId);
  if (!template) throw new Error(`template "${templateId}" is not installed`);
  const before = withDoc(previous, (old) => docToPlan(old, template));
  return {
    state: Y.encodeStateAsUpdate(doc),
    cardCount: doc.getMap('cards').size,
    summary: summarizeChanges(before, docToPlan(doc, template)),
  };
}

/**
 * A restore: the state as it is (kept as the backup version) and the update
 * that makes it equal `source`, from one Y.Doc of the current state.
 */
function restore(task: Extract<HistoryTask, { op: 'restore' }>): RestoreResult {
  return withDoc(mergeMany(task.updates), (doc) => {
    const backup = snapshotOf(doc, task.previous, task.templateId);
    const before = Y.encodeStateVector(doc);
    withDoc(task.source, (source) => restoreContent(doc, source, Origin.server));
    return { backup, update: Y.encodeStateAsUpdate(doc, before) };
  });
}

export interface RestoreResult {
  backup: Snapshot;
  update: Uint8Array;
}

export function runHistoryTask(task: HistoryTask): Uint8Array | Snapshot | Card[] | RestoreResult {
  switch (task.op) {
    case 'snapshot':
      return withDoc(mergeMany(task.updates), (doc) => snapshotOf(doc, task.previous, task.templateId));
    case 'read-cards':
      return withDoc(mergeMany(task.updates), (doc) =>
        task.ids.map((id) => readCard(doc, id)).filter((card): card is Card => card !== undefined),
      );
    case 'restore':
      return restore(task);
    case 'put-card':
      return editOf(task.updates, (doc) => putCard(doc, task.card, Origin.server));
  }
}
