import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { freeParties, orderParties, partyName } from '../../client/cards/party-labels.ts';
import { groupCards } from '../../client/table/group-cards.ts';
import { createCard, readCards } from '../../shared/card.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

const hsvo = getTemplate('hsvo-2024-2026') as Template;

function board(cards: { goalId: string | null; title: string; order: number }[]) {
  const doc = new Y.Doc();
  for (const card of cards) {
    createCard(doc, { goalId: card.goalId, createdBy: 'Test', order: card.order, fields: { title: card.title } });
  }
  return readCards(doc);
}

describe('table grouping', () => {
  it('lists every focus area and goal in template order, even goals without cards', () => {
    const groups = groupCards(hsvo, []);
    expect(groups.areas.map((a) => a.area.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(groups.areas.flatMap((a) => a.goals.map((g) => g.goal.id))).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1']);
    expect(groups.unplaced).toEqual([]);
  });

  it('puts each card under its goal in card order', () => {
    const cards = board([
      { goalId: 'B1', title: 'Andra', order: 2 },
      { goalId: 'A1', title: 'Hälsosamtal', order: 5 },
      { goalId: 'B1', title: 'Första', order: 1 },
    ]);
    const groups = groupCards(hsvo, cards);
    const goal = (id: string) => groups.areas.flatMap((a) => a.goals).find((g) => g.goal.id === id);
    expect(goal('B1')?.cards.map((c) => c.title)).toEqual(['Första', 'Andra']);
    expect(goal('A1')?.cards.map((c) => c.title)).toEqual(['Hälsosamtal']);
  });

  it('collects cards without a goal, or with a goal the template does not know, as unplaced', () => {
    const cards = board([
      { goalId: null, title: 'Lös lapp', order: 1 },
      { goalId: '3.2', title: 'Från NSU-mallen', order: 2 },
      { goalId: 'C1', title: 'Kompetens', order: 3 },
    ]);
    const groups = groupCards(hsvo, cards);
    expect(groups.unplaced.map((c) => c.title)).toEqual(['Lös lapp', 'Från NSU-mallen']);
  });
});

describe('party labels', () => {
  it('shows register ids by name and free names as typed', () => {
    expect(partyName(hsvo, 'heby')).toBe('Heby kommun');
    expect(partyName(hsvo, 'Länsstyrelsen')).toBe('Länsstyrelsen');
  });

  it('orders chosen parties as the register lists them, free names last', () => {
    expect(orderParties(hsvo, ['Länsstyrelsen', 'uppsala', 'region-uppsala'])).toEqual([
      'region-uppsala',
      'uppsala',
      'Länsstyrelsen',
    ]);
    expect(freeParties(hsvo, ['Länsstyrelsen', 'heby'])).toEqual(['Länsstyrelsen']);
  });
});
