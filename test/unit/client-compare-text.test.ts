import { describe, expect, it } from 'vitest';
import { fieldLabel, fieldValue, placeName } from '../../client/history/compare-text.ts';
import { type MessageKey, type MessageParams, translate } from '../../client/i18n/messages.ts';
import type { PlanCard } from '../../shared/plan/schema.ts';
import { getTemplate } from '../../shared/template.ts';

const sv = (key: MessageKey, params?: MessageParams) => translate('sv', key, params);
const hsvo = getTemplate('hsvo-2024-2026');
if (!hsvo) throw new Error('no template');
const cardField = (field: string) => hsvo.fieldLabels[field]?.sv ?? field;

const card: PlanCard = {
  id: 'c1',
  title: 'Hälsosamtal',
  priorityArea: '',
  activity: 'Erbjuda samtal',
  indicators: [
    { text: 'Antal samtal', kind: 'count' },
    { text: 'Rutin framtagen (Ja/Nej)', kind: 'yesno' },
  ],
  effectMeasure: 'Fler vuxna med hälsosamtal, mätt i journalen',
  responsible: 'Vårdcentralen',
  targetGroups: ['Vuxna', 'Äldre'],
  parties: ['Heby kommun', 'Region Uppsala'],
  period: { label: '2025', from: '2025-01-01', to: '2025-12-31' },
  status: 'agreed',
  followUp: [],
  votes: 3,
  authors: ['Anna'],
  createdAt: null,
  decision: null,
};

describe('compare wording', () => {
  it("names plan-data keys by the template's card field labels, and the others by their own", () => {
    expect(fieldLabel('indicators', sv, cardField)).toBe(cardField('indicator'));
    expect(fieldLabel('targetGroups', sv, cardField)).toBe(cardField('targetGroup'));
    expect(fieldLabel('status', sv, cardField)).toBe('Status');
    expect(fieldLabel('place', sv, cardField)).toBe('Mål');
    expect(fieldLabel('followUp', sv, cardField)).toBe('Uppföljning');
  });

  it('shows list fields one item a line or comma-separated, the period by its label, the status in words', () => {
    const status = (value: string) => (value === 'agreed' ? 'Överenskommen' : 'Utkast');
    expect(fieldValue(card, 'indicators', status)).toBe('Antal samtal\nRutin framtagen (Ja/Nej)');
    expect(fieldValue(card, 'targetGroups', status)).toBe('Vuxna\nÄldre');
    expect(fieldValue(card, 'parties', status)).toBe('Heby kommun, Region Uppsala');
    expect(fieldValue(card, 'period', status)).toBe('2025');
    expect(fieldValue(card, 'status', status)).toBe('Överenskommen');
    expect(fieldValue(card, 'votes', status)).toBe('3');
    expect(fieldValue(card, 'createdAt', status)).toBe('');
  });

  it('names a place by its goal or focus area, or as unplaced', () => {
    const pick = (text: { sv: string }) => text.sv;
    expect(placeName('A1', hsvo, pick, 'Ej placerad')).toMatch(/^A1 /);
    expect(placeName('B', hsvo, pick, 'Ej placerad')).toBe('B Nära vård');
    expect(placeName(null, hsvo, pick, 'Ej placerad')).toBe('Ej placerad');
  });
});
