/**
 * The pure parts of following and summoning (README "Following and
 * summoning"): the idle rule, the people list's roles and idleness across a
 * person's tabs, and what the server accepts as a summon.
 */
import { describe, expect, it } from 'vitest';
import { IDLE_AFTER_MS, isIdle } from '../../client/presence/idle.ts';
import { peopleFromStates } from '../../client/presence/usePeople.ts';
import { isSummon, SummonBody } from '../../shared/workshop/summon.ts';

describe('the idle rule', () => {
  it('is idle after two quiet minutes or with the tab hidden, and not before', () => {
    const last = 1_000_000;
    expect(IDLE_AFTER_MS).toBe(120_000);
    expect(isIdle(last, last + IDLE_AFTER_MS - 1, false)).toBe(false);
    expect(isIdle(last, last + IDLE_AFTER_MS, false)).toBe(true);
    expect(isIdle(last, last, true)).toBe(true);
  });
});

describe('roles and idleness in the people list', () => {
  const karin = { id: 'p1', name: 'Karin', color: '#C0392B' };
  it('shows the announced role, none for a bad one, and a person idle only when every tab is', () => {
    const people = peopleFromStates([
      { user: karin, role: 'participant', idle: true },
      { user: karin, role: 'facilitator', idle: false },
      { user: { id: 'p2', name: 'Olle', color: '#1F618D' }, role: 'boss', idle: true },
    ]);
    expect(people).toEqual([
      { ...karin, role: 'facilitator', idle: false },
      { id: 'p2', name: 'Olle', color: '#1F618D', role: undefined, idle: true },
    ]);
  });
});

describe('a summon', () => {
  const bounds = { x: -200, y: 100.5, w: 1440, h: 900 };
  it('takes bounds with a size and a short name as a body', () => {
    expect(SummonBody.safeParse({ bounds, by: 'Karin' }).success).toBe(true);
    expect(SummonBody.safeParse({ bounds, follow: 'person-1' }).success).toBe(true);
    for (const bad of [
      {},
      { bounds: { ...bounds, w: 0 } },
      { bounds: { ...bounds, h: -1 } },
      { bounds: { ...bounds, x: Number.NaN } },
      { bounds: { ...bounds, y: 1e12 } },
      { bounds: { x: 1, y: 2 } },
      { bounds, by: 'x'.repeat(101) },
      { bounds, follow: '' },
      { bounds, follow: 7 },
    ]) {
      expect(SummonBody.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
    }
  });

  it('is stored only in the shape the server writes', () => {
    expect(isSummon({ id: 'a1', by: 'Karin', at: 1_700_000_000_000, bounds })).toBe(true);
    expect(isSummon(null)).toBe(true);
    expect(isSummon({ id: '', by: 'Karin', at: 1, bounds })).toBe(false);
    expect(isSummon({ id: 'a1', by: 'Karin', at: 1.5, bounds })).toBe(false);
    expect(isSummon({ id: 'a1', by: 'Karin', at: 1, bounds: { ...bounds, w: 0 } })).toBe(false);
    expect(isSummon([])).toBe(false);
    expect(isSummon({ id: 'a1', by: 'Karin', at: 1, bounds, follow: 'person-1' })).toBe(true);
    expect(isSummon({ id: 'a1', by: 'Karin', at: 1, bounds, follow: '' })).toBe(false);
    expect(isSummon({ id: 'a1', by: 'Karin', at: 1, bounds, follow: 'x'.repeat(41) })).toBe(false);
  });
});
