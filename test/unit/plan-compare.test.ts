import { describe, expect, it } from 'vitest';
import { createCard, deleteCard, moveCard, setCardParty, setCardStatus, setCardText } from '../../shared/card.ts';
import { comparePlans, placedCards } from '../../shared/plan/compare.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { emptyBoard, HSVO, NOW } from './plan-helpers.ts';

const plan = (doc: ReturnType<typeof emptyBoard>) => docToPlan(doc, HSVO, { now: NOW });

describe('comparePlans', () => {
  it('finds added, removed and changed cards by id and names the changed plan-data fields', () => {
    const doc = emptyBoard();
    const at = '2025-01-20T09:00:00.000Z';
    createCard(doc, { id: 'kept', goalId: 'A1', createdBy: 'Anna', createdAt: at, fields: { title: 'Samma' } });
    createCard(doc, { id: 'edited', goalId: 'A1', createdBy: 'Anna', createdAt: at, fields: { title: 'Före' } });
    createCard(doc, { id: 'gone', goalId: 'B1', createdBy: 'Anna', createdAt: at, fields: { title: 'Tas bort' } });
    const before = plan(doc);

    setCardText(doc, 'edited', 'title', 'Efter');
    setCardText(doc, 'edited', 'indicator', 'Antal möten');
    setCardParty(doc, 'edited', 'heby', true);
    deleteCard(doc, 'gone');
    createCard(doc, { id: 'new', goalId: 'C1', createdBy: 'Bo', createdAt: at, fields: { title: 'Ny' } });
    const after = plan(doc);

    const result = comparePlans(before, after);
    expect(result.added.map((c) => c.id)).toEqual(['new']);
    expect(result.removed.map((c) => c.id)).toEqual(['gone']);
    expect(result.changed).toHaveLength(1);
    expect(result.changed[0]?.before.title).toBe('Före');
    expect(result.changed[0]?.after.title).toBe('Efter');
    expect(result.changed[0]?.fields).toEqual(['title', 'indicators', 'parties']);
  });

  it('reports nothing for equal plans, and a status change as the status field', () => {
    const doc = emptyBoard();
    createCard(doc, {
      id: 'c',
      goalId: 'A1',
      createdBy: 'Anna',
      fields: { title: 'T', activity: 'A', indicator: 'I', responsible: 'R', targetGroup: 'G', period: '2025' },
      parties: ['heby'],
    });
    const before = plan(doc);
    expect(comparePlans(before, plan(doc))).toEqual({ added: [], removed: [], changed: [] });
    expect(setCardStatus(doc, 'c', 'agreed')).toEqual([]);
    expect(comparePlans(before, plan(doc)).changed.map((c) => c.fields)).toEqual([['status']]);
  });

  it('counts a move to another goal as the field "place", and placedCards tells where each card sits', () => {
    const doc = emptyBoard();
    createCard(doc, { id: 'm', goalId: 'A1', createdBy: 'Anna' });
    createCard(doc, { id: 'u', goalId: null, createdBy: 'Anna' });
    createCard(doc, { id: 'area', goalId: 'B', createdBy: 'Anna' });
    const before = plan(doc);
    moveCard(doc, 'm', 'D1');
    const after = plan(doc);
    expect(comparePlans(before, after).changed.map((c) => [c.after.id, c.fields])).toEqual([['m', ['place']]]);
    const places = new Map(placedCards(after).map((p) => [p.card.id, p.place]));
    expect(places.get('m')).toBe('D1');
    expect(places.get('u')).toBeNull();
    expect(places.get('area')).toBe('B');
  });
});
