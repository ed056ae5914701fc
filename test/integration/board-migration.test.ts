/**
 * A stored schemaVersion-1 board opened through a real server by a real Yjs
 * client: the server migrates it as it loads the room, the client receives
 * the new field on every card, and the migration is stored (it survives a
 * restart and is not made again).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storeNewBoard } from '../../server/boards/board-docs.ts';
import { cardsMap, readMeta, SCHEMA_VERSION } from '../../shared/board-doc.ts';
import { getCardText, readCard, setCardText } from '../../shared/card.ts';
import { TEXT_FIELDS } from '../../shared/fields/card-fields.ts';
import { schemaV1Board } from '../helpers/schema-v1.ts';
import { rememberBoard, serverPerTest, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest();

const CARDS = [
  { id: 'c1', goalId: 'A1', title: 'Hälsosamtal' },
  { id: 'c2', goalId: 'B1', title: 'SIP i primärvården' },
  { id: 'c3', goalId: null, title: 'Ej placerad' },
];

/** The board exactly as stored, without the in-memory migration loadBoardDoc does. */
async function storedDoc(boardId: string): Promise<Y.Doc> {
  const doc = new Y.Doc();
  for (const update of (await ctx.server.store.loadBoard(boardId)).updates) Y.applyUpdate(doc, update);
  return doc;
}

const everyCardHasEveryField = (doc: Y.Doc) =>
  cardsMap(doc).size === CARDS.length &&
  [...cardsMap(doc).values()].every((card) => TEXT_FIELDS.every((field) => card.get(field.id) instanceof Y.Text));

describe('board migration through the server', () => {
  it('gives every card of a stored schemaVersion-1 board Effektmått when its room loads, and stores it', async () => {
    const old = schemaV1Board(CARDS);
    const board = rememberBoard(await storeNewBoard(ctx.server.store, old));
    old.destroy();
    expect(readMeta(await storedDoc(board.id))?.schemaVersion).toBe(1);

    const a = ctx.client(board.id);
    await a.synced;
    await waitFor('the migrated board', () => readMeta(a.doc)?.schemaVersion === SCHEMA_VERSION);
    await waitFor('every card with every field', () => everyCardHasEveryField(a.doc));
    expect(readCard(a.doc, 'c2')).toMatchObject({ title: 'SIP i primärvården', effectMeasure: '' });

    // The client can type into the new field; a second client sees it live.
    const b = ctx.client(board.id);
    await b.synced;
    setCardText(a.doc, 'c2', 'effectMeasure', 'Färre återinläggningar, mätt inom 30 dagar');
    await waitFor('the edit to reach b', () => readCard(b.doc, 'c2')?.effectMeasure.startsWith('Färre') === true);

    await ctx.restart();
    const stored = await storedDoc(board.id);
    expect(readMeta(stored)?.schemaVersion).toBe(SCHEMA_VERSION);
    expect(everyCardHasEveryField(stored)).toBe(true);
    expect(readCard(stored, 'c2')?.effectMeasure).toBe('Färre återinläggningar, mätt inom 30 dagar');

    // Opened again, the board is current: the server writes no second migration over the first.
    const updatesBefore = (await ctx.server.store.loadBoard(board.id)).updates.length;
    const c = ctx.client(board.id);
    await c.synced;
    await waitFor('the board on c', () => readCard(c.doc, 'c2')?.effectMeasure.startsWith('Färre') === true);
    const text = getCardText(c.doc, 'c1', 'effectMeasure');
    expect(text?.toString()).toBe('');
    await ctx.restart();
    expect((await ctx.server.store.loadBoard(board.id)).updates.length).toBe(updatesBefore);
  });

  it('exports a stored schemaVersion-1 board with the new field (migrated in memory)', async () => {
    const old = schemaV1Board(CARDS);
    const board = rememberBoard(await storeNewBoard(ctx.server.store, old));
    old.destroy();
    const response = await fetch(`${ctx.server.url}/api/boards/${board.id}/export?format=json`, {
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    });
    expect(response.status).toBe(200);
    const plan = await response.json();
    const cards = [
      ...plan.focusAreas.flatMap((a: { goals: { cards: unknown[] }[] }) => a.goals.flatMap((g) => g.cards)),
      ...plan.unplaced,
    ];
    expect(cards).toHaveLength(CARDS.length);
    for (const card of cards) expect(card).toHaveProperty('effectMeasure', '');
  });
});
