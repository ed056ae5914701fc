/**
 * Plan data 1.1: agreed cards that lost a required field are warned about, and
 * sticky notes left on a goal are listed as "Anteckningar", in the plan data
 * and in every export.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { canvasMap } from '../../shared/board-doc.ts';
import { richTextToPlain } from '../../shared/canvas-notes.ts';
import { createCard, setCardStatus, setCardText } from '../../shared/card.ts';
import { docToPlan, importPlan, type PlanData, writePlan } from '../../shared/plan/index.ts';
import { TABLE_HEADINGS } from '../../shared/plan/labels.ts';
import { PLAN_FORMAT_VERSION } from '../../shared/plan/schema.ts';
import { noteShape } from '../helpers/canvas-records.ts';
import { cellText, DOCX_STYLE_MAP, emptyBoard, HSVO, NOW } from './plan-helpers.ts';

/** A board with an agreed card that has since lost its Ansvar, a draft missing everything, and notes. */
function boardWithNotesAndWarnings(): Y.Doc {
  const doc = emptyBoard();
  const complete = {
    title: 'SIP i primärvården',
    activity: 'Införa gemensam rutin för SIP',
    indicator: 'Rutin framtagen (Ja/Nej)',
    responsible: 'Tjänsteledning HSVO',
  };
  createCard(doc, { id: 'c-agreed', goalId: 'B1', order: 1, createdBy: 'Anna', fields: complete });
  expect(setCardStatus(doc, 'c-agreed', 'agreed')).toEqual([]);
  setCardText(doc, 'c-agreed', 'responsible', '  ');
  createCard(doc, { id: 'c-fine', goalId: 'B1', order: 2, createdBy: 'Anna', fields: complete });
  setCardStatus(doc, 'c-fine', 'agreed');
  createCard(doc, { id: 'c-draft', goalId: 'A1', order: 1, createdBy: 'Anna', fields: { activity: 'Utkast' } });
  const canvas = canvasMap(doc);
  const note = (id: string, text: string, meta: Record<string, unknown>, y = 0, x = 0) =>
    canvas.set(id, noteShape(id, text, meta, { x, y }));
  note('shape:n-low', 'Fler mötesplatser\n\nför unga', { goalId: 'B1' }, 500);
  note('shape:n-high', 'Fråga  **vårdcentralen** <b>', { goalId: 'B1' }, 100);
  note('shape:n-area', 'Hela området', { goalId: 'A' });
  note('shape:n-outside', 'Utanför', { goalId: null });
  note('shape:n-old', 'Före 1.1', {});
  note('shape:n-unknown', 'Okänt delmål', { goalId: 'Z9' });
  note('shape:n-empty', '', { goalId: 'B1' });
  return doc;
}

let plan: PlanData;
beforeAll(() => {
  plan = docToPlan(boardWithNotesAndWarnings(), HSVO, { boardId: 'b', now: NOW });
});

const goal = (id: string) => plan.focusAreas.flatMap((a) => a.goals).find((g) => g.id === id);

describe('plan data 1.1', () => {
  it('warns about an agreed card missing a required field, and only about it', () => {
    expect(plan.formatVersion).toBe(PLAN_FORMAT_VERSION);
    expect(plan.warnings).toEqual([{ kind: 'agreed-missing', cardId: 'c-agreed', fields: ['responsible'] }]);
    // The card stays agreed, as the group decided.
    expect(goal('B1')?.cards.map((c) => [c.id, c.status])).toEqual([
      ['c-agreed', 'agreed'],
      ['c-fine', 'agreed'],
    ]);
  });

  it('lists the notes of each goal and area by position, as plain text, leaving out the rest', () => {
    expect(goal('B1')?.notes).toEqual([
      { id: 'shape:n-high', text: 'Fråga  **vårdcentralen** <b>' },
      { id: 'shape:n-low', text: 'Fler mötesplatser\nför unga' },
    ]);
    expect(plan.focusAreas.find((a) => a.id === 'A')?.notes).toEqual([{ id: 'shape:n-area', text: 'Hela området' }]);
    const all = plan.focusAreas.flatMap((a) => [...a.notes, ...a.goals.flatMap((g) => g.notes)]);
    expect(all).toHaveLength(3);
  });

  it('validates against the published JSON Schema', async () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../shared/plan/samverkansplan.schema.json', import.meta.url), 'utf8'),
    );
    const ajv = new Ajv2020({ allErrors: true, strict: true });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    const json = JSON.parse(String((await writePlan(plan, 'json')).body));
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    expect(json.warnings).toEqual(plan.warnings);
    // A 1.0 file (no notes, no warnings) is still valid; a 2.0 one is not.
    const old = { ...json, formatVersion: '1.0', warnings: undefined };
    old.focusAreas = json.focusAreas.map(({ notes: _n, ...area }: { notes: unknown; goals: { notes: unknown }[] }) => ({
      ...area,
      goals: area.goals.map(({ notes: _g, ...goal }) => goal),
    }));
    expect(validate(JSON.parse(JSON.stringify(old))), JSON.stringify(validate.errors)).toBe(true);
    expect(validate({ ...json, formatVersion: '2.0' })).toBe(false);
  });
});

