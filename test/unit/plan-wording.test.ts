import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { splitIndicators } from '../../shared/card-schema.ts';
import { guessIndicatorKind, parsePeriodLabel, planFileName, slugify } from '../../shared/plan/index.ts';

const fixture = JSON.parse(readFileSync(new URL('../fixtures/nsu-2019-plan.json', import.meta.url), 'utf8')) as {
  rows: { indicator: string }[];
};

describe('guessIndicatorKind', () => {
  it('reads the indicator conventions of the real 2019 plan', () => {
    const lines = fixture.rows.flatMap((row) => splitIndicators(row.indicator));
    const kinds = Object.fromEntries(lines.map((line) => [line, guessIndicatorKind(line)]));
    expect(kinds['Antal framtagna riktlinjer/ rutiner med utgångspunkt i samverkan']).toBe('count');
    expect(kinds['Ökad andel ungdomar i arbete (procent)']).toBe('percent');
    expect(kinds['Finns implementeringsplaner (ja/nej)']).toBe('yesno');
    expect(kinds['Arbete enligt projektplan (Ja/Nej) (under förutsättning att ansökan beviljas)']).toBe('yesno');
    // Every other line of the plan is a yes/no question.
    const others = lines.filter((line) => !/^Antal|procent/.test(line));
    expect(others.length).toBeGreaterThan(30);
    expect(others.filter((line) => guessIndicatorKind(line) !== 'yesno')).toEqual([]);
  });

  it('lets an explicit answer format win over words in the sentence', () => {
    expect(guessIndicatorKind('Andel enheter med rutin (Ja / Nej)')).toBe('yesno');
  });

  it.each([
    ['Andelen invånare som röker', 'percent'],
    ['Minskning med 10 %', 'percent'],
    ['Antalet SIP-möten', 'count'],
    ['Number of trained staff', 'count'],
    ['Beskrivning av arbetet', 'text'],
    ['Antalsmässig bedömning', 'text'],
  ] as const)('%s → %s', (text, kind) => {
    expect(guessIndicatorKind(text)).toBe(kind);
  });
});

describe('parsePeriodLabel', () => {
  it.each([
    ['2025', { from: '2025-01-01', to: '2025-12-31' }],
    [' 2024–2026 ', { from: '2024-01-01', to: '2026-12-31' }],
    ['2024-2026', { from: '2024-01-01', to: '2026-12-31' }],
    ['2025-03-01 – 2025-06-30', { from: '2025-03-01', to: '2025-06-30' }],
    ['2025-03-01 till 2025-06-30', { from: '2025-03-01', to: '2025-06-30' }],
  ])('%s names a range', (label, range) => {
    expect(parsePeriodLabel(label)).toEqual(range);
  });

  it.each(['', 'tom 30 juni 2020', 'Hösten 2025', '2026–2024', '2025-02-30 – 2025-03-01', '2025-03-01-2025-06-30'])(
    '%s names none',
    (label) => {
      expect(parsePeriodLabel(label)).toBeNull();
    },
  );
});

describe('planFileName', () => {
  it('slugifies Swedish titles to plain ASCII', () => {
    expect(slugify('Samverkansplan Håbo & Älvkarleby 2025!')).toBe('samverkansplan-habo-alvkarleby-2025');
    expect(slugify('  Östhammar/Tierp: Ökad samverkan ')).toBe('osthammar-tierp-okad-samverkan');
    expect(slugify('???')).toBe('tavla');
    expect(slugify('a'.repeat(100))).toHaveLength(60);
  });

  it('dates the file by the Swedish calendar day', () => {
    // 23:30 UTC on 31 Dec is already New Year's Day in Stockholm.
    const at = new Date('2025-12-31T23:30:00Z');
    expect(planFileName('Plan Heby', at, 'xlsx')).toBe('samverkansplan-plan-heby-2026-01-01.xlsx');
    expect(planFileName('Plan Heby', at, 'csv', 'UTC')).toBe('samverkansplan-plan-heby-2025-12-31.csv');
  });

  it('does not repeat the prefix of boards titled "Samverkansplan …"', () => {
    const at = new Date('2025-03-01T10:00:00Z');
    expect(planFileName('Samverkansplan Heby 2025', at, 'md')).toBe('samverkansplan-heby-2025-2025-03-01.md');
    expect(planFileName('Samverkansplan', at, 'md')).toBe('samverkansplan-tavla-2025-03-01.md');
  });
});
