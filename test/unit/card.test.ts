import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { cardsMap } from '../../shared/board-doc.ts';
import {
  createCard,
  deleteCard,
  minimalEdit,
  moveCard,
  readCard,
  readCards,
  setCardParty,
  setCardStatus,
  setCardText,
  setFollowUp,
} from '../../shared/card.ts';
import { missingForAgreed, splitIndicators, TITLE_MAX } from '../../shared/card-schema.ts';

const sync = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));

describe('card accessors', () => {
  it('creates a draft card with every field and reads it back as plain data', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, {
      goalId: 'A1',
      createdBy: 'Anna',
      fields: { title: 'Hälsosamtal', indicator: 'Genomfört (Ja/Nej)' },
      parties: ['Heby kommun', 'Region Uppsala'],
    });
    const card = readCard(doc, id);
    expect(card).toMatchObject({
      id,
      goalId: 'A1',
      status: 'draft',
      title: 'Hälsosamtal',
      activity: '',
      indicator: 'Genomfört (Ja/Nej)',
      parties: ['Heby kommun', 'Region Uppsala'],
      createdBy: 'Anna',
    });
    expect(cardsMap(doc).get(id)?.get('title')).toBeInstanceOf(Y.Text);
  });

  it('cuts text at the field limit', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { goalId: null, createdBy: 'x', fields: { title: 'a'.repeat(TITLE_MAX + 50) } });
    expect(readCard(doc, id)?.title).toHaveLength(TITLE_MAX);
    setCardText(doc, id, 'title', 'b'.repeat(TITLE_MAX + 1));
    expect(readCard(doc, id)?.title).toHaveLength(TITLE_MAX);
  });

  it('edits text by the smallest splice, so a concurrent typist keeps their characters', () => {
    expect(minimalEdit('hello world', 'hello brave world')).toEqual({ index: 6, remove: 0, insert: 'brave ' });
    expect(minimalEdit('aaa', 'aa')).toEqual({ index: 2, remove: 1, insert: '' });
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createCard(a, { goalId: 'A1', createdBy: 'a', fields: { activity: 'Plan för länet' } });
    sync(a, b);
    setCardText(a, id, 'activity', 'Gemensam plan för länet');
    setCardText(b, id, 'activity', 'Plan för hela länet');
    sync(a, b);
    sync(b, a);
    expect(readCard(a, id)?.activity).toBe('Gemensam plan för hela länet');
    expect(readCard(b, id)?.activity).toBe(readCard(a, id)?.activity);
  });

  it('moves cards between goals and to unplaced', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { goalId: 'A1', createdBy: 'x' });
    moveCard(doc, id, 'B1');
    expect(readCard(doc, id)?.goalId).toBe('B1');
    moveCard(doc, id, null);
    expect(readCard(doc, id)?.goalId).toBeNull();
  });

  it('lets a delete win over a concurrent edit, without errors', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createCard(a, { goalId: 'A1', createdBy: 'a' });
    sync(a, b);
    deleteCard(a, id);
    setCardText(b, id, 'title', 'late edit');
    sync(a, b);
    sync(b, a);
    expect(readCard(a, id)).toBeUndefined();
    expect(readCard(b, id)).toBeUndefined();
    expect(() => setCardText(a, id, 'title', 'x')).not.toThrow();
  });

  it('refuses agreed while required fields are missing and names them', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { goalId: 'A1', createdBy: 'x', fields: { title: 'T' } });
    expect(setCardStatus(doc, id, 'agreed')).toEqual(['activity', 'indicator', 'responsible']);
    expect(readCard(doc, id)?.status).toBe('draft');
    setCardText(doc, id, 'activity', 'Gör något');
    setCardText(doc, id, 'responsible', 'Ledningsgrupp NSU');
    setCardText(doc, id, 'indicator', '\n  \n');
    expect(setCardStatus(doc, id, 'agreed')).toEqual(['indicator']);
    setCardText(doc, id, 'indicator', 'Genomfört (Ja/Nej)');
    expect(setCardStatus(doc, id, 'agreed')).toEqual([]);
    expect(readCard(doc, id)?.status).toBe('agreed');
  });

  it('keeps parties as a set and follow-up entries per year', () => {
    const doc = new Y.Doc();
    const id = createCard(doc, { goalId: 'A1', createdBy: 'x' });
    setCardParty(doc, id, 'Tierps kommun', true);
    setCardParty(doc, id, 'Tierps kommun', true);
    setCardParty(doc, id, 'Enköpings kommun', true);
    setCardParty(doc, id, 'Tierps kommun', false);
    expect(readCard(doc, id)?.parties).toEqual(['Enköpings kommun']);
    setFollowUp(doc, id, '2025', { status: 'ongoing', comment: 'Pågår', effect: '', updatedBy: 'Anna' });
    expect(readCard(doc, id)?.followUp['2025']).toMatchObject({ status: 'ongoing', comment: 'Pågår' });
  });

  it('merges two people editing one follow-up entry at once: one the status, the other the comment', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = createCard(a, { goalId: 'A1', createdBy: 'x' });
    setFollowUp(a, id, '2025', { status: 'ongoing', comment: 'Två träffar', effect: '', updatedBy: 'Anna' });
    sync(a, b);
    const before = readCard(a, id)?.followUp['2025'];
    if (!before) throw new Error('no entry');
    setFollowUp(a, id, '2025', { ...before, status: 'done', updatedBy: 'Anna' });
    setFollowUp(b, id, '2025', { ...before, comment: 'Två träffar, fyra skolor', updatedBy: 'Bengt' });
    sync(a, b);
    sync(b, a);
    for (const doc of [a, b]) {
      expect(readCard(doc, id)?.followUp['2025']).toMatchObject({
        status: 'done',
        comment: 'Två träffar, fyra skolor',
      });
    }
    expect(readCard(a, id)?.followUp).toEqual(readCard(b, id)?.followUp);
  });

  it('orders cards by the group order, then id', () => {
    const doc = new Y.Doc();
    createCard(doc, { id: 'b', goalId: 'A1', createdBy: 'x', order: 2 });
    createCard(doc, { id: 'a', goalId: 'A1', createdBy: 'x', order: 2 });
    createCard(doc, { id: 'c', goalId: 'A1', createdBy: 'x', order: 1 });
    expect(readCards(doc).map((c) => c.id)).toEqual(['c', 'a', 'b']);
  });
});

describe('indicators', () => {
  it('splits an indicator field one a line, wording kept', () => {
    expect(splitIndicators('Genomfört (Ja/Nej)\r\n\n  Antal framtagna riktlinjer/ rutiner  ')).toEqual([
      'Genomfört (Ja/Nej)',
      'Antal framtagna riktlinjer/ rutiner',
    ]);
    expect(missingForAgreed({ title: '', activity: '', responsible: '', indicator: ' \n ' })).toHaveLength(4);
  });
});
