/** The board-document migration, pure on a Y.Doc: a schemaVersion-1 board gets every registry field. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { canWrite, cardsMap, metaMap, Origin, readMeta, SCHEMA_VERSION } from '../../shared/board-doc.ts';
import { migrateBoardDoc, pendingMigration } from '../../shared/board-migration.ts';
import { createCard, readCard, setCardText } from '../../shared/card.ts';
import { TEXT_FIELDS } from '../../shared/fields/card-fields.ts';
import { schemaV1Board, V1_TEXT_FIELDS } from '../helpers/schema-v1.ts';

const CARDS = [
  { id: 'c1', goalId: 'A1', title: 'Hälsosamtal' },
  { id: 'c2', goalId: null, title: 'Ej placerad' },
];

describe('board migration', () => {
  it('a schemaVersion-1 card lacks Effektmått, which the registry adds in version 2', () => {
    const doc = schemaV1Board(CARDS);
    expect(V1_TEXT_FIELDS).not.toContain('effectMeasure');
    expect(cardsMap(doc).get('c1')?.has('effectMeasure')).toBe(false);
    expect(SCHEMA_VERSION).toBe(2);
    expect(pendingMigration(doc)?.from).toBe(1);
  });

  it('gives every card every registry text field, empty, keeps what was there and bumps schemaVersion', () => {
    const doc = schemaV1Board(CARDS);
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction: Y.Transaction) => origins.push(transaction.origin));
    expect(migrateBoardDoc(doc)).toBe(1);
    // One transaction, as the server's own origin.
    expect(origins).toEqual([Origin.server]);
    expect(readMeta(doc)?.schemaVersion).toBe(SCHEMA_VERSION);
    for (const card of cardsMap(doc).values()) {
      for (const field of TEXT_FIELDS) expect(card.get(field.id), field.id).toBeInstanceOf(Y.Text);
    }
    expect(readCard(doc, 'c1')).toMatchObject({ title: 'Hälsosamtal', effectMeasure: '', goalId: 'A1' });
    // The new field is a real Y.Text: it can be typed into like the others.
    setCardText(doc, 'c1', 'effectMeasure', 'Fler hälsosamtal, mätt i journalen');
    expect(readCard(doc, 'c1')?.effectMeasure).toBe('Fler hälsosamtal, mätt i journalen');
  });

  it('does nothing to a current, a newer or an empty document, and runs once', () => {
    const current = new Y.Doc();
    metaMap(current).set('schemaVersion', SCHEMA_VERSION);
    createCard(current, { id: 'c', goalId: null, createdBy: 'x' });
    const before = Y.encodeStateVector(current);
    expect(migrateBoardDoc(current)).toBeNull();
    expect(Y.encodeStateVector(current)).toEqual(before);

    const newer = new Y.Doc();
    metaMap(newer).set('schemaVersion', SCHEMA_VERSION + 1);
    expect(migrateBoardDoc(newer)).toBeNull();
    expect(readMeta(newer)?.schemaVersion).toBe(SCHEMA_VERSION + 1);
    // This code opens a newer board read-only, never rewriting it.
    expect(canWrite(readMeta(newer))).toBe(false);

    expect(migrateBoardDoc(new Y.Doc())).toBeNull();

    const old = schemaV1Board(CARDS);
    expect(migrateBoardDoc(old)).toBe(1);
    expect(migrateBoardDoc(old)).toBeNull();
  });

  it('gives a current board’s card the fields an older client left out of it while offline', () => {
    const doc = schemaV1Board(CARDS);
    migrateBoardDoc(doc);
    // An older client, offline since before the migration, syncs a card made without Effektmått.
    const offline = schemaV1Board([{ id: 'late', goalId: 'A1', title: 'Skriven offline' }]);
    const late = cardsMap(offline).get('late');
    if (!late) throw new Error('no card');
    const copy = new Y.Map<unknown>();
    for (const [key, value] of late.entries())
      copy.set(
        key,
        value instanceof Y.Text ? new Y.Text(value.toString()) : value instanceof Y.Map ? new Y.Map() : value,
      );
    cardsMap(doc).set('late', copy);
    expect(cardsMap(doc).get('late')?.has('effectMeasure')).toBe(false);
    expect(migrateBoardDoc(doc)).toBe(SCHEMA_VERSION);
    expect(cardsMap(doc).get('late')?.get('effectMeasure')).toBeInstanceOf(Y.Text);
    expect(migrateBoardDoc(doc)).toBeNull();
  });

  it('merges with a client that typed into the board while the server migrated it', () => {
    const server = schemaV1Board(CARDS);
    const client = new Y.Doc();
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    setCardText(client, 'c1', 'activity', 'Erbjuda samtal');
    migrateBoardDoc(server);
    Y.applyUpdate(server, Y.encodeStateAsUpdate(client));
    Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
    for (const doc of [server, client]) {
      expect(readCard(doc, 'c1')).toMatchObject({ activity: 'Erbjuda samtal', effectMeasure: '' });
      expect(readMeta(doc)?.schemaVersion).toBe(SCHEMA_VERSION);
    }
  });
});
