import { describe, expect, it } from 'vitest';
import { format, isLanguage, LANGUAGES, MESSAGES, translate } from '../../client/i18n/messages.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('the interface dictionary', () => {
  it('has every message, non-empty, in Swedish and English', () => {
    const keys = Object.keys(MESSAGES.sv).sort();
    for (const lang of LANGUAGES) {
      expect(Object.keys(MESSAGES[lang]).sort()).toEqual(keys);
      for (const key of keys) expect(MESSAGES[lang][key as keyof typeof MESSAGES.sv].trim(), key).not.toBe('');
    }
  });

  it('uses the same placeholders in both languages', () => {
    for (const key of Object.keys(MESSAGES.sv) as (keyof typeof MESSAGES.sv)[]) {
      expect(placeholders(MESSAGES.en[key]), key).toEqual(placeholders(MESSAGES.sv[key]));
    }
  });

  it('speaks Swedish about the connection', () => {
    expect(translate('sv', 'connection.connecting')).toBe('Ansluter…');
    expect(translate('sv', 'connection.connected')).toBe('Ansluten');
    expect(translate('sv', 'connection.offline')).toBe('Offline – återansluter…');
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(format('{areas} fokusområden, {goals} mål', { areas: 4, goals: 6 })).toBe('4 fokusområden, 6 mål');
    expect(format('Hej {name}', {})).toBe('Hej {name}');
    expect(translate('en', 'home.create.failed', { error: 'title must not be empty' })).toBe(
      'The board could not be created: title must not be empty',
    );
  });
});

describe('isLanguage', () => {
  it('accepts only sv and en', () => {
    expect(isLanguage('sv')).toBe(true);
    expect(isLanguage('en')).toBe(true);
    expect(isLanguage('de')).toBe(false);
    expect(isLanguage(null)).toBe(false);
  });
});
