/**
 * The real rows of the NSU 2019 plan, as a person would bring them in: a
 * spreadsheet with our column headers (CSV, or the "Alla" sheet of a
 * workbook), imported onto an NSU 2019 board and exported again.
 */
import { readFileSync } from 'node:fs';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { docToPlan, importPlan, type PlanCard, type PlanData, planToDoc, writePlan } from '../../shared/plan/index.ts';
import { NOW, NSU } from './plan-helpers.ts';

interface FixtureRow {
  id: string;
  focusAreaId: string;
  goalId: string;
  targetGroup: string | null;
  priorityArea: string;
  activity: string;
  indicator: string;
  responsible: string;
  period: string;
}

const fixture = JSON.parse(readFileSync(new URL('../fixtures/nsu-2019-plan.json', import.meta.url), 'utf8')) as {
  templateId: string;
  rows: FixtureRow[];
};

const HEADER = [
  'Fokusområde-id',
  'Delmål-id',
  'Kort-id',
  'Prioriterat område',
  'Aktivitet',
  'Indikatorer för uppföljning',
  'Ansvar',
  'Målgrupp',
  'Tidsram',
];
const table = [
  HEADER,
  ...fixture.rows.map((r) => [
    r.focusAreaId,
    r.goalId,
    r.id,
    r.priorityArea,
    r.activity,
    r.indicator,
    r.responsible,
    r.targetGroup ?? '',
    r.period,
  ]),
];

async function asXlsx(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Alla');
  for (const row of table) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const asCsv = () => new TextEncoder().encode(`\uFEFF${Papa.unparse(table, { delimiter: ';' })}`);

/** Import the file (no template given: the goal ids pick NSU 2019), build the board, export it as JSON. */
async function importAndExport(bytes: Uint8Array, name: string): Promise<PlanData> {
  const imported = await importPlan(bytes, name, { title: 'NSU 2019' });
  expect(imported.template.id).toBe(fixture.templateId);
  const board = planToDoc(imported, NSU, { now: NOW });
  const file = await writePlan(docToPlan(board, NSU, { now: NOW }), 'json');
  return JSON.parse(String(file.body));
}

function cardsWithPlace(plan: PlanData): { areaId: string; goalId: string; card: PlanCard }[] {
  return plan.focusAreas.flatMap((area) =>
    area.goals.flatMap((goal) => goal.cards.map((card) => ({ areaId: area.id, goalId: goal.id, card }))),
  );
}

describe.each([
  ['CSV', asCsv, 'nsu-2019.csv'],
  ['XLSX', asXlsx, 'nsu-2019.xlsx'],
] as const)('the NSU 2019 plan through %s', (_format, makeFile, name) => {
  it('comes back with every row on its goal, in plan order, every field verbatim', async () => {
    const plan = await importAndExport(await makeFile(), name);
    expect(plan.template.id).toBe('nsu-2019');
    expect(plan.board.planPeriod).toEqual({ from: '2019-01-01', to: '2019-12-31' });
    expect(plan.unplaced).toEqual([]);
    const placed = cardsWithPlace(plan);
    expect(placed.map((p) => p.card.id)).toEqual(fixture.rows.map((r) => r.id));
    for (const [i, row] of fixture.rows.entries()) {
      const { areaId, goalId, card } = placed[i] ?? {};
      expect({ areaId, goalId, ...card }, row.id).toEqual({
        areaId: row.focusAreaId,
        goalId: row.goalId,
        id: row.id,
        title: '',
        priorityArea: row.priorityArea,
        activity: row.activity,
        indicators: row.indicator.split('\n').map((text) => ({ text, kind: expect.any(String) })),
        effectMeasure: '',
        responsible: row.responsible,
        targetGroups: row.targetGroup ? [row.targetGroup] : [],
        parties: [],
        period: { label: '2019', from: '2019-01-01', to: '2019-12-31' },
        status: 'draft',
        followUp: [],
        votes: 0,
        decision: null,
        authors: [],
        createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      });
    }
  });

  it('keeps the goal without rows (3.3) as an empty goal', async () => {
    const plan = await importAndExport(await makeFile(), name);
    const goal = plan.focusAreas[2]?.goals.find((g) => g.id === '3.3');
    expect(goal?.cards).toEqual([]);
    expect(goal?.title).toMatch(/handlingsplan ”psykisk hälsa”/);
  });
});

describe('the NSU 2019 indicators', () => {
  it('are guessed as the plan wrote them: yes/no questions, one count and one percentage', async () => {
    const plan = await importAndExport(asCsv(), 'nsu-2019.csv');
    const kinds = cardsWithPlace(plan).flatMap((p) => p.card.indicators.map((i) => i.kind));
    expect(kinds.filter((k) => k === 'count')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'percent')).toHaveLength(1);
    expect(kinds.filter((k) => k === 'text')).toHaveLength(0);
    expect(kinds.filter((k) => k === 'yesno').length).toBe(kinds.length - 2);
  });
});
