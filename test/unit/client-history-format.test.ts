import { describe, expect, it } from 'vitest';
import { areaLines, countsText, formatWhen, versionTitle } from '../../client/history/version-format.ts';
import { type MessageKey, type MessageParams, translate } from '../../client/i18n/messages.ts';
import { getTemplate } from '../../shared/template.ts';

const sv = (key: MessageKey, params?: MessageParams) => translate('sv', key, params);
const en = (key: MessageKey, params?: MessageParams) => translate('en', key, params);
const hsvo = getTemplate('hsvo-2024-2026');
if (!hsvo) throw new Error('no template');

describe('version wording', () => {
  it('says the time in the interface language, with the year only when it is not this year', () => {
    const opts = { now: new Date('2026-06-01T00:00:00Z'), timeZone: 'Europe/Stockholm' };
    expect(formatWhen('2026-03-12T13:05:00.000Z', 'sv', opts)).toBe('12 mars 14:05');
    expect(formatWhen('2026-03-12T13:05:00.000Z', 'en', opts)).toBe('12 March 14:05');
    expect(formatWhen('2025-11-02T08:30:00.000Z', 'sv', opts)).toBe('2 november 2025 09:30');
  });

  it('names automatic versions "Automatisk version" and named ones by their name', () => {
    expect(versionTitle({ name: '', auto: true }, sv)).toBe('Automatisk version');
    expect(versionTitle({ name: 'Efter workshop 12 mars', auto: false }, sv)).toBe('Efter workshop 12 mars');
    expect(versionTitle({ name: '', auto: true }, en)).toBe('Automatic version');
  });

  it('sums up changes in Swedish with singular and plural, leaving out zeros', () => {
    expect(countsText({ added: 3, removed: 1, changed: 2 }, sv)).toBe('3 tillagda, 1 borttagen, 2 ändrade');
    expect(countsText({ added: 1, removed: 0, changed: 5 }, sv)).toBe('1 tillagd, 5 ändrade');
    expect(countsText({ added: 0, removed: 2, changed: 1 }, en)).toBe('2 removed, 1 changed');
    expect(countsText({ added: 0, removed: 0, changed: 0 }, sv)).toBe('');
  });

  it('lists the focus areas that changed in template order, cards under no area last', () => {
    const lines = areaLines(
      {
        unplaced: { added: 1, removed: 0, changed: 0 },
        C: { added: 0, removed: 0, changed: 2 },
        A: { added: 2, removed: 1, changed: 0 },
        B: { added: 0, removed: 0, changed: 0 },
      },
      hsvo,
      sv,
      (text) => text.sv,
    );
    expect(lines.map((line) => line.text)).toEqual([
      'Fokusområde A Förebyggande och hälsofrämjande: 2 tillagda, 1 borttagen',
      'Fokusområde C Kompetensförsörjning: 2 ändrade',
      'Ej placerade: 1 tillagd',
    ]);
  });
});
