import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { planToTable } from '../../shared/plan/flat.ts';
import { docToPlan, type PlanData } from '../../shared/plan/index.ts';
import { PLAN_FORMAT_VERSION } from '../../shared/plan/schema.ts';
import { writeXlsx } from '../../shared/plan/write-xlsx.ts';
import { sheetName } from '../../shared/plan/xlsx-layout.ts';
import { allCards, cellText, SEED_PLAN_HEADINGS as HEADINGS, HSVO, NOW, sampleBoard } from './plan-helpers.ts';

let plan: PlanData;
let workbook: ExcelJS.Workbook;
const rowTexts = (sheet: ExcelJS.Worksheet, n: number) =>
  Array.from({ length: sheet.columnCount }, (_, i) => cellText(sheet.getRow(n).getCell(i + 1).value));
const sheet = (name: string) => {
  const found = workbook.getWorksheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

beforeAll(async () => {
  plan = docToPlan(sampleBoard(), HSVO, { boardId: 'board-1', now: NOW });
  workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeXlsx(plan)) as unknown as ArrayBuffer);
});

describe('XLSX export', () => {
  it('has a sheet per focus area, one for unplaced cards, "Alla" and "Om planen"', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual([
      'A Förebyggande och…',
      'B Nära vård',
      'C Kompetensförsörjning',
      'D Krishantering och beredskap',
      'Ej placerade aktiviteter',
      'Alla',
      'Om planen',
    ]);
  });

  it('gives each area sheet the seed layout: a styled, frozen header row and sized, wrapping columns', () => {
    const b = sheet('B Nära vård');
    expect(rowTexts(b, 1)).toEqual(HEADINGS);
    const header = b.getRow(1).getCell(1);
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' });
    expect(b.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(b.columns.map((c) => c.width)).toEqual([26, 40, 34, 26, 22, 18, 24, 14, 24]);
    expect(b.getRow(4).getCell(2).alignment?.wrapText).toBe(true);
    // Rows are as tall as their wrapped text (three activity lines here), and every cell names its font.
    expect(b.getRow(4).height).toBeGreaterThanOrEqual(45);
    b.getRow(4).eachCell({ includeEmpty: true }, (cell) => expect(cell.font?.name).toBe('Calibri'));
    expect(b.pageSetup).toMatchObject({ orientation: 'landscape', fitToWidth: 1 });
  });

  it("sizes rows for word wrap (≈ 0.9 characters a width unit, a line of slack) up to Excel's 409 points", async () => {
    const base = allCards(plan)[0];
    if (!base) throw new Error('no card');
    const card = (activity: string) => ({
      ...base,
      title: '',
      priorityArea: '',
      activity,
      indicators: [],
      responsible: '',
      targetGroups: [],
      parties: [],
      period: { label: '', from: null, to: null },
      status: 'draft' as const,
      followUp: [],
    });
    const sized = structuredClone(plan);
    const goal = sized.focusAreas[1]?.goals[0];
    if (!goal) throw new Error('no goal');
    // The activity column is 40 wide: 40 characters wrap at ≈ 36, so two lines and one of slack.
    goal.cards = [card('x'.repeat(40)), card('Kort'), card('ord '.repeat(1_250))];
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await writeXlsx(sized)) as unknown as ArrayBuffer);
    const b = book.getWorksheet('B Nära vård');
    expect([4, 5, 6].map((n) => b?.getRow(n).height)).toEqual([45, 15, 409]);
  });

  it('shows goals as merged group rows with their direction, then one row per card', () => {
    const b = sheet('B Nära vård');
    expect(cellText(b.getCell('A2').value)).toBe('B1 Vården är personcentrerad, samordnad och tillgänglig');
    expect(b.getCell('A2').isMerged).toBe(true);
    expect(b.getCell('H2').master.address).toBe('A2');
    expect(b.getCell('A2').font?.bold).toBe(true);
    expect(cellText(b.getCell('A3').value)).toMatch(/^Inriktning: /);
    expect(rowTexts(b, 4)).toEqual([
      'Samordnad individuell plan',
      'SIP i primärvården\nInföra gemensam rutin för SIP\nUtbilda personal "SIP-ambassadörer"; två per enhet',
      'Rutin framtagen (Ja/Nej)\nAntal utbildade ambassadörer\nAndel SIP inom 14 dagar (procent)',
      'Färre oplanerade återinläggningar\nmätt som andel inom 30 dagar',
      'Tjänsteledning HSVO',
      'Äldre\nPersoner med psykisk ohälsa',
      'Region Uppsala\nHeby kommun\nArbetsförmedlingen',
      '2025',
      'Överenskommen\n2024: Genomförd – Förstudie\n2025: Pågående – Rutinen är klar; utbildningen "pågår"',
    ]);
    // The card title is bold rich text above the activity.
    const activity = b.getCell('B4').value as ExcelJS.CellRichTextValue;
    expect(activity.richText[0]).toMatchObject({ text: 'SIP i primärvården', font: { bold: true } });
    // B2 has no cards: its group row is followed by a note.
    expect(cellText(b.getCell('A5').value)).toMatch(/^B2 /);
    expect(cellText(b.getCell('A7').value)).toBe('Inga aktiviteter.');
  });

  it('puts area-level cards before the goals, in board order within a goal', () => {
    const a = sheet('A Förebyggande och…');
    expect(cellText(a.getCell('B2').value)).toBe('Kort på fokusområdet');
    expect(cellText(a.getCell('A3').value)).toMatch(/^A1 /);
    expect([5, 6, 7].map((n) => cellText(a.getRow(n).getCell(2).value))).toEqual([
      'Tie A <script>alert(1)</script> | pipe',
      'Tie B',
      '=HYPERLINK("http://example.invalid")',
    ]);
    // Text that looks like a formula stays text in XLSX.
    expect(typeof a.getCell('B7').value).toBe('string');
  });

  it('drops characters XML cannot hold instead of writing a broken file', () => {
    expect(cellText(sheet('D Krishantering och beredskap').getCell('B4').value)).toBe('Övning med kontrolltecken');
  });

  it('has the flat table on "Alla", with a filter and a frozen header', () => {
    const all = sheet('Alla');
    const [header = [], ...rows] = planToTable(plan);
    expect(rowTexts(all, 1)).toEqual(header);
    expect(all.rowCount).toBe(rows.length + 1);
    const sip = rows.findIndex((row) => row.includes('c-b1'));
    const typed = (cell: ExcelJS.CellValue) =>
      cell instanceof Date ? cell.toISOString().slice(0, 10) : cellText(cell);
    const texts = Array.from({ length: all.columnCount }, (_, i) => typed(all.getRow(sip + 2).getCell(i + 1).value));
    expect(texts).toEqual(rows[sip]?.map((v) => v.replace('\u0007', '')));
    // Numbers and dates are typed, so they sum and sort in Excel.
    const at = (name: string) => header.indexOf(name) + 1;
    expect(typeof all.getRow(sip + 2).getCell(at('Röster')).value).toBe('number');
    expect(all.getRow(sip + 2).getCell(at('Tidsram från')).value).toBeInstanceOf(Date);
    expect(all.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1 });
    expect(all.autoFilter).toBeTruthy();
    expect(all.getRow(1).getCell(1).font?.bold).toBe(true);
  });

  it('records the board and template on "Om planen"', () => {
    const info = sheet('Om planen');
    const pairs = Object.fromEntries(
      Array.from({ length: info.rowCount }, (_, i) => rowTexts(info, i + 1).slice(0, 2) as [string, string]),
    );
    expect(pairs).toMatchObject({
      Format: 'samverkansplan',
      Formatversion: PLAN_FORMAT_VERSION,
      Titel: 'Samverkansplan Heby 2025',
      'Mall-id': 'hsvo-2024-2026',
      'Planperiod från': '2024-01-01',
      'Planperiod till': '2026-12-31',
      'Tavlans id': 'board-1',
      Exporterad: '2025-03-01T10:00:00.000Z',
    });
  });
});

describe('sheetName', () => {
  it('makes names Excel accepts: no forbidden characters, at most 31 long, unique, not History', () => {
    const taken = new Set(['alla']);
    expect(sheetName('1.2 Mål: [del]/plan*?', taken)).toBe('1.2 Mål del plan');
    expect(sheetName('Alla', taken)).toBe('Alla (2)');
    expect(sheetName('alla', taken)).toBe('alla (3)');
    expect(sheetName('History', taken)).toBe('History 1');
    expect(sheetName("'quoted'", taken)).toBe('quoted');
    const long = sheetName('3 Förändra vårdstrukturen och kraftsamla kring vissa grupper', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).toBe('3 Förändra vårdstrukturen och…');
    expect(sheetName('3 Förändra vårdstrukturen och kraftsamla', taken)).toBe('3 Förändra vårdstrukturen… (2)');
  });
});
