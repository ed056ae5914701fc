/**
 * Private drafting's publish-once (README "Private drafting"): drafts become cards exactly once,
 * also when the page was closed between writing the cards and clearing the drafts; a card already
 * on the board is never written over; each person at a shared computer sees and publishes only
 * their own drafts.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addDraft, draftsMap, readDrafts, removeDrafts, updateDraft } from '../../client/drafts/drafts-doc.ts';
import { clearPublished, publishDrafts } from '../../client/drafts/publish-drafts.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, readCard, readCards, setCardText } from '../../shared/card.ts';

const AS = { createdBy: 'Anna', period: '2025', goalIds: new Set(['A1', 'B1']) };

function twoDrafts(): { drafts: Y.Doc; ids: string[] } {
  const drafts = new Y.Doc();
  const first = addDraft(drafts, 'A1', 'Anna', new Date('2026-12-03T09:00:00Z'));
  const second = addDraft(drafts, null, 'Anna', new Date('2026-12-03T09:01:00Z'));
  updateDraft(drafts, first.id, { title: '  Gemensam kompetensutveckling om barns psykiska hälsa  ' });
  updateDraft(drafts, second.id, { title: 'Samordnad individuell plan', goalId: 'B1' });
  return { drafts, ids: [first.id, second.id] };
}

describe('publishDrafts and clearPublished', () => {
  it('write each draft as an ordinary card under its own id, and clear the drafts once asked', () => {
    const board = new Y.Doc();
    const { drafts, ids } = twoDrafts();
    expect(publishDrafts(board, drafts, AS)).toEqual({ written: ids, already: [] });
    expect(readCard(board, ids[0] as string)).toMatchObject({
      goalId: 'A1',
      title: 'Gemensam kompetensutveckling om barns psykiska hälsa',
      createdBy: 'Anna',
      createdAt: '2026-12-03T09:00:00.000Z',
      period: '2025',
      status: 'draft',
    });
    expect(readCard(board, ids[1] as string)).toMatchObject({ goalId: 'B1', title: 'Samordnad individuell plan' });
    // Until the server has had the cards a while the drafts stay; a second publish writes nothing new.
    expect(readDrafts(drafts, 'Anna')).toHaveLength(2);
    expect(publishDrafts(board, drafts, AS)).toEqual({ written: [], already: ids });
    expect(clearPublished(board, drafts, 'Anna')).toBe(2);
    expect(readDrafts(drafts, 'Anna')).toEqual([]);
    expect(readCards(board)).toHaveLength(2);
  });

  it('after a page closed between writing the cards and clearing the drafts, clears them without a second card', () => {
    const board = new Y.Doc();
    const { drafts, ids } = twoDrafts();
    publishDrafts(board, drafts, AS);
    const cardIdsBefore = [...cardsMap(board).keys()].sort();
    // Someone edits one of the published cards before the page comes back.
    setCardText(board, ids[0] as string, 'title', 'Ändrad av facilitatorn');
    expect(publishDrafts(board, drafts, AS)).toEqual({ written: [], already: ids });
    expect([...cardsMap(board).keys()].sort()).toEqual(cardIdsBefore);
    expect(readCard(board, ids[0] as string)?.title).toBe('Ändrad av facilitatorn');
    clearPublished(board, drafts, 'Anna');
    expect(readDrafts(drafts, 'Anna')).toEqual([]);
  });

  it('keeps the drafts whose cards the server did not keep (a refused publish)', () => {
    const { drafts, ids } = twoDrafts();
    publishDrafts(new Y.Doc(), drafts, AS);
    // The page's board after a refusal: the server's state, without the cards.
    expect(clearPublished(new Y.Doc(), drafts, 'Anna')).toBe(0);
    expect(readDrafts(drafts, 'Anna').map((draft) => draft.id)).toEqual(ids);
  });

  it('leaves a card unplaced when its draft’s goal is no longer on the board', () => {
    const board = new Y.Doc();
    const drafts = new Y.Doc();
    const draft = addDraft(drafts, 'C9', 'Anna');
    updateDraft(drafts, draft.id, { title: 'Hembesök' });
    publishDrafts(board, drafts, AS);
    expect(readCard(board, draft.id)?.goalId).toBeNull();
  });

  it('drops drafts that were begun but never written, and leaves other cards alone', () => {
    const board = new Y.Doc();
    createCard(board, { id: 'c1', goalId: 'A1', createdBy: 'Karin', fields: { title: 'Redan på tavlan' } });
    const drafts = new Y.Doc();
    const empty = addDraft(drafts, 'A1', 'Anna');
    updateDraft(drafts, empty.id, { title: '   ' });
    expect(publishDrafts(board, drafts, AS)).toEqual({ written: [], already: [] });
    expect(clearPublished(board, drafts, 'Anna')).toBe(0);
    expect(readCards(board).map((card) => card.id)).toEqual(['c1']);
    expect(draftsMap(drafts).size).toBe(0);
  });

  it('publish only the drafts of the person at the computer now, with them as creator', () => {
    const board = new Y.Doc();
    const drafts = new Y.Doc();
    const annas = addDraft(drafts, 'A1', 'Anna');
    updateDraft(drafts, annas.id, { title: 'Annas idé' });
    const bos = addDraft(drafts, 'B1', 'Bo Berg');
    updateDraft(drafts, bos.id, { title: 'Bos idé' });
    expect(readDrafts(drafts, 'Bo Berg').map((draft) => draft.title)).toEqual(['Bos idé']);
    expect(publishDrafts(board, drafts, { ...AS, createdBy: 'Bo Berg' })).toEqual({ written: [bos.id], already: [] });
    expect(readCard(board, bos.id)?.createdBy).toBe('Bo Berg');
    expect(readCard(board, annas.id)).toBeUndefined();
    clearPublished(board, drafts, 'Bo Berg');
    expect(readDrafts(drafts, 'Anna').map((draft) => draft.title)).toEqual(['Annas idé']);
  });
});

describe('drafts', () => {
  it('are kept in the order begun, cut at the title limit, stay removed, and ignore garbage from the store', () => {
    const drafts = new Y.Doc();
    const later = addDraft(drafts, null, 'Anna', new Date('2026-12-03T10:00:00Z'));
    const earlier = addDraft(drafts, 'A2', 'Anna', new Date('2026-12-03T08:00:00Z'));
    updateDraft(drafts, later.id, { title: 'x'.repeat(10_000) });
    expect(readDrafts(drafts, 'Anna').map((draft) => draft.id)).toEqual([earlier.id, later.id]);
    expect((readDrafts(drafts, 'Anna')[1]?.title.length ?? 0) < 10_000).toBe(true);
    removeDrafts(drafts, [later.id]);
    updateDraft(drafts, later.id, { title: 'tillbaka?' });
    expect(readDrafts(drafts, 'Anna').map((draft) => draft.id)).toEqual([earlier.id]);
    const edited = { ...earlier, id: 'bad', createdAt: 'x'.repeat(200) };
    draftsMap(drafts).set('bad', edited);
    expect(readDrafts(drafts, 'Anna').map((draft) => draft.id)).toEqual([earlier.id]);
  });
});
