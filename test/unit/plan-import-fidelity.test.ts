/**
 * Plans as people write them: headings of every spelling Samtavla shows or the
 * seed plans use, sheets that are not our "Alla", columns we do not know,
 * dated comments without a status and parties written on one line.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnForHeading, normalizeHeading } from '../../shared/plan/column-aliases.ts';
import { docToPlan, importPlan, writePlan } from '../../shared/plan/index.ts';
import { splitParties } from '../../shared/plan/table-cells.ts';
import { allCards, HSVO, NOW, NSU, sampleBoard } from './plan-helpers.ts';

const csv = (rows: string[][]) => new TextEncoder().encode(rows.map((row) => row.join(';')).join('\r\n'));

async function workbook(sheets: Record<string, string[][]>): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) book.addWorksheet(name).addRows(rows);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('column headings', () => {
  it("match the editor's labels, the seed plans' headings and English labels, in any case and spacing", () => {
    expect(normalizeHeading('  Aktiviteter   2019: ')).toBe('aktiviteter');
    const cases: [string, string][] = [
      ['Aktiviteter 2019', 'activity'],
      ['Ansvar aktivitet', 'responsible'],
      ['Ansvar för aktivitet', 'responsible'],
      ['Indikator för uppföljning', 'indicators'],
      ['INDIKATORER FÖR UPPFÖLJNING', 'indicators'],
      ['Huvudmän/parter', 'parties'],
      ['Target group', 'targetGroups'],
      ['Time frame', 'period'],
      ['Rubrik', 'title'],
    ];
    for (const [heading, key] of cases) expect([heading, columnForHeading(heading)]).toEqual([heading, key]);
    expect(columnForHeading('Budget')).toBeUndefined();
  });

  it('read a CSV written with the seed headings, keeping indicators, parties and responsible', async () => {
    const notices: string[] = [];
    const plan = await importPlan(
      csv([
        [
          'Delmål-id',
          'Prioriterat område',
          'Aktiviteter 2019',
          'Indikator för uppföljning',
          'Ansvar aktivitet',
          'Huvudmän/parter',
          'Budget',
        ],
        [
          '1.1',
          'Barn och unga',
          'Gemensam utbildning',
          'Antal utbildade',
          'Ledningsgruppen',
          'Region Uppsala, Uppsala kommun',
          '20 tkr',
        ],
      ]),
      'plan.csv',
      { template: NSU, notices },
    );
    const [card] = allCards(plan);
    expect(card?.activity).toBe('Gemensam utbildning\n\nÖvrigt – Budget: 20 tkr');
    expect(card?.indicators.map((i) => i.text)).toEqual(['Antal utbildade']);
    expect(card?.responsible).toBe('Ledningsgruppen');
    expect(card?.parties).toEqual(['Region Uppsala', 'Uppsala kommun']);
    expect(plan.focusAreas.flatMap((a) => a.goals).find((g) => g.id === '1.1')?.cards).toHaveLength(1);
    expect(notices).toEqual([expect.stringMatching(/"Budget"/)]);
  });

  it('keeps a follow-up comment that has no status, as under way', async () => {
    const plan = await importPlan(
      csv([
        ['Aktivitet', 'Uppföljning 2022: kommentar'],
        ['Samordnad vårdplanering', 'Arbetet har startat i tre kommuner'],
      ]),
      'plan.csv',
      { template: HSVO },
    );
    expect(allCards(plan)[0]?.followUp).toEqual([
      expect.objectContaining({ period: '2022', status: 'ongoing', comment: 'Arbetet har startat i tre kommuner' }),
    ]);
  });
});

describe('follow-ups', () => {
  it('reads "Kommentar <period>" as that period\'s comment, and no entry from "uppdaterad av" alone', async () => {
    const plan = await importPlan(
      csv([
        ['Aktivitet', 'Kommentar mars 2022', 'Uppföljning 2023: uppdaterad av', 'Kommentar till aktivitet'],
        ['Samordnad vårdplanering', 'Tre kommuner har börjat', 'Anna', 'Se bilaga'],
      ]),
      'plan.csv',
      { template: HSVO },
    );
    const [card] = allCards(plan);
    expect(card?.followUp).toEqual([
      expect.objectContaining({ period: 'mars 2022', status: 'ongoing', comment: 'Tre kommuner har börjat' }),
    ]);
    expect(card?.activity).toBe('Samordnad vårdplanering\n\nÖvrigt – Kommentar till aktivitet: Se bilaga');
  });
});

describe('places', () => {
  it('places a card with no goal id by the goal number or title of its "Delmål" column, and says so', async () => {
    const notices: string[] = [];
    const plan = await importPlan(
      csv([
        ['Fokusområde', 'Delmål', 'Aktivitet'],
        ['', '3.1 Vård och omsorg ska vara samordnad', 'Efter nummer'],
        ['', ` ${NSU.focusAreas[0]?.goals[1]?.title.sv.toLocaleUpperCase('sv')} `, 'Efter rubrik'],
        ['2 Effektivisera arbetssätt', '', 'På fokusområdet'],
        ['', 'Något annat', 'Ingenstans'],
      ]),
      'plan.csv',
      { template: NSU, notices },
    );
    const goal = (id: string) => plan.focusAreas.flatMap((a) => a.goals).find((g) => g.id === id);
    expect(goal('3.1')?.cards.map((c) => c.activity)).toEqual(['Efter nummer']);
    expect(plan.focusAreas.find((a) => a.id === '2')?.cards.map((c) => c.activity)).toEqual(['På fokusområdet']);
    expect(plan.unplaced.map((c) => c.activity)).toEqual(['Ingenstans']);
    expect(notices).toContainEqual(expect.stringMatching(/1 card has no goal id and is unplaced \(row 5\)/));
    expect(notices).toContainEqual(expect.stringMatching(/3 cards without a goal id were placed/));
    expect(goal('1.2')?.cards.map((c) => c.activity)).toEqual(['Efter rubrik']);
  });

  it('guesses the template from the goal ids below a title row, under any accepted heading', async () => {
    const plan = await importPlan(
      csv([
        ['Verksamhetsplan NSU 2019', ''],
        ['Mål-id', 'Aktiviteter 2019'],
        ['3.1', 'Samordnad vård'],
      ]),
      'plan.csv',
    );
    expect(plan.template.id).toBe('nsu-2019');
    expect(plan.focusAreas.flatMap((a) => a.goals).find((g) => g.id === '3.1')?.cards).toHaveLength(1);
  });

  it('reports goal ids of a JSON file the template does not know, with their card count', async () => {
    const json = JSON.parse(String((await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'json')).body));
    const goal = json.focusAreas
      .flatMap((a: { goals: { id: string; cards: unknown[] }[] }) => a.goals)
      .find((g: { cards: unknown[] }) => g.cards.length > 0);
    goal.id = 'Z9';
    const notices: string[] = [];
    await importPlan(new TextEncoder().encode(JSON.stringify(json)), 'plan.json', { notices });
    expect(notices).toEqual([
      `"Z9" is no goal or focus area of the template "hsvo-2024-2026"; its ${goal.cards.length} card${goal.cards.length === 1 ? ' is' : 's are'} unplaced.`,
    ]);
  });

  it('reports goal ids the template does not know row by row, and unplaces only those cards', async () => {
    const notices: string[] = [];
    const plan = await importPlan(
      csv([
        ['Delmål-id', 'Aktivitet'],
        ['A1', 'Placerad'],
        ['Z9', 'Okänd ett'],
        ['Z9', 'Okänd två'],
      ]),
      'plan.csv',
      { template: HSVO, notices },
    );
    expect(plan.unplaced.map((c) => c.activity)).toEqual(['Okänd ett', 'Okänd två']);
    expect(plan.focusAreas[0]?.goals[0]?.cards.map((c) => c.activity)).toEqual(['Placerad']);
    expect(notices).toEqual([expect.stringMatching(/"Z9" is no goal .* rows 3, 4 are unplaced/)]);
  });
});

describe('parties', () => {
  it('split on lines, ";" and ",", each name once, a register name with a comma kept whole', () => {
    const register = [{ id: 'x', name: 'Region Uppsala, hälso- och sjukvård', type: 'region' as const }];
    expect(
      splitParties('Heby kommun; Tierps kommun\nRegion Uppsala, hälso- och sjukvård, Heby kommun', register),
    ).toEqual(['Region Uppsala, hälso- och sjukvård', 'Heby kommun', 'Tierps kommun']);
  });
});

describe('XLSX sheets', () => {
  it('reads the first sheet with a plan header, even below a title row, when there is no "Alla"', async () => {
    const bytes = await workbook({
      Försättsblad: [['Verksamhetsplan 2019']],
      Blad1: [
        ['Verksamhetsplan NSU'],
        [],
        ['Prioriterat område', 'Aktiviteter 2019', 'Ansvar'],
        ['Äldre', 'Fallprevention', 'Kommunen'],
      ],
    });
    const plan = await importPlan(bytes, 'plan.xlsx', { template: NSU });
    expect(allCards(plan).map((c) => [c.priorityArea, c.activity, c.responsible])).toEqual([
      ['Äldre', 'Fallprevention', 'Kommunen'],
    ]);
  });

  it('skips our own per-area sheets, and says to import "Alla" when only they are left', async () => {
    const exported = await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'xlsx');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(exported.body as unknown as ArrayBuffer);
    book.removeWorksheet(book.getWorksheet('Alla')?.id ?? -1);
    const areasOnly = new Uint8Array(await book.xlsx.writeBuffer());
    await expect(importPlan(areasOnly, 'plan.xlsx')).rejects.toThrow(/import the "Alla" sheet of Samtavla's export/);
    book.addWorksheet('Blad1').addRows([['Aktivitet'], ['Egen rad']]);
    const withOwn = await importPlan(new Uint8Array(await book.xlsx.writeBuffer()), 'plan.xlsx');
    expect(allCards(withOwn).map((c) => c.activity)).toEqual(['Egen rad']);
  });

  it('names the problem when no sheet holds a plan table', async () => {
    const bytes = await workbook({
      Blad1: [
        ['Budget', 'Summa'],
        ['Resor', '100'],
      ],
    });
    await expect(importPlan(bytes, 'plan.xlsx', { template: NSU })).rejects.toThrow(
      /No sheet of the workbook has a plan table/,
    );
  });
});
