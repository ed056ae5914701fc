import { describe, expect, it } from 'vitest';
import {
  countRound,
  defaultRoundLabel,
  indicatorInputText,
  indicatorLines,
  isoDay,
  parseIndicatorInput,
} from '../../client/follow-up/follow-up-values.ts';
import { translate } from '../../client/i18n/messages.ts';
import type { FollowUpEntry } from '../../shared/card-schema.ts';

const entry = (status: FollowUpEntry['status']): FollowUpEntry => ({
  status,
  comment: '',
  effect: '',
  indicators: {},
  updatedAt: '',
  updatedBy: '',
});

describe('a new round’s offered label', () => {
  const june = new Date(2026, 5, 1);
  it('is "Uppföljning <year>" in Swedish and "Follow-up <year>" in English', () => {
    expect(defaultRoundLabel(translate('sv', 'followUp.labelWord'), june)).toBe('Uppföljning 2026');
    expect(defaultRoundLabel(translate('en', 'followUp.labelWord'), june)).toBe('Follow-up 2026');
  });

  it('avoids labels the board already has', () => {
    expect(defaultRoundLabel('Uppföljning', june, ['Uppföljning 2026'])).toBe('Uppföljning 2026 (2)');
    expect(defaultRoundLabel('Uppföljning', june, ['Uppföljning 2026', 'Uppföljning 2026 (2)'])).toBe(
      'Uppföljning 2026 (3)',
    );
  });

  it('comes with today as the date input’s value', () => {
    expect(isoDay(new Date(2026, 0, 5))).toBe('2026-01-05');
  });
});

describe('indicator inputs', () => {
  it('reads a number for counts and percents, and nothing as clearing the value', () => {
    expect(parseIndicatorInput('count', '42')).toBe(42);
    expect(parseIndicatorInput('count', ' 7 ')).toBe(7);
    expect(parseIndicatorInput('percent', '12,5')).toBe(12.5);
    expect(parseIndicatorInput('count', '')).toBeNull();
    expect(parseIndicatorInput('percent', '  ')).toBeNull();
    expect(parseIndicatorInput('text', '')).toBeNull();
  });

  it('refuses a percent outside 0–100, a negative or fractional count, and words for a number', () => {
    expect(parseIndicatorInput('percent', '100')).toBe(100);
    expect(parseIndicatorInput('percent', '0')).toBe(0);
    expect(parseIndicatorInput('percent', '101')).toBeUndefined();
    expect(parseIndicatorInput('percent', '-1')).toBeUndefined();
    expect(parseIndicatorInput('count', '2.5')).toBeUndefined();
    expect(parseIndicatorInput('count', '-3')).toBeUndefined();
    expect(parseIndicatorInput('count', 'många')).toBeUndefined();
    expect(parseIndicatorInput('count', 'Infinity')).toBeUndefined();
  });

  it('reads yes and no, and keeps text as written', () => {
    expect(parseIndicatorInput('yesno', 'yes')).toBe(true);
    expect(parseIndicatorInput('yesno', 'no')).toBe(false);
    expect(parseIndicatorInput('yesno', 'kanske')).toBeUndefined();
    expect(parseIndicatorInput('text', 'Två skolor ')).toBe('Två skolor ');
  });

  it('shows a stored value as its input text', () => {
    expect(indicatorInputText(true)).toBe('yes');
    expect(indicatorInputText(false)).toBe('no');
    expect(indicatorInputText(42)).toBe('42');
    expect(indicatorInputText(undefined)).toBe('');
  });

  it('gives each indicator line of a card the kind its wording asks for', () => {
    const card = { indicator: 'Antal deltagare\n\nAndel nöjda (procent)\nFinns en plan? (Ja/Nej)\nHur gick det' };
    expect(indicatorLines(card)).toEqual([
      { text: 'Antal deltagare', kind: 'count' },
      { text: 'Andel nöjda (procent)', kind: 'percent' },
      { text: 'Finns en plan? (Ja/Nej)', kind: 'yesno' },
      { text: 'Hur gick det', kind: 'text' },
    ]);
  });
});

describe('a round’s status counts', () => {
  it('counts each card once, a card without an entry as not followed up', () => {
    const cards: { followUp: Record<string, FollowUpEntry> }[] = [
      { followUp: { 'Uppföljning 2026': entry('done') } },
      { followUp: { 'Uppföljning 2026': entry('ongoing'), 'Uppföljning 2025': entry('done') } },
      { followUp: { 'Uppföljning 2025': entry('cancelled') } },
      { followUp: {} },
    ];
    expect(countRound(cards, 'Uppföljning 2026')).toEqual({
      'not-started': 0,
      ongoing: 1,
      done: 1,
      cancelled: 0,
      none: 2,
    });
  });

  it('does not read a round named like an inherited property as an entry', () => {
    expect(countRound([{ followUp: {} }], 'toString').none).toBe(1);
  });
});