describe('every export shows warnings and notes', () => {
  it('Markdown: the status cell names what is missing; the notes follow the goal table', async () => {
    const md = String((await writePlan(plan, 'md')).body);
    expect(md).toContain('| Överenskommen, men saknar: Ansvar |');
    expect(md).toContain('| Överenskommen |');
    expect(md).toContain(
      '**Anteckningar**\n\n- Fråga  \\*\\*vårdcentralen\\*\\* &lt;b\\>\n- Fler mötesplatser  \n  för unga\n',
    );
    expect(md).toContain('- Hela området');
    expect(md).not.toContain('Utanför');
  });

  it('CSV: a "Varning" column beside Status, which stays Överenskommen so the file imports as agreed', async () => {
    const csv = String((await writePlan(plan, 'csv')).body);
    const [header, ...rows] = csv.replace(/^\uFEFF/, '').split('\r\n');
    const cells = header?.split(';') ?? [];
    const row = rows.map((r) => r.split(';')).find((r) => r[cells.indexOf('Kort-id')] === 'c-agreed') ?? [];
    expect(row[cells.indexOf('Status')]).toBe('Överenskommen');
    expect(row[cells.indexOf('Varning')]).toBe('Överenskommen, men saknar: Ansvar');
    const back = await importPlan(new TextEncoder().encode(csv), 'plan.csv', { template: HSVO });
    expect(back.focusAreas[1]?.goals[0]?.cards[0]?.status).toBe('agreed');
  });

  it('XLSX: the status cell on the area sheet, the Varning column on "Alla", notes under the goal', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writePlan(plan, 'xlsx')).body as unknown as ArrayBuffer);
    const b = workbook.getWorksheet('B Nära vård');
    const texts: string[] = [];
    const statuses: string[] = [];
    b?.eachRow((row) => {
      texts.push(cellText(row.getCell(1).value));
      statuses.push(cellText(row.getCell(TABLE_HEADINGS.length).value));
    });
    const warned = statuses.indexOf('Överenskommen, men saknar: Ansvar');
    expect(warned).toBeGreaterThan(0);
    const notes = texts.indexOf('Anteckningar');
    expect(notes).toBeGreaterThan(warned);
    expect(texts.slice(notes + 1, notes + 3)).toEqual([
      '• Fråga  **vårdcentralen** <b>',
      '• Fler mötesplatser\nför unga',
    ]);
    const all = workbook.getWorksheet('Alla');
    const header = ((all?.getRow(1).values ?? []) as ExcelJS.CellValue[]).map(cellText);
    const rows = Array.from({ length: (all?.rowCount ?? 1) - 1 }, (_, n) => all?.getRow(n + 2));
    const agreed = rows.find((row) => cellText(row?.getCell(header.indexOf('Kort-id')).value) === 'c-agreed');
    expect(cellText(agreed?.getCell(header.indexOf('Varning')).value)).toBe('Överenskommen, men saknar: Ansvar');
  });

  it('DOCX: the status cell names what is missing; the notes are a list headed Anteckningar', async () => {
    const bytes = (await writePlan(plan, 'docx')).body as Uint8Array;
    const { value: html, messages } = await mammoth.convertToHtml({ buffer: Buffer.from(bytes) }, DOCX_STYLE_MAP);
    expect(messages).toEqual([]);
    expect(html).toContain('Överenskommen, men saknar: Ansvar');
    expect(html).toContain(
      '<p><strong>Anteckningar</strong></p><ul><li>Fråga  **vårdcentralen** &lt;b&gt;</li><li>Fler mötesplatser<br />för unga</li></ul>',
    );
  });
});

