/** The published template JSON Schema and the template bounds. */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { checkTemplate, type Template } from '../../shared/template.ts';
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { templateJsonSchema } from '../../shared/template-json-schema.ts';
import { ownTemplate } from '../helpers/templates.ts';

const committed = JSON.parse(readFileSync(new URL('../../shared/template.schema.json', import.meta.url), 'utf8'));
const validate = new Ajv2020({ allErrors: true, strict: false }).compile(committed);
const builtInFile = (name: string) =>
  JSON.parse(readFileSync(new URL(`../../shared/templates/${name}.json`, import.meta.url), 'utf8'));

describe('template.schema.json', () => {
  it('is what the zod schema generates (regenerate: npm run schema)', () => {
    expect(committed).toEqual(templateJsonSchema());
  });

  it.each(['hsvo-2024-2026', 'nsu-2019'])('accepts the built-in template file %s as it is', (name) => {
    expect(validate(builtInFile(name)), JSON.stringify(validate.errors)).toBe(true);
  });

  it('accepts an own template with goal-less areas and rejects broken ones', () => {
    expect(validate(ownTemplate(['Ett', 'Två']))).toBe(true);
    const broken: [string, (t: Template) => void][] = [
      ['an area without an English title', (t) => delete (t.focusAreas[0]!.title as { en?: string }).en],
      ['a colour that is not one', (t) => (t.focusAreas[0]!.color = 'red')],
      ['no focus areas', (t) => (t.focusAreas = [])],
      ['too many focus areas', (t) => (t.focusAreas = Array(13).fill(t.focusAreas[0]!))],
      ['a wrong kind', (t) => ((t as { kind: string }).kind = 'plan')],
    ];
    for (const [what, breakIt] of broken) {
      const template = structuredClone(ownTemplate(['Ett']));
      breakIt(template);
      expect(validate(template), what).toBe(false);
      expect(checkTemplate(template).ok, what).toBe(false);
    }
  });
});

describe('template bounds', () => {
  it('takes a template at every count bound and refuses one past each, naming the field', () => {
    const full = ownTemplate(
      Array.from({ length: TEMPLATE_BOUNDS.focusAreas }, (_, i) => `Område ${i}`),
      TEMPLATE_BOUNDS.goalsPerArea,
    );
    full.parties = Array.from({ length: TEMPLATE_BOUNDS.parties }, (_, i) => ({
      id: `p${i}`,
      name: `P${i}`,
      type: 'other',
    }));
    full.suggestedTargetGroups = Array.from({ length: TEMPLATE_BOUNDS.targetGroups }, (_, i) => `Grupp ${i}`);
    expect(checkTemplate(full).ok).toBe(true);
    expect(JSON.stringify(full).length).toBeLessThan(256 * 1024);

    const past: [string, (t: Template) => void, RegExp][] = [
      ['parties', (t) => t.parties.push({ id: 'x', name: 'X', type: 'other' }), /^parties/],
      ['target groups', (t) => t.suggestedTargetGroups.push('X'), /^suggestedTargetGroups/],
      ['goals', (t) => t.focusAreas[0]!.goals.push({ id: 'x', title: { sv: 'x', en: 'x' } }), /^focusAreas\.0\.goals/],
      [
        'a long title',
        (t) => (t.focusAreas[1]!.title.sv = 'x'.repeat(TEMPLATE_BOUNDS.title + 1)),
        /^focusAreas\.1\.title\.sv/,
      ],
      [
        'a long description',
        (t) => (t.focusAreas[1]!.description = { sv: 'x'.repeat(TEMPLATE_BOUNDS.text + 1), en: 'x' }),
        /^focusAreas\.1\.description\.sv/,
      ],
    ];
    for (const [what, grow, field] of past) {
      const template = structuredClone(full);
      grow(template);
      const checked = checkTemplate(template);
      expect(checked.ok, what).toBe(false);
      if (!checked.ok) expect(checked.error, what).toMatch(field);
    }
  });

  it('keeps both languages required (the designer fills English from Swedish)', () => {
    const template = ownTemplate(['Ett']);
    (template.focusAreas[0] as { title: unknown }).title = { sv: 'Ett' };
    expect(checkTemplate(template).ok).toBe(false);
  });
});
