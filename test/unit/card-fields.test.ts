/**
 * The card field registry drives every writer and reader: each registry field,
 * filled in, survives JSON, CSV and XLSX unchanged and shows in the Word and
 * Markdown tables; every heading it declares names its column; the document
 * contract bounds it. Written over the registry, so a field added to it is
 * tested here without a line of test code.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { cardText } from '../../client/cards/card-messages.ts';
import { slotOf } from '../../shared/board-contract.ts';
import { createCard, readCard } from '../../shared/card.ts';
import { CARD_FIELDS, DOCUMENT_FIELDS, TEXT_FIELDS } from '../../shared/fields/card-fields.ts';
import { columnForHeading } from '../../shared/plan/column-aliases.ts';
import { planFieldValue } from '../../shared/plan/field-values.ts';
import { COLUMNS } from '../../shared/plan/flat.ts';
import { docToPlan, importPlan, type PlanCard, planToDoc, writePlan } from '../../shared/plan/index.ts';
import { TABLE_HEADINGS } from '../../shared/plan/labels.ts';
import { isAreaSheetHeader } from '../../shared/plan/table-header.ts';
import type { Template } from '../../shared/template.ts';
import { allCards, emptyBoard, HSVO, NOW } from './plan-helpers.ts';

/** A value for every field, two lines where a field takes lines, so splitting and joining are exercised. */
function filledBoard() {
  const doc = emptyBoard();
  const fields = Object.fromEntries(
    TEXT_FIELDS.map((f) => [
      f.id,
      f.id === 'period'
        ? '2025–2026'
        : f.id === 'title'
          ? 'Hälsosamtal för vuxna'
          : `${f.label.sv} rad ett\n${f.label.sv} rad två`,
    ]),
  );
  createCard(doc, {
    id: 'c-all',
    goalId: 'B1',
    createdBy: 'Anna',
    createdAt: '2025-02-01T09:00:00.000Z',
    fields,
    parties: ['region-uppsala', 'Fri part'],
  });
  return doc;
}

const only = (cards: PlanCard[]): PlanCard => {
  expect(cards).toHaveLength(1);
  return cards[0] as PlanCard;
};

describe('card field registry', () => {
  it('declares each field once, with a unique id and plan key, labels in both languages and a limit', () => {
    expect(new Set(CARD_FIELDS.map((f) => f.id)).size).toBe(CARD_FIELDS.length);
    expect(new Set(CARD_FIELDS.map((f) => f.plan.key)).size).toBe(CARD_FIELDS.length);
    for (const field of CARD_FIELDS) {
      expect(field.label.sv && field.label.en, field.id).toBeTruthy();
      expect(field.max, field.id).toBeGreaterThan(0);
    }
    expect(CARD_FIELDS.find((f) => f.id === 'effectMeasure')).toMatchObject({
      yjs: 'Y.Text',
      label: { sv: 'Effektmått', en: 'Effect measure' },
    });
  });

  it('round-trips every registry field through JSON, CSV and XLSX without loss', async () => {
    const plan = docToPlan(filledBoard(), HSVO, { now: NOW });
    const card = only(allCards(plan));
    for (const field of CARD_FIELDS) expect(planFieldValue(card, field), field.id).not.toEqual('');
    for (const format of ['json', 'csv', 'xlsx'] as const) {
      const file = await writePlan(plan, format);
      const body = typeof file.body === 'string' ? new TextEncoder().encode(file.body) : file.body;
      const read = await importPlan(body, `plan.${format}`, { template: HSVO });
      const back = only(allCards(read));
      for (const field of CARD_FIELDS) {
        expect(planFieldValue(back, field), `${format}: ${field.id}`).toEqual(planFieldValue(card, field));
      }
      // And into a board and out again: the card's own fields hold it.
      const again = only(allCards(docToPlan(planToDoc(read, HSVO, { now: NOW }), HSVO, { now: NOW })));
      for (const field of CARD_FIELDS)
        expect(planFieldValue(again, field), `${format} board: ${field.id}`).toEqual(planFieldValue(card, field));
    }
  });

  it('shows every plan-table field in the Word and Markdown tables, under its own heading', async () => {
    const plan = docToPlan(filledBoard(), HSVO, { now: NOW });
    const markdown = String((await writePlan(plan, 'md')).body);
    const docx = (await writePlan(plan, 'docx')).body as Uint8Array;
    const xml = (await (await JSZip.loadAsync(docx)).file('word/document.xml')?.async('string')) ?? '';
    expect(markdown).toContain(`| ${TABLE_HEADINGS.join(' | ')} |`);
    for (const field of DOCUMENT_FIELDS) {
      expect(xml, field.id).toContain(field.document.heading);
      const first =
        field.id === 'parties' ? 'Region Uppsala' : field.id === 'period' ? '2025–2026' : `${field.label.sv} rad ett`;
      expect(markdown, field.id).toContain(first);
      expect(xml, field.id).toContain(first);
    }
    expect(markdown).toContain('Effektmått rad ett<br>Effektmått rad två');
  });

  it('reads every heading of a field as its column: export heading, aliases, both labels, any case and spacing', () => {
    for (const field of CARD_FIELDS) {
      const key = field.plan.key;
      for (const heading of [field.column.header, ...field.column.aliases, field.label.sv, field.label.en, field.id]) {
        expect(columnForHeading(heading), heading).toBe(key);
        expect(columnForHeading(`  ${heading.toUpperCase().replace(/ /g, '   ')}: `), heading).toBe(key);
      }
    }
    // The hand-written seed plans' headings.
    expect(columnForHeading('Aktiviteter 2019')).toBe('activity');
    expect(columnForHeading('Ansvar aktivitet')).toBe('responsible');
    expect(columnForHeading('Indikatorer för uppföljning')).toBe('indicators');
    expect(columnForHeading('Huvudmän/parter')).toBe('parties');
    expect(columnForHeading('EFFEKTMÅTT')).toBe('effectMeasure');
    expect(columnForHeading('Effect measure')).toBe('effectMeasure');
    expect(columnForHeading('Effekt 2023')).toBeUndefined(); // a follow-up column (table-header.ts), not this field
    // Every heading names one column only: the table is built to refuse a clash.
    const headings = COLUMNS.flatMap((c) => [c.header, ...c.aliases]);
    expect(headings.every((h) => columnForHeading(h) !== undefined)).toBe(true);
  });

  it('knows its own per-area sheets by their header, with the new column and from before it', () => {
    expect(isAreaSheetHeader([...TABLE_HEADINGS])).toBe(true);
    // An export from before Effektmått: its eight seed columns are still ours (not read back as cards).
    expect(isAreaSheetHeader(TABLE_HEADINGS.filter((h) => h !== 'Effektmått'))).toBe(true);
    expect(isAreaSheetHeader(['Prioriterat område', 'Aktiviteter', 'Ansvar'])).toBe(false);
  });

  it('lets a template override a field label by id, and falls back to the registry for fields it does not name', () => {
    const custom: Template = {
      ...HSVO,
      fieldLabels: { ...HSVO.fieldLabels, effectMeasure: { sv: 'Förväntad effekt', en: 'Expected effect' } },
    };
    expect(cardText('sv', custom).field('effectMeasure')).toBe('Förväntad effekt');
    expect(cardText('en', custom).field('effectMeasure')).toBe('Expected effect');
    expect(cardText('sv', HSVO).field('effectMeasure')).toBe('Effektmått');
    expect(cardText('en', null).field('effectMeasure')).toBe('Effect measure');
    expect(cardText('sv', HSVO).field('constructor')).toBe('constructor');
  });

  it('bounds every text field in the document contract by its own limit', () => {
    for (const field of TEXT_FIELDS)
      expect(slotOf('card', field.id), field.id).toEqual({ kind: 'text', max: field.max });
    const coAuthors = slotOf('card', 'coAuthors');
    if (coAuthors?.kind !== 'value') throw new Error('coAuthors is a value slot');
    expect(coAuthors.problem(['Bo', 'Cecilia'], 'coAuthors')).toBeNull();
    expect(
      coAuthors.problem(
        Array.from({ length: 51 }, (_, i) => `n${i}`),
        'coAuthors',
      ),
    ).not.toBeNull();
    expect(coAuthors.problem(['x'.repeat(201)], 'coAuthors')).not.toBeNull();
    expect(coAuthors.problem('Bo', 'coAuthors')).not.toBeNull();
  });
});

