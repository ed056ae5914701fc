/**
 * Two people moving and reordering cards at the same time, through the real
 * server with stock y-websocket clients ("at the same time" made certain by
 * taking both offline while they move): both end with one goal and one order
 * for every card, so both canvases lay out the same board.
 */
import { describe, expect, it } from 'vitest';
import { layoutBoard } from '../../shared/board-layout.ts';
import { createCard, readCards } from '../../shared/card.ts';
import { placeCard, readPlacements } from '../../shared/card-order.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import { createBoard, serverPerTest, waitFor } from '../helpers/server.ts';
import { converged, goOffline, goOnline } from './cards-clients.ts';

const ctx = serverPerTest();
const hsvo = getTemplate('hsvo-2024-2026') as Template;
const idsIn = (placements: ReturnType<typeof readPlacements>, goalId: string) =>
  placements.filter((card) => card.goalId === goalId).map((card) => card.id);

describe('cards moved by two people at once', () => {
  it('ends with the same goal and order on both, and so the same layout', async () => {
    const board = await createBoard(ctx.server.url);
    const anna = ctx.client(board.id);
    const bengt = ctx.client(board.id);
    await Promise.all([anna.synced, bengt.synced]);
    anna.doc.transact(() => {
      for (let i = 0; i < 6; i++) createCard(anna.doc, { id: `a1-${i}`, goalId: 'A1', createdBy: 'Anna', order: i });
      for (let i = 0; i < 3; i++) createCard(anna.doc, { id: `b1-${i}`, goalId: 'B1', createdBy: 'Anna', order: i });
    });
    await waitFor('the cards on the second client', () => readPlacements(bengt.doc).length === 9);

    goOffline(anna, bengt);
    // Anna reorders A1 and pulls a B1 card in; Bengt moves the same A1 card to B1 and reorders A1 too.
    placeCard(anna.doc, 'a1-5', 'A1', 0);
    placeCard(anna.doc, 'b1-0', 'A1', 2);
    placeCard(bengt.doc, 'a1-5', 'B1', 1);
    placeCard(bengt.doc, 'a1-0', 'A1', 5);
    placeCard(bengt.doc, 'a1-1', 'A1', 0);
    goOnline(anna, bengt);
    await converged([anna, bengt]);

    const seenByAnna = readPlacements(anna.doc);
    expect(readPlacements(bengt.doc)).toEqual(seenByAnna);
    expect(readCards(bengt.doc).map((card) => card.id)).toEqual(readCards(anna.doc).map((card) => card.id));
    // Every card is in exactly one goal; the card both moved went where one of them put it.
    expect(seenByAnna).toHaveLength(9);
    expect(['A1', 'B1']).toContain(seenByAnna.find((card) => card.id === 'a1-5')?.goalId);
    expect(idsIn(seenByAnna, 'A1')).toContain('b1-0');
    expect(idsIn(seenByAnna, 'B1')).not.toContain('b1-0');
    // Laid out from the document, both canvases show the same board.
    const cards = (placements: typeof seenByAnna) => placements.map(({ id, goalId }) => ({ id, goalId }));
    expect(layoutBoard(hsvo, cards(readPlacements(bengt.doc)))).toEqual(layoutBoard(hsvo, cards(seenByAnna)));

    // A later reorder by one reaches the other as it is.
    placeCard(bengt.doc, 'a1-3', 'A1', 0);
    await waitFor('Bengt’s reorder at Anna', () => idsIn(readPlacements(anna.doc), 'A1')[0] === 'a1-3');
    expect(readPlacements(anna.doc)).toEqual(readPlacements(bengt.doc));
  });
});
