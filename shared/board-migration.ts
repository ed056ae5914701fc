/**
 * Brings an older board document up to this code's SCHEMA_VERSION. The server
 * runs it when it loads a board into a room (its edit is stored and relayed
 * like any other, under Origin.server, so connected clients receive it) and on
 * every stored board it reads for an export. A client never migrates: one that
 * knows an older schemaVersion than the document's opens it read-only
 * (board-doc.ts canWrite), so it cannot write cards without the new fields.
 *
 * Policy (README "Board schema versions"): a version step only adds. Each step
 * is idempotent and merges with concurrent edits; steps run in order, and the
 * document's schemaVersion is set last, in the same transaction.
 */
import * as Y from 'yjs';
import { cardsMap, metaMap, Origin, SCHEMA_VERSION } from './board-doc.ts';
import { TEXT_FIELDS } from './fields/card-fields.ts';

interface MigrationStep {
  /** The schemaVersion the document has after this step. */
  to: number;
  why: string;
  run(doc: Y.Doc): void;
}

/**
 * Every Y.Text field of the card registry on every card, empty where missing. Registry-driven, so a
 * text field added later needs only its registry entry and a SCHEMA_VERSION bump, not a step of its own.
 */
function addMissingTextFields(doc: Y.Doc): void {
  for (const card of cardsMap(doc).values()) {
    if (!(card instanceof Y.Map)) continue;
    for (const field of TEXT_FIELDS) if (!card.has(field.id)) card.set(field.id, new Y.Text());
  }
}

const STEPS: readonly MigrationStep[] = [
  { to: 2, why: 'cards get the Effektmått field (effectMeasure)', run: addMissingTextFields },
];

/** What migrating a document would do: its version now and the steps it lacks (none when current, newer or empty). */
export function pendingMigration(doc: Y.Doc): { from: number; steps: readonly MigrationStep[] } | null {
  const from = metaMap(doc).get('schemaVersion');
  if (typeof from !== 'number' || !Number.isInteger(from) || from >= SCHEMA_VERSION) return null;
  return { from, steps: STEPS.filter((step) => step.to > from) };
}

/** Whether a card lacks a registry text field (one an older client wrote offline, after the board was migrated). */
const lacksField = (doc: Y.Doc): boolean =>
  [...cardsMap(doc).values()].some((card) => card instanceof Y.Map && TEXT_FIELDS.some((f) => !card.has(f.id)));

/**
 * Migrates `doc` in one transaction; returns the version it had, or null when
 * there was nothing to do (a current document with every field, a newer one,
 * or one without meta). A current document whose cards lack a field (written
 * by an older client that was offline while the board was migrated) gets it.
 */
export function migrateBoardDoc(doc: Y.Doc, origin: Origin = Origin.server): number | null {
  const pending = pendingMigration(doc);
  if (!pending) {
    if (metaMap(doc).get('schemaVersion') !== SCHEMA_VERSION || !lacksField(doc)) return null;
    doc.transact(() => addMissingTextFields(doc), origin);
    return SCHEMA_VERSION;
  }
  doc.transact(() => {
    for (const step of pending.steps) step.run(doc);
    metaMap(doc).set('schemaVersion', SCHEMA_VERSION);
  }, origin);
  return pending.from;
}