describe('reading plan files of every 1.x', () => {
  it('imports a 1.1 file with its notes and warnings, and a 1.0 file without notes (warnings derived)', async () => {
    const json = JSON.parse(String((await writePlan(plan, 'json')).body));
    const current = await importPlan(new TextEncoder().encode(JSON.stringify(json)), 'plan.json');
    expect(current.warnings).toEqual(plan.warnings);

    const old = structuredClone(json);
    old.formatVersion = '1.0';
    delete old.warnings;
    for (const area of old.focusAreas) {
      delete area.notes;
      for (const g of area.goals) delete g.notes;
    }
    const read = await importPlan(new TextEncoder().encode(JSON.stringify(old)), 'plan.json');
    expect(read.formatVersion).toBe(PLAN_FORMAT_VERSION);
    // Warnings are derived from the cards, so a 1.0 file has them too.
    expect(read.warnings).toEqual(plan.warnings);
    expect(read.focusAreas[1]?.goals[0]?.notes).toEqual([]);
    expect(read.focusAreas[1]?.goals[0]?.cards.map((c) => c.id)).toEqual(['c-agreed', 'c-fine']);
  });

  it('reads a later 1.x, dropping what it does not know', async () => {
    const json = JSON.parse(String((await writePlan(plan, 'json')).body));
    const later = { ...json, formatVersion: '1.7', somethingNew: [1, 2] };
    const read = await importPlan(new TextEncoder().encode(JSON.stringify(later)), 'plan.json');
    expect(read.formatVersion).toBe(PLAN_FORMAT_VERSION);
    expect(read).not.toHaveProperty('somethingNew');
  });

  it('reads a later 1.x with a warning kind it does not know, recomputing warnings and saying fields were not read', async () => {
    const json = JSON.parse(String((await writePlan(plan, 'json')).body));
    const later = {
      ...json,
      formatVersion: '1.5',
      warnings: [...json.warnings, { kind: 'stale-follow-up', cardId: 'c-fine', since: '2025' }, 'odd'],
    };
    const notices: string[] = [];
    const read = await importPlan(new TextEncoder().encode(JSON.stringify(later)), 'plan.json', { notices });
    expect(read.warnings).toEqual(plan.warnings);
    expect(notices).toEqual([
      expect.stringMatching(/version 1\.5, newer than .* 1\.4; fields of a newer version were not read/),
    ]);
    const current: string[] = [];
    await importPlan(new TextEncoder().encode(JSON.stringify(json)), 'plan.json', { notices: current });
    expect(current).toEqual([]);
  });

  it('refuses 2.0, saying it is a newer major version and to update', async () => {
    const json = JSON.parse(String((await writePlan(plan, 'json')).body));
    const bytes = new TextEncoder().encode(JSON.stringify({ ...json, formatVersion: '2.0' }));
    await expect(importPlan(bytes, 'plan.json')).rejects.toMatchObject({
      code: 'format-version',
      message: expect.stringMatching(/2\.0, a newer major version .* \(1\.x\)\. Update Samtavla/),
    });
  });
});

describe('richTextToPlain', () => {
  it('reads paragraphs, hard breaks and nested lists, trimmed, blank lines dropped', () => {
    const doc = {
      type: 'doc',
      content: [
        {
          type: 'paragraph',
          content: [{ type: 'text', text: ' Hej ' }, { type: 'hardBreak' }, { type: 'text', text: 'du' }],
        },
        { type: 'paragraph' },
        {
          type: 'bulletList',
          content: [{ type: 'listItem', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'punkt' }] }] }],
        },
      ],
    };
    expect(richTextToPlain(doc, 100)).toBe('Hej\ndu\npunkt');
  });

  it('survives garbage and very deep nesting, and stops at the limit', () => {
    for (const junk of [null, 5, 'text', [], { content: 'x' }, { type: 'text', text: 7 }]) {
      expect(richTextToPlain(junk, 100)).toBe('');
    }
    let deep: unknown = { type: 'text', text: 'botten' };
    for (let i = 0; i < 100_000; i++) deep = { type: 'x', content: [deep] };
    expect(() => richTextToPlain(deep, 100)).not.toThrow();
    const long = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'text', text: 'a'.repeat(10_000) }] }],
    };
    expect(richTextToPlain(long, 200)).toHaveLength(200);
  });
});
