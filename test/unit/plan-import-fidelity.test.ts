/**
 * Plans as people write them: headings of every spelling Samtavla shows or the
 * seed plans use, sheets that are not our "Alla", columns we do not know,
 * dated comments without a status and parties written on one line.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnForHeading, normalizeHeading } from '../../shared/plan/column-aliases.ts';
import { splitParties } from '../../shared/plan/from-table.ts';
import { importPlan } from '../../shared/plan/index.ts';
import { allCards, HSVO, NSU } from './plan-helpers.ts';

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

describe('places', () => {
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
