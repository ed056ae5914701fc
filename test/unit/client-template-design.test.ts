/**
 * The template designer's pure parts: the palette's contrast, a design to a
 * template and back, English filled from Swedish, ids for new areas and goals,
 * the problems a person is told about, and reading an uploaded template file.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/api/boards.ts';
import { type MessageKey, type MessageParams, translate } from '../../client/i18n/messages.ts';
import { problemText } from '../../client/templates/api-problem.ts';
import {
  blankDesign,
  type Design,
  designFromTemplate,
  fillEnglish,
  newArea,
  newGoal,
  slugify,
} from '../../client/templates/design.ts';
import { moveItem } from '../../client/templates/design-edit.ts';
import { previewShape, templateFromDesign } from '../../client/templates/design-template.ts';
import { parseTemplateText } from '../../client/templates/template-file.ts';
import { AA_NORMAL, BADGE_INK, contrastRatio, PALETTE, ZONE_INK } from '../../shared/area-palette.ts';
import { getTemplate, type Template } from '../../shared/template.ts';

const hsvo = getTemplate('hsvo-2024-2026') as Template;

function fourAreas(): Design {
  const design = blankDesign(2025);
  design.boardTitle = 'Samverkansplan Tierp 2025';
  design.areas = ['Trygg uppväxt', 'Psykisk hälsa', 'Äldres hälsa', 'Digital vård'].map((title, i) => ({
    ...newArea(i),
    title: { sv: title, en: '' },
  }));
  return design;
}

function built(design: Design, creating = true): Template {
  const result = templateFromDesign(design, creating);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.template;
}

describe('the palette', () => {
  it('has distinct colours, each passing WCAG AA for the white badge text and for the ink on its light colour', () => {
    expect(new Set(PALETTE.map((entry) => entry.color)).size).toBe(PALETTE.length);
    for (const entry of PALETTE) {
      expect(contrastRatio(entry.color, BADGE_INK), entry.id).toBeGreaterThanOrEqual(AA_NORMAL);
      expect(contrastRatio(entry.colorLight, ZONE_INK), entry.id).toBeGreaterThanOrEqual(AA_NORMAL);
      // The area's level label is the strong colour on the light one.
      expect(contrastRatio(entry.color, entry.colorLight), entry.id).toBeGreaterThanOrEqual(AA_NORMAL);
    }
  });

  it('computes contrast as WCAG defines it', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#ffffff', '#ffffff')).toBeCloseTo(1, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it('gives new areas the colours in turn', () => {
    expect([0, 1, 2].map((i) => newArea(i).color)).toEqual(PALETTE.slice(0, 3).map((entry) => entry.color));
  });
});

describe('English from Swedish', () => {
  it('fills an empty or blank English text with the Swedish one, trimmed', () => {
    expect(fillEnglish({ sv: ' Nära vård ', en: '' })).toEqual({ sv: 'Nära vård', en: 'Nära vård' });
    expect(fillEnglish({ sv: 'Nära vård', en: '   ' })).toEqual({ sv: 'Nära vård', en: 'Nära vård' });
    expect(fillEnglish({ sv: 'Nära vård', en: 'Local care' })).toEqual({ sv: 'Nära vård', en: 'Local care' });
  });

  it('fills every text of a saved design: titles, descriptions, directions and field labels', () => {
    const design = fourAreas();
    design.areas[0] = {
      ...(design.areas[0] as Design['areas'][number]),
      description: { sv: 'Barn och unga', en: '' },
      goals: [{ ...newGoal(), title: { sv: 'Fler barn rör sig', en: '' }, direction: { sv: 'Skolan först', en: '' } }],
    };
    design.fieldLabels = [{ field: 'title', label: { sv: 'Rubrik', en: '' } }];
    const template = built(design);
    const area = template.focusAreas[0] as Template['focusAreas'][number] & { description?: unknown };
    expect(area.title).toEqual({ sv: 'Trygg uppväxt', en: 'Trygg uppväxt' });
    expect(area.goals[0]?.title.en).toBe('Fler barn rör sig');
    expect(area.goals[0]?.direction).toEqual({ sv: 'Skolan först', en: 'Skolan först' });
    expect(template.fieldLabels.title).toEqual({ sv: 'Rubrik', en: 'Rubrik' });
    // The template's name is the board's when none was given.
    expect(template.title).toEqual({ sv: 'Samverkansplan Tierp 2025', en: 'Samverkansplan Tierp 2025' });
  });
});

describe('a design to a template', () => {
  it('makes a valid template of four areas without goals, ids A–D, the years typed', () => {
    const design = fourAreas();
    design.periodTo = '2027';
    const template = built(design);
    expect(template.focusAreas.map((area) => area.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(template.focusAreas.every((area) => area.goals.length === 0)).toBe(true);
    expect(template.period).toEqual({ from: 2025, to: 2027 });
    expect(template.id).toBe('samverkansplan-tierp-2025');
    expect(template.version).toBe('1.0.0');
  });

  it('round-trips a shipped template unchanged, naming every registry field it does not label', () => {
    const template = built(designFromTemplate(hsvo), false);
    // HSVO was written before Effektmått: the design offers the field under the registry's label.
    expect(template).toEqual({
      ...hsvo,
      fieldLabels: { ...hsvo.fieldLabels, effectMeasure: { sv: 'Effektmått', en: 'Effect measure' } },
    });
  });

  it('keeps existing ids when areas and goals move, and never hands out an id a removed one had', () => {
    const design = designFromTemplate(hsvo);
    const [a, b] = design.areas as [Design['areas'][number], Design['areas'][number]];
    // Remove goal A2 and area B, then add a goal to A and a new area.
    a.goals = [a.goals[0] as Design['areas'][number]['goals'][number], newGoal()];
    (a.goals[1] as { title: { sv: string; en: string } }).title = { sv: 'Nytt mål', en: '' };
    design.areas = moveItem(
      [a, ...design.areas.slice(2), { ...newArea(4), title: { sv: 'Nytt område', en: '' } }],
      0,
      1,
    );
    expect(b.id).toBe('B');
    const template = built(design, false);
    expect(template.focusAreas.map((area) => area.id)).toEqual(['C', 'A', 'D', 'E']);
    expect(template.focusAreas[1]?.goals.map((goal) => goal.id)).toEqual(['A1', 'A3']);
    expect(template.id).toBe(hsvo.id);
  });

  it('numbers new goals of a numbered area as NSU does (2.1, 2.2 …)', () => {
    const nsu = getTemplate('nsu-2019') as Template;
    const design = designFromTemplate(nsu);
    const area = design.areas[1] as Design['areas'][number];
    area.goals = [...area.goals, { ...newGoal(), title: { sv: 'Ännu ett mål', en: '' } }];
    const ids = built(design, false).focusAreas[1]?.goals.map((goal) => goal.id) ?? [];
    expect(ids.at(-1)).toBe(`${area.id}.${area.goals.length}`);
  });

  it('drops blank rows of the lists and gives new parties ids from their names', () => {
    const design = fourAreas();
    design.parties = [
      { key: 'p1', id: null, name: 'Tierps kommun', type: 'kommun' },
      { key: 'p2', id: null, name: '  ', type: 'other' },
      { key: 'p3', id: null, name: 'Region Uppsala', type: 'region' },
    ];
    design.targetGroups = [
      { key: 'g1', text: 'Äldre' },
      { key: 'g2', text: '' },
    ];
    const template = built(design);
    expect(template.parties).toEqual([
      { id: 'tierps-kommun', name: 'Tierps kommun', type: 'kommun' },
      { id: 'region-uppsala', name: 'Region Uppsala', type: 'region' },
    ]);
    expect(template.suggestedTargetGroups).toEqual(['Äldre']);
  });

  it('names what is missing instead of saving: the board name, an area title, a goal text, the years', () => {
    const design = fourAreas();
    design.boardTitle = ' ';
    design.periodFrom = '2026';
    design.periodTo = '2025';
    (design.areas[1] as Design['areas'][number]).title = { sv: '', en: 'Mental health' };
    (design.areas[2] as Design['areas'][number]).goals = [newGoal()];
    const result = templateFromDesign(design, true);
    expect(result.ok).toBe(false);
    const texts = result.ok ? [] : result.problems.map((p) => translate('sv', p.key, p.params));
    expect(texts).toEqual([
      'Ge tavlan ett namn.',
      'Planperioden slutar innan den börjar.',
      'Fokusområde 2 saknar rubrik.',
      'Mål 1 i ”Äldres hälsa” saknar text.',
    ]);
  });

  it('previews a half-typed design with the ids it will get', () => {
    const design = fourAreas();
    (design.areas[0] as Design['areas'][number]).goals = [newGoal()];
    const shape = previewShape(design);
    expect(shape.focusAreas.map((area) => area.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(shape.focusAreas[0]?.goals[0]?.id).toBe('A1');
  });

  it('slugs Swedish names', () => {
    expect(slugify('Älvkarleby & Östhammar 2025', 'x')).toBe('alvkarleby-osthammar-2025');
    expect(slugify('!!!', 'eget')).toBe('eget');
  });
});

describe('an uploaded template file', () => {
  it('reads a valid template', () => {
    const result = parseTemplateText(JSON.stringify(hsvo), 'sv');
    expect(result.ok && result.template.id).toBe(hsvo.id);
  });

  it('says in Swedish what is wrong: not JSON, not a template, a field missing where', () => {
    const say = (text: string) => {
      const result = parseTemplateText(text, 'sv');
      return result.ok ? 'ok' : result.message;
    };
    expect(say('{ not json')).toBe('filen är ingen giltig JSON-fil.');
    expect(say('{"format":"samverkansplan"}')).toContain('ingen Samtavla-mall');
    const broken = structuredClone(hsvo) as unknown as { focusAreas: { goals: { title: unknown }[] }[] };
    (broken.focusAreas[1]?.goals[0] as { title: unknown }).title = { sv: 'Nära vård' };
    expect(say(JSON.stringify(broken))).toBe(
      'fel i fokusområde 2 → mål 1 → rubrik → engelska: värdet saknas eller har fel typ.',
    );
    const twice = structuredClone(hsvo);
    (twice.focusAreas[1] as { id: string }).id = 'A';
    expect(say(JSON.stringify(twice))).toContain('id ”A” används av två områden eller mål.');
    expect(parseTemplateText('{ not json', 'en')).toEqual({ ok: false, message: 'the file is not valid JSON.' });
  });
});

describe('a refused template call, in words', () => {
  const t = (key: MessageKey, params?: MessageParams) => translate('sv', key, params);

  it('says what the status means here and keeps the server’s detail', () => {
    expect(problemText(new ApiError(400, 'focusAreas.2.title.sv: Too small'), t)).toBe(
      'servern godtog inte upplägget (focusAreas.2.title.sv: Too small).',
    );
    expect(problemText(new ApiError(403, 'this link may not do that'), t)).toBe(
      'din länk ger inte rätt att göra detta (this link may not do that).',
    );
    expect(problemText(new ApiError(429, 'too many boards created'), t)).toContain('Vänta en stund');
    expect(problemText(new ApiError(0, 'Failed to fetch'), t)).toBe(t('api.unreachable'));
    expect(problemText(new ApiError(500, 'storage unavailable'), t)).toBe('storage unavailable');
  });
});
