import { describe, expect, it } from 'vitest';
import { initials } from '../../client/board/PeopleList.tsx';
import { cleanName, colorForName, NAME_MAX, PERSON_COLORS } from '../../client/presence/identity.ts';
import { peopleFromStates } from '../../client/presence/usePeople.ts';

describe('colorForName', () => {
  it('gives a name the same palette colour every time, ignoring case and outer spaces', () => {
    const color = colorForName('Anna Andersson');
    expect(PERSON_COLORS).toContain(color);
    expect(colorForName('  anna andersson ')).toBe(color);
  });

  it('spreads different names over the palette', () => {
    const names = ['Anna', 'Bengt', 'Cecilia', 'David', 'Elin', 'Fredrik', 'Gunilla', 'Hassan', 'Ida', 'Jonas'];
    expect(new Set(names.map(colorForName)).size).toBeGreaterThanOrEqual(5);
  });
});

describe('cleanName', () => {
  it('collapses whitespace, trims and caps the length', () => {
    expect(cleanName('  Anna   Andersson\n')).toBe('Anna Andersson');
    expect(cleanName('   ')).toBe('');
    expect(cleanName('x'.repeat(200))).toHaveLength(NAME_MAX);
  });
});

describe('initials', () => {
  it('takes the first letters of the first two words', () => {
    expect(initials('anna maria andersson')).toBe('AM');
    expect(initials('Örjan')).toBe('Ö');
  });

  it('leaves out notes in brackets and starts a word at its first letter', () => {
    expect(initials('Karin (facilitator)')).toBe('K');
    expect(initials('Karin Berg (Region Uppsala)')).toBe('KB');
    expect(initials('"Anna" -Berg')).toBe('AB');
    expect(initials('(ingen)')).toBe('I');
    expect(initials('??')).toBe('?');
  });
});

describe('peopleFromStates', () => {
  it('lists each person once, sorted by name, and skips states without a valid user', () => {
    const anna = { id: 'p1', name: 'Anna', color: '#C0392B' };
    const bengt = { id: 'p2', name: 'Bengt', color: '#1F618D' };
    const people = peopleFromStates([
      { user: bengt },
      { user: anna },
      { user: anna }, // Anna's second tab
      { presence: {} },
      { user: { id: 'p3', name: 42 } },
    ]);
    expect(people).toEqual([
      { ...anna, role: undefined, idle: false },
      { ...bengt, role: undefined, idle: false },
    ]);
  });
});
