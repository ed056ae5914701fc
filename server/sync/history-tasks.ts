/**
 * Whole-state work for history, run in the state worker like the rest of
 * state-analysis.ts: a version's state and summary, the cards an update is
 * about to delete, and the updates that restore a version or a card. Each
 * edit is made with the domain functions of shared/restore.ts on a Y.Doc of
 * the current state, and handed back as the update that makes it.
 */
import * as Y from 'yjs';
import { metaMap, Origin, templateJson } from '../../shared/board-doc.ts';
import { readBoardTemplate, storedBoardTemplate } from '../../shared/board-template.ts';
import { readCard } from '../../shared/card.ts';
import { CARD_TEXT_FIELDS, type Card, fieldMax, PARTIES_MAX, TEXT_FIELD_MAX } from '../../shared/card-schema.ts';
import type { ChangeSummary } from '../../shared/plan/compare.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { putCard, restoreContent } from '../../shared/restore.ts';
import type { Template } from '../../shared/template.ts';
import type { DeletionStep } from './deleted-cards.ts';
import { mergeMany } from './merge.ts';
import { fingerprintOf, type PlanFingerprint, summarizeFingerprints } from './plan-fingerprint.ts';

/** The version a new one is summarised against: its fingerprint when the room has it, else its state. */
export type PreviousVersion = { fingerprint: PlanFingerprint } | { state: Uint8Array } | null;

export type HistoryTask =
  | { op: 'snapshot'; updates: Uint8Array[]; previous: PreviousVersion }
  | { op: 'read-deleted'; steps: DeletionStep[] }
  | { op: 'restore'; updates: Uint8Array[]; source: Uint8Array; previous: PreviousVersion }
  | { op: 'put-card'; updates: Uint8Array[]; card: Card };

export interface Snapshot {
  /** The whole document as a Y.Doc stores it (deleted content dropped). */
  state: Uint8Array;
  cardCount: number;
  summary: ChangeSummary;
  /** For summarising the next version against this one. */
  fingerprint: PlanFingerprint;
}

/**
 * `gc: false` for documents that are only read or edited once and thrown
 * away: garbage-collecting deleted text merges structs by splicing the store's
 * arrays, which on a fragmented 1,000-card board made a restore 4× slower.
 */
function withDoc<T>(state: Uint8Array | null, work: (doc: Y.Doc) => T, gc = true): T {
  const doc = new Y.Doc({ gc });
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

/** The plan fingerprint of a document, on its own template (each version keeps the layout it had). */
function printOf(doc: Y.Doc): PlanFingerprint {
  const template = readBoardTemplate(doc);
  if (!template) throw new Error(`the board's template "${String(doc.getMap('meta').get('templateId'))}" is unknown`);
  return fingerprintOf(docToPlan(doc, template));
}

/** The version `state` (whose document is `doc`), summarised against the version before. */
function snapshotOf(doc: Y.Doc, state: Uint8Array, previous: PreviousVersion): Snapshot {
  const before =
    previous === null
      ? new Map()
      : 'fingerprint' in previous
        ? previous.fingerprint
        : withDoc(previous.state, printOf, false);
  const fingerprint = printOf(doc);
  return {
    state,
    cardCount: doc.getMap('cards').size,
    summary: summarizeFingerprints(before, fingerprint),
    fingerprint,
  };
}

/**
 * A restore: the state as it is (kept as the backup version, as the merged
 * update: no re-encoding) and the update that makes it equal `source`, from
 * one Y.Doc of the current state.
 */
function restore(task: Extract<HistoryTask, { op: 'restore' }>): RestoreResult {
  const current = mergeMany(task.updates);
  return withDoc(
    current,
    (doc) => {
      const backup = snapshotOf(doc, current, task.previous);
      const before = Y.encodeStateVector(doc);
      const layout: Template | null = withDoc(
        task.source,
        (source) => {
          restoreContent(doc, source, Origin.server);
          return storedBoardTemplate(source);
        },
        false,
      );
      const update = Y.encodeStateAsUpdate(doc, before);
      // The version's layout too (a version saved before a layout edit), as an update of its own:
      // meta.template is the server's, so it is stored trusted, after the checked content update.
      const wanted = layout ? templateJson(layout) : null;
      if (!wanted || JSON.stringify(metaMap(doc).get('template')) === JSON.stringify(wanted)) return { backup, update };
      const afterContent = Y.encodeStateVector(doc);
      doc.transact(() => metaMap(doc).set('template', wanted), Origin.server);
      return { backup, update, layoutUpdate: Y.encodeStateAsUpdate(doc, afterContent) };
    },
    false,
  );
}

export interface RestoreResult {
  backup: Snapshot;
  update: Uint8Array;
  /** The version's own template, when it differs from the board's now (server-owned: stored trusted). */
  layoutUpdate?: Uint8Array;
}

/** The cards each step deletes, read from the state just before it (see deleted-cards.ts). */
function readDeleted(steps: DeletionStep[]): Card[][] {
  let doc: Y.Doc | null = null;
  try {
    return steps.map((step) => {
      if (step.reset || !doc) {
        doc?.destroy();
        doc = new Y.Doc();
        Y.applyUpdate(doc, mergeMany(step.updates));
      } else {
        const current = doc;
        current.transact(() => {
          for (const update of step.updates) Y.applyUpdate(current, update);
        });
      }
      const current = doc;
      return step.ids
        .map((id) => readCard(current, id))
        .filter((card): card is Card => card !== undefined)
        .map(withinLimits);
    });
  } finally {
    (doc as Y.Doc | null)?.destroy();
  }
}

/** A card cut to the field limits, as the trash keeps it (a forged card may hold more). */
function withinLimits(card: Card): Card {
  const cut: Card = { ...card, parties: card.parties.slice(0, PARTIES_MAX) };
  for (const field of CARD_TEXT_FIELDS) cut[field] = card[field].slice(0, fieldMax(field));
  cut.followUp = Object.fromEntries(
    Object.entries(card.followUp)
      .slice(0, 20)
      .map(([label, e]) => [
        label.slice(0, 32),
        { ...e, comment: e.comment.slice(0, TEXT_FIELD_MAX), effect: e.effect.slice(0, TEXT_FIELD_MAX) },
      ]),
  );
  return cut;
}

export function runHistoryTask(task: HistoryTask): Uint8Array | Snapshot | Card[][] | RestoreResult {
  switch (task.op) {
    case 'snapshot':
      // Through a collecting Y.Doc: a version's state is stored without deleted text.
      return withDoc(mergeMany(task.updates), (doc) => snapshotOf(doc, Y.encodeStateAsUpdate(doc), task.previous));
    case 'read-deleted':
      return readDeleted(task.steps);
    case 'restore':
      return restore(task);
    case 'put-card':
      return editOf(task.updates, (doc) => putCard(doc, task.card, Origin.server));
  }
}
