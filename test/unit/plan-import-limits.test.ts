/**
 * What a hostile or just very large plan file costs the importer: notices are
 * few and short, wide CSVs are refused, unknown columns are kept only up to a
 * bound, and what does not fit a card is left out with a notice instead of
 * failing a valid file.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createCard } from '../../shared/card.ts';
import { PARTIES_MAX, TEXT_FIELD_MAX } from '../../shared/card-schema.ts';
import { setFollowUpStatus } from '../../shared/follow-up/follow-up-entry.ts';
import { INDICATOR_VALUES_MAX } from '../../shared/follow-up/round-limits.ts';
import { startRound } from '../../shared/follow-up/rounds.ts';
import { aliasesOf, columnForHeading } from '../../shared/plan/column-aliases.ts';
import { ImportError, importPlan, MAX_XLSX_COLUMNS } from '../../shared/plan/index.ts';
import { NOTICE_ID_MAX, NOTICE_MAX, NOTICES_MAX } from '../../shared/plan/notices.ts';
import { MAX_OTHER_COLUMNS } from '../../shared/plan/table-cells.ts';
import { docToPlan } from '../../shared/plan/to-plan.ts';
import { allCards, emptyBoard, HSVO } from './plan-helpers.ts';

const csv = (rows: string[][]) =>
  new TextEncoder().encode(rows.map((row) => row.map((cell) => `"${cell}"`).join(';')).join('\r\n'));

async function noticesOf(bytes: Uint8Array, name = 'plan.csv'): Promise<string[]> {
  const notices: string[] = [];
  await importPlan(bytes, name, { template: HSVO, notices });
  return notices;
}

describe('notices', () => {
  it('are at most NOTICES_MAX, then one "… and N more", each cut, ids cut to NOTICE_ID_MAX', async () => {
    const rows = Array.from({ length: 2_000 }, (_, i) => [`Z${i}${'x'.repeat(500)}`, `Kort ${i}`]);
    const notices = await noticesOf(csv([['Delmål-id', 'Aktivitet'], ...rows]));
    expect(notices).toHaveLength(NOTICES_MAX + 1);
    expect(notices.at(-1)).toBe(`… and ${2_000 - NOTICES_MAX} more.`);
    for (const notice of notices) expect(notice.length).toBeLessThanOrEqual(NOTICE_MAX);
    const quotedId = /"(Z0x*…?)"/.exec(notices[0] ?? '')?.[1] ?? '';
    expect(quotedId.length).toBe(NOTICE_ID_MAX);
  });

  it('list at most 20 rows, then "…"', async () => {
    const rows = Array.from({ length: 100 }, (_, i) => ['Z9', `Kort ${i}`]);
    const [notice] = await noticesOf(csv([['Delmål-id', 'Aktivitet'], ...rows]));
    expect(notice).toMatch(/rows 2, 3, 4, .*, 21, … are unplaced/);
  });

  it('quote a sheet name cut to 31 characters, as Excel allows', async () => {
    const book = new ExcelJS.Workbook();
    book.addWorksheet('Blad1').addRows([
      ['Delmål-id', 'Aktivitet'],
      ['Z9', 'Okänd'],
    ]);
    const zip = await JSZip.loadAsync(await book.xlsx.writeBuffer());
    const workbookXml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    const long = `Blad${'ö'.repeat(5_000)}`;
    zip.file('xl/workbook.xml', workbookXml.replace('name="Blad1"', `name="${long}"`));
    const [notice] = await noticesOf(new Uint8Array(await zip.generateAsync({ type: 'uint8array' })), 'plan.xlsx');
    expect(notice).toContain(`Excel sheet "${long.slice(0, 31)}":`);
  });
});

describe('columns', () => {
  it(`refuses a CSV wider than ${MAX_XLSX_COLUMNS} columns, naming the limit`, async () => {
    const header = ['Aktivitet', ...Array.from({ length: MAX_XLSX_COLUMNS }, (_, i) => `Extra ${i}`)];
    const error = await importPlan(csv([header, header.map(() => 'x')]), 'plan.csv', { template: HSVO }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({ code: 'invalid', message: expect.stringContaining(`at most ${MAX_XLSX_COLUMNS}`) });
  });

  it(`keeps "Övrigt" lines of at most ${MAX_OTHER_COLUMNS} unknown columns and says the rest were dropped`, async () => {
    const header = ['Aktivitet', ...Array.from({ length: 120 }, (_, i) => `Extra ${i}`)];
    const notices: string[] = [];
    const plan = await importPlan(csv([header, header.map((_, i) => `v${i}`)]), 'plan.csv', {
      template: HSVO,
      notices,
    });
    const lines = allCards(plan)[0]
      ?.activity.split('\n')
      .filter((line) => line.startsWith('Övrigt'));
    expect(lines).toHaveLength(MAX_OTHER_COLUMNS);
    expect(notices[0]).toMatch(/70 further columns were dropped/);
  });

  it('names no column by a key Object.prototype holds', () => {
    expect(aliasesOf('__proto__')).toEqual([]);
    expect(aliasesOf('constructor')).toEqual([]);
    expect(columnForHeading('__proto__')).toBeUndefined();
  });
});

describe('what does not fit a card', () => {
  it('appends only the "Övrigt" lines that fit the activity, naming the row', async () => {
    const activity = 'a'.repeat(TEXT_FIELD_MAX - 30);
    const notices: string[] = [];
    const plan = await importPlan(
      csv([
        ['Aktivitet', 'Kort', 'Lång'],
        ['Kort aktivitet', 'liten', 'stor'],
        [activity, 'ok', 'b'.repeat(200)],
      ]),
      'plan.csv',
      { template: HSVO, notices },
    );
    const [first, second] = allCards(plan);
    expect(first?.activity).toBe('Kort aktivitet\n\nÖvrigt – Kort: liten\nÖvrigt – Lång: stor');
    expect(second?.activity).toBe(`${activity}\n\nÖvrigt – Kort: ok`);
    expect(second?.activity.length).toBeLessThanOrEqual(TEXT_FIELD_MAX);
    expect(notices).toContainEqual(expect.stringMatching(/CSV, row 3: "Övrigt" lines that did not fit/));
  });

  it(`keeps the first ${PARTIES_MAX} parties, naming the row`, async () => {
    const parties = Array.from({ length: 60 }, (_, i) => `Part ${i}`).join(', ');
    const notices: string[] = [];
    const plan = await importPlan(
      csv([
        ['Aktivitet', 'Parter'],
        ['Samverkan', parties],
      ]),
      'plan.csv',
      { template: HSVO, notices },
    );
    expect(allCards(plan)[0]?.parties).toHaveLength(PARTIES_MAX);
    expect(allCards(plan)[0]?.parties.at(-1)).toBe(`Part ${PARTIES_MAX - 1}`);
    expect(notices).toContainEqual(expect.stringMatching(/CSV, row 2: only the first 50 parties were kept/));
  });
});

describe('indicator values of a round', () => {
  /** A JSON plan whose one card has `count` indicator values in its one round. */
  function planWithValues(count: number): Uint8Array {
    const doc = emptyBoard();
    createCard(doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields: { title: 'Hälsosamtal' } });
    startRound(doc, { label: '2025', date: null, startedAt: '2025-03-01T10:00:00Z', startedBy: 'Fia' }, []);
    setFollowUpStatus(doc, 'c1', '2025', 'ongoing', 'Anna');
    const plan = docToPlan(doc, HSVO);
    const card = allCards(plan)[0];
    const entry = card?.followUp[0];
    if (!entry) throw new Error('the card has no follow-up entry');
    entry.indicators = Array.from({ length: count }, (_, i) => ({ text: `Indikator ${i}`, value: i }));
    return new TextEncoder().encode(JSON.stringify(plan));
  }

  it(`are read up to ${INDICATOR_VALUES_MAX}, as the board holds them`, async () => {
    const plan = await importPlan(planWithValues(INDICATOR_VALUES_MAX), 'plan.json', { template: HSVO });
    expect(allCards(plan)[0]?.followUp[0]?.indicators).toHaveLength(INDICATOR_VALUES_MAX);
  });

  it(`refuse a file with more than ${INDICATOR_VALUES_MAX} in one entry, naming the entry and the limit`, async () => {
    const error = await importPlan(planWithValues(INDICATOR_VALUES_MAX + 1), 'plan.json', { template: HSVO }).catch(
      (thrown: unknown) => thrown,
    );
    expect(error).toBeInstanceOf(ImportError);
    expect(error).toMatchObject({
      code: 'invalid',
      message: expect.stringMatching(/followUp\[0\]\.indicators: at most 50 indicator values in one round/),
    });
  });
});
