/** Areas without goals take cards themselves: cardPlaces, the layout, the table grouping and the plan sections. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { groupCards } from '../../client/table/group-cards.ts';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { dropTarget, goalAtPoint, goalZone, layoutBoard, placeZoneId } from '../../shared/board-layout.ts';
import { createCard, readCards } from '../../shared/card.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { planSections } from '../../shared/plan/sections.ts';
import { cardPlaces, findGoal, getTemplate, isAreaPlace, templateGoals } from '../../shared/template.ts';
import { ownTemplate } from '../helpers/templates.ts';

const flat = ownTemplate(['Trygg uppväxt', 'Psykisk hälsa', 'Äldres hälsa', 'Digital vård']);

describe('cardPlaces', () => {
  it('gives an area its goals, or the area itself when it has none', () => {
    const hsvo = getTemplate('hsvo-2024-2026')!;
    expect(cardPlaces(hsvo.focusAreas[0]!).map((g) => g.id)).toEqual(['A1', 'A2']);
    const area = { ...flat.focusAreas[0]!, description: { sv: 'Barn ska växa upp tryggt', en: 'Safe childhood' } };
    expect(cardPlaces(area)).toEqual([{ id: 'area-1', title: area.title, direction: area.description }]);
    expect(isAreaPlace(area, cardPlaces(area)[0]!)).toBe(true);
    expect(templateGoals(flat).map((entry) => entry.goal.id)).toEqual(['area-1', 'area-2', 'area-3', 'area-4']);
    expect(findGoal(flat, 'area-3')?.area.title.sv).toBe('Äldres hälsa');
  });
});

describe('the layout of goal-less areas', () => {
  it('makes each area one card zone (goalId the area id) and puts its cards inside it, never overlapping', () => {
    const cards = [
      { id: 'c1', goalId: 'area-2' },
      { id: 'c2', goalId: 'area-2' },
      { id: 'c3', goalId: 'area-4' },
      { id: 'c4', goalId: null },
    ];
    const layout = layoutBoard(flat, cards);
    expect(layout.areas.map((a) => a.id)).toEqual(['area-1', 'area-2', 'area-3', 'area-4']);
    expect(layout.goals.map((g) => [g.id, g.goalId, g.areaId])).toEqual(
      ['area-1', 'area-2', 'area-3', 'area-4'].map((id) => [placeZoneId(id, id), id, id]),
    );
    // Zone ids stay distinct from the area zones' (each zone is its own shape).
    expect(new Set([...layout.areas, ...layout.goals].map((z) => z.id)).size).toBe(8);
    for (const [i, card] of cards.entries()) {
      const slot = layout.cards[i]!;
      if (card.goalId === null) {
        expect(slot.zoneGoalId).toBeNull();
        continue;
      }
      const zone = goalZone(layout, card.goalId)!;
      const area = layout.areas.find((a) => a.id === card.goalId)!;
      expect(slot.zoneGoalId).toBe(card.goalId);
      expect(slot.x).toBeGreaterThanOrEqual(zone.x);
      expect(slot.x + slot.w).toBeLessThanOrEqual(zone.x + zone.w);
      expect(slot.y + slot.h).toBeLessThanOrEqual(zone.y + zone.h);
      expect(zone.x).toBeGreaterThanOrEqual(area.x);
      expect(zone.y).toBeGreaterThan(area.y);
    }
    const [a, b] = [layout.cards[0]!, layout.cards[1]!];
    expect(a.x + a.w <= b.x || a.y + a.h <= b.y).toBe(true);
    const zone = goalZone(layout, 'area-3')!;
    expect(goalAtPoint(layout, zone.x + zone.w / 2, zone.y + zone.h / 2)).toBe('area-3');
    expect(dropTarget(layout, { x: zone.x + 50, y: zone.y + zone.h - 10 })).toEqual({ goalId: 'area-3', index: 0 });
  });

  it('mixes areas with and without goals on one board', () => {
    const mixed = ownTemplate(['Med mål', 'Utan mål'], 2);
    mixed.focusAreas[1]!.goals = [];
    const layout = layoutBoard(mixed, [{ id: 'c1', goalId: 'area-2' }]);
    expect(layout.goals.map((g) => g.goalId)).toEqual(['area-1-goal-1', 'area-1-goal-2', 'area-2']);
    expect(layout.cards[0]?.zoneGoalId).toBe('area-2');
  });
});

describe('grouping and plan sections of goal-less areas', () => {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title: 'T', templateId: flat.id, templateVersion: '1.0.0', createdAt: 'now', template: flat });
  createCard(doc, { id: 'k1', goalId: 'area-2', createdBy: 'Anna', fields: { title: 'Samtalsstöd' } });

  it('groups the table by the area itself', () => {
    const groups = groupCards(flat, readCards(doc));
    expect(groups.areas[1]?.goals.map((g) => [g.goal.id, g.cards.map((c) => c.id)])).toEqual([['area-2', ['k1']]]);
    expect(groups.unplaced).toEqual([]);
  });

  it('puts the card on the area in the plan, with one group and no second heading', () => {
    const plan = docToPlan(doc, flat);
    expect(plan.focusAreas[1]?.cards.map((c) => c.id)).toEqual(['k1']);
    expect(plan.focusAreas[1]?.goals).toEqual([]);
    const sections = planSections(plan);
    expect(sections[1]?.groups).toHaveLength(1);
    expect(sections[1]?.groups[0]).toMatchObject({ id: 'area-2', title: null });
    // An empty goal-less area still gets its (empty) group: the exports say it has no activities.
    expect(sections[0]?.groups).toMatchObject([{ id: 'area-1', title: null, cards: [] }]);
  });
});

describe('a template of a file’s own areas and goals', () => {
  it('slugs titles into ids, keeps the file’s ids, and gives each area its own palette colour', async () => {
    const { templateFromTable, slug } = await import('../../shared/plan/own-template.ts');
    const { paletteColorAt } = await import('../../shared/area-palette.ts');
    expect(slug('Äldres hälsa – år 2026!')).toBe('aldres-halsa-ar-2026');
    const table = [
      ['Fokusområde', 'Delmål-id', 'Mål', 'Aktivitet'],
      ['Trygg uppväxt', '1.1', 'Förskola', 'a'],
      ['Trygg uppväxt', '', 'Fritid', 'b'],
      ['Psykisk hälsa', '', '', 'c'],
      ['Psykisk Hälsa!', '', '', 'd'],
    ];
    const template = templateFromTable(table, 'Plan')!;
    expect(template.id).toBe('fil-plan');
    expect(template.focusAreas.map((a) => [a.id, a.goals.map((g) => g.id)])).toEqual([
      ['trygg-uppvaxt', ['1.1', 'fritid']],
      ['psykisk-halsa', []],
      ['psykisk-halsa-2', []],
    ]);
    expect(template.focusAreas.map((a) => a.color)).toEqual([0, 1, 2].map((i) => paletteColorAt(i).color));
    expect(templateFromTable([['Aktivitet'], ['a']], 'Plan')).toBeNull();
    const tooMany = [['Fokusområde', 'Aktivitet'], ...Array.from({ length: 13 }, (_, i) => [`Område ${i}`, 'x'])];
    expect(templateFromTable(tooMany, 'Plan')).toBeNull();
  });

  it('says so when a file’s own areas are more than a layout holds, and uses the default template', async () => {
    const { importPlanAndTemplate } = await import('../../shared/plan/import.ts');
    const rows = ['Fokusområde;Aktivitet', ...Array.from({ length: 13 }, (_, i) => `Område ${i};Aktivitet ${i}`)];
    const notices: string[] = [];
    const { template } = await importPlanAndTemplate(new TextEncoder().encode(rows.join('\n')), 'plan.csv', {
      notices,
    });
    expect(template?.id).toBe('hsvo-2024-2026');
    expect(notices.join('\n')).toMatch(/ryms inte i ett upplägg \(högst 12 fokusområden/);
  });
});

describe('import matching of goal-less areas', () => {
  it('places a row whose goal id is a goal-less area’s id on that area', async () => {
    const { tableToPlan } = await import('../../shared/plan/from-table.ts');
    const { Notices } = await import('../../shared/plan/notices.ts');
    const table = [
      ['Delmål-id', 'Aktivitet'],
      ['area-2', 'Samtalsstöd'],
      ['area-9', 'Okänd'],
    ];
    const notices = new Notices();
    const plan = tableToPlan(table, flat, { name: 'CSV' }, {}, 100, notices);
    expect(plan.focusAreas[1]?.cards.map((c) => c.activity)).toEqual(['Samtalsstöd']);
    expect(plan.unplaced.map((c) => c.activity)).toEqual(['Okänd']);
    expect(notices.list().join('\n')).toMatch(/"area-9" is no goal or focus area/);
  });
});
