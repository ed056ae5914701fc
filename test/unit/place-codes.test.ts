/**
 * The codes shown in front of area and goal titles (shared/place-codes.ts):
 * short ids as they are, ids slugged from a file's titles by position.
 */
import { describe, expect, it } from 'vitest';
import { isShortCode, placeCode, placeCodes } from '../../shared/place-codes.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { planSections } from '../../shared/plan/sections.ts';
import { getTemplate } from '../../shared/template.ts';
import { sampleBoard, template } from './plan-helpers.ts';

describe('place codes', () => {
  it('keeps the built-in templates’ ids: A, A1, 1, 1.2', () => {
    for (const id of ['A', 'A1', 'D4', '1', '1.2', 'NSU', 'B12']) expect(isShortCode(id), id).toBe(true);
    const hsvo = getTemplate('hsvo-2024-2026');
    const nsu = getTemplate('nsu-2019');
    if (!hsvo || !nsu) throw new Error('templates missing');
    for (const template of [hsvo, nsu]) {
      const codes = placeCodes(template.focusAreas);
      for (const area of template.focusAreas) {
        expect(codes.get(area.id)).toBe(area.id);
        for (const goal of area.goals) expect(codes.get(goal.id)).toBe(goal.id);
      }
    }
  });

  it('codes slugged ids by position: areas A, B …, their goals A1, A2 …', () => {
    for (const id of ['trygg-uppvaxt', 'fritid', 'area-1', 'Kommun', 'abcdefg1'])
      expect(isShortCode(id), id).toBe(false);
    const areas = [
      { id: 'trygg-uppvaxt', goals: [{ id: 'forskola' }, { id: '1.2' }, { id: 'fritid' }] },
      { id: 'psykisk-halsa', goals: [] },
      { id: 'C', goals: [{ id: 'digital-vard' }] },
    ];
    expect(Object.fromEntries(placeCodes(areas))).toEqual({
      'trygg-uppvaxt': 'A',
      forskola: 'A1',
      '1.2': '1.2',
      fritid: 'A3',
      'psykisk-halsa': 'B',
      C: 'C',
      'digital-vard': 'C1',
    });
    expect(placeCode(areas, 'not-a-place')).toBe('not-a-place');
  });

  it('never gives a slugged place the code another place shows: the next free one instead', () => {
    // A file that gives some ids and slugs the rest: position 1 would be "A", which area "A" shows.
    const areas = [
      { id: 'trygg-uppvaxt', goals: [{ id: 'forskola' }, { id: 'A1' }] },
      { id: 'A', goals: [{ id: 'fritid' }, { id: 'A2' }] },
    ];
    const codes = placeCodes(areas);
    expect(Object.fromEntries(codes)).toEqual({
      'trygg-uppvaxt': 'B',
      forskola: 'B1',
      A1: 'A1',
      A: 'A',
      fritid: 'A3',
      A2: 'A2',
    });
    expect(new Set(codes.values()).size).toBe(codes.size);
  });

  it('heads the document sections with the codes', () => {
    const plan = docToPlan(sampleBoard(), template('hsvo-2024-2026'));
    const [first] = plan.focusAreas;
    if (!first) throw new Error('sample plan without areas');
    const renamed = { ...plan, focusAreas: [{ ...first, id: 'forebyggande-arbete' }, ...plan.focusAreas.slice(1)] };
    const [section] = planSections(renamed);
    expect(section?.id).toBe('forebyggande-arbete');
    expect(section?.code).toBe('A');
  });
});
