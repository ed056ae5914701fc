/**
 * Private drafting's publish-once (README "Running the workshop"): drafts
 * become cards exactly once, also when the page was closed half-way through,
 * and a card already on the board is never written over.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDraft, draftsMap, readDrafts, removeDrafts, updateDraft } from '../../client/drafts/drafts-doc.ts';
import { publishDrafts } from '../../client/drafts/publish-drafts.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, readCard, readCards, setCardText } from '../../shared/card.ts';

const AS = { createdBy: 'Anna', period: '2025', goalIds: new Set(['A1', 'B1']) };

function twoDrafts(): { drafts: Y.Doc; ids: string[] } {
  const drafts = new Y.Doc();
  const first = addDraft(drafts, 'A1', new Date('2026-12-03T09:00:00Z'));
  const second = addDraft(drafts, null, new Date('2026-12-03T09:01:00Z'));
  updateDraft(drafts, first.id, { title: '  Gemensam kompetensutveckling om barns psykiska hälsa  ' });
  updateDraft(drafts, second.id, { title: 'Samordnad individuell plan', goalId: 'B1' });
  return { drafts, ids: [first.id, second.id] };
}

describe('publishDrafts', () => {
  it('writes each draft as an ordinary card under its own id, then clears the drafts', () => {
    const board = new Y.Doc();
    const { drafts, ids } = twoDrafts();
    const result = publishDrafts(board, drafts, AS);
    expect(result).toEqual({ written: ids, already: [] });
    expect(readCard(board, ids[0] as string)).toMatchObject({
      goalId: 'A1',
      title: 'Gemensam kompetensutveckling om barns psykiska hälsa',
      createdBy: 'Anna',
      createdAt: '2026-12-03T09:00:00.000Z',
      period: '2025',
      status: 'draft',
    });
    expect(readCard(board, ids[1] as string)).toMatchObject({ goalId: 'B1', title: 'Samordnad individuell plan' });
    expect(readDrafts(drafts)).toEqual([]);
    // A second publish has nothing left to write.
    expect(publishDrafts(board, drafts, AS)).toEqual({ written: [], already: [] });
    expect(readCards(board)).toHaveLength(2);
  });

  it('after a page closed between writing the cards and clearing the drafts, clears them without a second card', () => {
    const board = new Y.Doc();
    const { drafts, ids } = twoDrafts();
    // The drafts as they were before the publish, kept as the browser stored them.
    const storedDrafts = Y.encodeStateAsUpdate(drafts);
    publishDrafts(board, drafts, AS);
    const cardIdsBefore = [...cardsMap(board).keys()].sort();
    // Someone edits one of the published cards before the page comes back.
    setCardText(board, ids[0] as string, 'title', 'Ändrad av facilitatorn');

    const reopened = new Y.Doc();
    Y.applyUpdate(reopened, storedDrafts);
    expect(readDrafts(reopened)).toHaveLength(2);
    expect(publishDrafts(board, reopened, AS)).toEqual({ written: [], already: ids });
    expect([...cardsMap(board).keys()].sort()).toEqual(cardIdsBefore);
    expect(readCard(board, ids[0] as string)?.title).toBe('Ändrad av facilitatorn');
    expect(readDrafts(reopened)).toEqual([]);
  });

  it('leaves a card unplaced when its draft’s goal is no longer on the board', () => {
    const board = new Y.Doc();
    const drafts = new Y.Doc();
    const draft = addDraft(drafts, 'C9');
    updateDraft(drafts, draft.id, { title: 'Hembesök' });
    publishDrafts(board, drafts, AS);
    expect(readCard(board, draft.id)?.goalId).toBeNull();
  });

  it('drops drafts that were begun but never written, and leaves other cards alone', () => {
    const board = new Y.Doc();
    createCard(board, { id: 'c1', goalId: 'A1', createdBy: 'Karin', fields: { title: 'Redan på tavlan' } });
    const drafts = new Y.Doc();
    const empty = addDraft(drafts, 'A1');
    updateDraft(drafts, empty.id, { title: '   ' });
    expect(publishDrafts(board, drafts, AS)).toEqual({ written: [], already: [] });
    expect(readCards(board).map((card) => card.id)).toEqual(['c1']);
    expect(draftsMap(drafts).size).toBe(0);
  });
});

describe('drafts', () => {
  it('are kept in the order begun, cut at the title limit, and stay removed', () => {
    const drafts = new Y.Doc();
    const later = addDraft(drafts, null, new Date('2026-12-03T10:00:00Z'));
    const earlier = addDraft(drafts, 'A2', new Date('2026-12-03T08:00:00Z'));
    updateDraft(drafts, later.id, { title: 'x'.repeat(10_000) });
    expect(readDrafts(drafts).map((draft) => draft.id)).toEqual([earlier.id, later.id]);
    expect((readDrafts(drafts)[1]?.title.length ?? 0) < 10_000).toBe(true);
    removeDrafts(drafts, [later.id]);
    updateDraft(drafts, later.id, { title: 'tillbaka?' });
    expect(readDrafts(drafts).map((draft) => draft.id)).toEqual([earlier.id]);
  });
});
