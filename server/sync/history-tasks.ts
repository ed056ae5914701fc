/**
 * Whole-state work for history, run in the state worker like the rest of
 * state-analysis.ts: a version's state and summary, the cards an update is
 * about to delete, and the updates that restore a version or a card. Each
 * edit is made with the domain functions of shared/restore.ts on a Y.Doc of
 * the current state, and handed back as the update that makes it.
 */
import * as Y from 'yjs';
import { metaMap, Origin, templateJson } from '../../shared/board-doc.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { readCard } from '../../shared/card.ts';
import {
  CARD_TEXT_FIELDS,
  type Card,
  CO_AUTHORS_MAX,
  fieldMax,
  PARTIES_MAX,
  PARTY_NAME_MAX,
  TEXT_FIELD_MAX,
} from '../../shared/card-schema.ts';
import type { ChangeSummary } from '../../shared/plan/compare.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { type BoardContent, putCard, readContent, restoreContent } from '../../shared/restore.ts';
import type { DeletionStep } from './deleted-cards.ts';
import { applyAll } from './merge.ts';
import { fingerprintOf, type PlanFingerprint, summarizeFingerprints } from './plan-fingerprint.ts';
import { keepVersion, keepWarm, type LogPosition, warmDoc, warmVersion } from './warm-docs.ts';

/** The version a new one is summarised against: its fingerprint when the room has it, else its state. */
export type PreviousVersion = { fingerprint: PlanFingerprint } | { state: Uint8Array } | null;

/** A saved version to restore: its id, and its state for when this thread has not kept its cards. */
export interface RestoreSource {
  versionId: string;
  state: Uint8Array;
}

/** `at` tells where in the room's log `updates` end, so the tasks that edit can reuse a warm document. */
export type HistoryTask =
  | {
      op: 'snapshot';
      updates: Uint8Array[];
      at: LogPosition;
      versionId: string;
      previous: PreviousVersion;
    }
  | { op: 'read-deleted'; steps: DeletionStep[] }
  | {
      op: 'restore';
      updates: Uint8Array[];
      at: LogPosition;
      source: RestoreSource;
      /** The id the backup version will have. */
      backupId: string;
      previous: PreviousVersion;
    }
  | { op: 'put-card'; updates: Uint8Array[]; at: LogPosition; card: Card };

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

/** The update `edit` makes to the document (warm, see warm-docs.ts) that `updates` hold. */
function editOf(doc: Y.Doc, edit: (doc: Y.Doc) => void): Uint8Array {
  const before = Y.encodeStateVector(doc);
  edit(doc);
  return Y.encodeStateAsUpdate(doc, before);
}

/** A version's cards: kept from when this thread saved or restored it, else read from its state. */
function contentOf({ versionId, state }: RestoreSource): BoardContent {
  const content = warmVersion(versionId) ?? withDoc(state, readContent, false);
  keepVersion(versionId, content);
  return content;
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
 * A restore: the state as it is (kept as the backup version) and the update
 * that makes it equal the version's, from the room's warm document. The backup
 * is the stored state itself when there is no log after it, else the
 * document's encoding, which like a merged update keeps text deleted since the
 * last compaction.
 */
function restore(task: Extract<HistoryTask, { op: 'restore' }>): RestoreResult {
  const doc = warmDoc(task.updates, task.at);
  const current = task.updates.length === 1 ? (task.updates[0] as Uint8Array) : Y.encodeStateAsUpdate(doc);
  const backup = snapshotOf(doc, current, task.previous);
  const content = contentOf(task.source);
  // Restoring the backup (undoing this restore) then needs no decoding either.
  const live = readContent(doc);
  keepVersion(task.backupId, live);
  const update = editOf(doc, (d) => restoreContent(d, content, Origin.server, live.cards));
  // The version's layout too (a version saved before a layout edit), as an update of its own:
  // meta.template is the server's, so it is stored trusted, after the checked content update.
  const wanted = content.template ? templateJson(content.template) : null;
  if (!wanted || JSON.stringify(metaMap(doc).get('template')) === JSON.stringify(wanted)) return { backup, update };
  const layoutUpdate = editOf(doc, (d) => d.transact(() => metaMap(d).set('template', wanted), Origin.server));
  return { backup, update, layoutUpdate };
}

/** A version of the stored state, through a collecting Y.Doc (stored without deleted text), left warm. */
function snapshot(task: Extract<HistoryTask, { op: 'snapshot' }>): Snapshot {
  const doc = new Y.Doc();
  applyAll(doc, task.updates);
  const result = snapshotOf(doc, Y.encodeStateAsUpdate(doc), task.previous);
  keepVersion(task.versionId, readContent(doc));
  keepWarm(doc, task.updates, task.at);
  return result;
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
      }
      const current = doc;
      applyAll(current, step.updates);
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
  const cut: Card = {
    ...card,
    parties: card.parties.slice(0, PARTIES_MAX),
    coAuthors: card.coAuthors.slice(0, CO_AUTHORS_MAX).map((name) => name.slice(0, PARTY_NAME_MAX)),
  };
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
      return snapshot(task);
    case 'read-deleted':
      return readDeleted(task.steps);
    case 'restore':
      return restore(task);
    case 'put-card':
      return editOf(warmDoc(task.updates, task.at), (doc) => putCard(doc, task.card, Origin.server));
  }
}
