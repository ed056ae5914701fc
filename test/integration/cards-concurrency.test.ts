/**
 * Activity cards edited by several people at once, through the real server
 * with stock y-websocket clients. "At once" is made certain by taking the
 * clients offline, letting each edit, and bringing them back.
 */
import { describe, expect, it } from 'vitest';
import { createCard, deleteCard, moveCard, readCard, setCardParty, setCardText } from '../../shared/card.ts';
import { createBoard, serverPerTest, type TestClient, waitFor } from '../helpers/server.ts';
import { converged, goOffline, goOnline, typeAt } from './cards-clients.ts';

const ctx = serverPerTest();

/** Two people on one new board, with one card both can see. */
async function twoPeopleWithACard(): Promise<{ a: TestClient; b: TestClient; id: string }> {
  const board = await createBoard(ctx.server.url);
  const a = ctx.client(board.id);
  const b = ctx.client(board.id);
  await Promise.all([a.synced, b.synced]);
  const id = createCard(a.doc, {
    goalId: 'A1',
    createdBy: 'Anna',
    fields: { title: 'Hälsosamtal', activity: 'Erbjuda hälsosamtal' },
  });
  await waitFor('the card on the second client', () => readCard(b.doc, id) !== undefined);
  return { a, b, id };
}

describe('cards edited by two people at the same time', () => {
  it('keeps both typists’ characters when they type at the same spot of one field', async () => {
    const { a, b, id } = await twoPeopleWithACard();
    goOffline(a, b);
    const end = 'Erbjuda hälsosamtal'.length;
    typeAt(a.doc, id, 'activity', end, ' till 40-åringar');
    typeAt(b.doc, id, 'activity', end, ' i primärvården');
    goOnline(a, b);
    await converged([a, b]);
    const merged = readCard(a.doc, id)?.activity ?? '';
    // Each person's run stays whole (Yjs never interleaves one person's consecutive keystrokes with another's).
    expect(merged).toContain(' till 40-åringar');
    expect(merged).toContain(' i primärvården');
    expect(merged.startsWith('Erbjuda hälsosamtal')).toBe(true);
    expect(merged).toHaveLength(end + ' till 40-åringar'.length + ' i primärvården'.length);
  });

  it('keeps every character when both type into one field live, keystroke by keystroke', async () => {
    const { a, b, id } = await twoPeopleWithACard();
    const fromA = 'abcdefghij';
    const fromB = 'KLMNOPQRST';
    for (let i = 0; i < fromA.length; i++) {
      const textA = readCard(a.doc, id)?.title ?? '';
      typeAt(a.doc, id, 'title', textA.length, fromA.charAt(i));
      typeAt(b.doc, id, 'title', 0, fromB.charAt(i));
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
    await converged([a, b]);
    const title = readCard(b.doc, id)?.title ?? '';
    expect([...title].sort().join('')).toBe([...`Hälsosamtal${fromA}${fromB}`].sort().join(''));
  });

  it('keeps both edits when two people change different fields of one card', async () => {
    const { a, b, id } = await twoPeopleWithACard();
    goOffline(a, b);
    setCardText(a.doc, id, 'responsible', 'Tjänsteledning HSVO');
    setCardParty(a.doc, id, 'heby', true);
    setCardText(b.doc, id, 'indicator', 'Genomfört (Ja/Nej)\nAntal samtal');
    setCardParty(b.doc, id, 'region-uppsala', true);
    goOnline(a, b);
    await converged([a, b]);
    expect(readCard(a.doc, id)).toMatchObject({
      responsible: 'Tjänsteledning HSVO',
      indicator: 'Genomfört (Ja/Nej)\nAntal samtal',
      parties: ['heby', 'region-uppsala'],
      title: 'Hälsosamtal',
    });
  });

  it('keeps a move to another goal and a concurrent edit of the card', async () => {
    const { a, b, id } = await twoPeopleWithACard();
    goOffline(a, b);
    moveCard(a.doc, id, 'B1');
    typeAt(b.doc, id, 'activity', 0, 'Utveckla och ');
    goOnline(a, b);
    await converged([a, b]);
    expect(readCard(b.doc, id)).toMatchObject({ goalId: 'B1', activity: 'Utveckla och Erbjuda hälsosamtal' });
  });

  it('lets a delete win over a concurrent edit, on both clients, without errors', async () => {
    const { a, b, id } = await twoPeopleWithACard();
    const other = createCard(a.doc, { goalId: 'A2', createdBy: 'Anna', fields: { title: 'Finns kvar' } });
    await waitFor('the second card on b', () => readCard(b.doc, other) !== undefined);
    goOffline(a, b);
    deleteCard(a.doc, id);
    typeAt(b.doc, id, 'activity', 0, 'Skriver medan kortet tas bort ');
    moveCard(b.doc, id, 'C1');
    goOnline(a, b);
    await converged([a, b]);
    expect(readCard(a.doc, id)).toBeUndefined();
    expect(readCard(b.doc, id)).toBeUndefined();
    // Editing a deleted card afterwards is a no-op, not an error, and it does not bring the card back.
    expect(() => setCardText(b.doc, id, 'title', 'Sent')).not.toThrow();
    expect(readCard(b.doc, id)).toBeUndefined();
    expect(readCard(a.doc, other)?.title).toBe('Finns kvar');
  });
});