describe('every author kept on import', () => {
  const csv = (authors: string) =>
    new TextEncoder().encode(
      `\uFEFFDelmål-id;Rubrik;Aktivitet;Författare\r\nB1;Samtal;Erbjuda samtal;"${authors}"\r\n`,
    );

  it('keeps every author a CSV names, in order, through a board and back out', async () => {
    const plan = await importPlan(csv('Anna\nBo\nCecilia'), 'plan.csv', { template: HSVO });
    expect(only(allCards(plan)).authors).toEqual(['Anna', 'Bo', 'Cecilia']);
    const doc = planToDoc(plan, HSVO, { now: NOW });
    const [id] = [...doc.getMap('cards').keys()];
    expect(readCard(doc, id ?? '')).toMatchObject({ createdBy: 'Anna', coAuthors: ['Bo', 'Cecilia'] });
    const out = docToPlan(doc, HSVO, { now: NOW });
    expect(only(allCards(out)).authors).toEqual(['Anna', 'Bo', 'Cecilia']);
    // And once more through JSON: no author doubled, none lost.
    const json = (await writePlan(out, 'json')).body as string;
    const again = planToDoc(await importPlan(new TextEncoder().encode(json), 'plan.json'), HSVO, { now: NOW });
    expect(only(allCards(docToPlan(again, HSVO, { now: NOW }))).authors).toEqual(['Anna', 'Bo', 'Cecilia']);
  });

  it('keeps follow-up writers once, after the named authors', async () => {
    const plan = docToPlan(filledBoard(), HSVO, { now: NOW });
    const card = only(allCards(plan));
    card.authors = ['Anna', 'Bo'];
    card.followUp = [
      {
        period: '2025',
        status: 'ongoing',
        comment: 'Pågår',
        effect: '',
        updatedAt: null,
        updatedBy: 'Bo',
        indicators: [],
      },
      {
        period: '2026',
        status: 'done',
        comment: '',
        effect: 'Klart',
        updatedAt: null,
        updatedBy: 'Dan',
        indicators: [],
      },
    ];
    card.authors.push('Dan');
    const out = docToPlan(planToDoc(plan, HSVO, { now: NOW }), HSVO, { now: NOW });
    expect(only(allCards(out)).authors).toEqual(['Anna', 'Bo', 'Dan']);
  });
});

describe('the README’s table of import headings', () => {
  it('lists every registry field with exactly the headings an import reads', async () => {
    const { readFileSync } = await import('node:fs');
    const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
    for (const field of CARD_FIELDS) {
      const row = readme.split('\n').find((line) => line.startsWith(`| ${field.label.sv} (\`${field.id}\`) |`));
      expect(row, field.id).toBeDefined();
      const others = field.column.aliases.filter((a) => a.toLowerCase() !== field.column.header.toLowerCase());
      expect(row).toBe(
        `| ${field.label.sv} (\`${field.id}\`) | ${field.column.header} | ${others.map((a) => `"${a}"`).join(', ')} |`,
      );
    }
  });
});
