/**
 * The flat table: one row a card, with its focus area and goal and every
 * field. The CSV export and the "Alla" sheet of the XLSX export are this
 * table, and the CSV/XLSX importers read it back, so header names are part of
 * the contract: rename one only together with a formatVersion bump.
 */
import { CARD_STATUS_LABEL, FOLLOW_UP_STATUS_LABEL, INDICATOR_KIND_LABEL } from './labels.ts';
import type { FollowUp, PlanCard, PlanData } from './schema.ts';
import { missingText } from './warnings.ts';

export interface FlatRow {
  /** The board's title and plan period ("2025-01-01–2025-12-31") on every row, so a CSV keeps them. */
  planTitle: string;
  planPeriod: string;
  focusAreaId: string;
  focusArea: string;
  goalId: string;
  goal: string;
  card: PlanCard;
}

export interface Column {
  key: string;
  header: string;
  /** Derived columns are written for readers and ignored by importers. */
  derived?: boolean;
  value: (row: FlatRow) => string;
}

const lines = (values: string[]) => values.join('\n');

export const COLUMNS: readonly Column[] = [
  { key: 'focusAreaId', header: 'Fokusområde-id', value: (r) => r.focusAreaId },
  { key: 'focusArea', header: 'Fokusområde', derived: true, value: (r) => r.focusArea },
  { key: 'goalId', header: 'Delmål-id', value: (r) => r.goalId },
  { key: 'goal', header: 'Delmål', derived: true, value: (r) => r.goal },
  { key: 'id', header: 'Kort-id', value: (r) => r.card.id },
  { key: 'title', header: 'Rubrik', value: (r) => r.card.title },
  { key: 'priorityArea', header: 'Prioriterat område', value: (r) => r.card.priorityArea },
  { key: 'activity', header: 'Aktivitet', value: (r) => r.card.activity },
  {
    key: 'indicators',
    header: 'Indikatorer för uppföljning',
    value: (r) => lines(r.card.indicators.map((i) => i.text)),
  },
  {
    key: 'indicatorKinds',
    header: 'Indikatortyp',
    derived: true,
    value: (r) => lines(r.card.indicators.map((i) => INDICATOR_KIND_LABEL[i.kind])),
  },
  { key: 'responsible', header: 'Ansvar', value: (r) => r.card.responsible },
  { key: 'targetGroups', header: 'Målgrupp', value: (r) => lines(r.card.targetGroups) },
  { key: 'parties', header: 'Parter', value: (r) => lines(r.card.parties) },
  { key: 'period', header: 'Tidsram', value: (r) => r.card.period.label },
  { key: 'periodFrom', header: 'Tidsram från', derived: true, value: (r) => r.card.period.from ?? '' },
  { key: 'periodTo', header: 'Tidsram till', derived: true, value: (r) => r.card.period.to ?? '' },
  { key: 'status', header: 'Status', value: (r) => CARD_STATUS_LABEL[r.card.status] },
  // Beside Status, which stays "Överenskommen" so the file imports as the group decided.
  { key: 'warning', header: 'Varning', derived: true, value: (r) => missingText(r.card) ?? '' },
  { key: 'votes', header: 'Röster', value: (r) => String(r.card.votes) },
  { key: 'authors', header: 'Författare', value: (r) => lines(r.card.authors) },
  { key: 'createdAt', header: 'Skapad', value: (r) => r.card.createdAt ?? '' },
  { key: 'planTitle', header: 'Plan', value: (r) => r.planTitle },
  { key: 'planPeriod', header: 'Planperiod', value: (r) => r.planPeriod },
];

/** The parts of one follow-up entry, each its own column per period: "Uppföljning 2025: status". */
export const FOLLOW_UP_PARTS: readonly { key: keyof Omit<FollowUp, 'period'>; header: string }[] = [
  { key: 'status', header: 'status' },
  { key: 'comment', header: 'kommentar' },
  { key: 'effect', header: 'effekt' },
  { key: 'updatedAt', header: 'uppdaterad' },
  { key: 'updatedBy', header: 'uppdaterad av' },
];
export const FOLLOW_UP_HEADER = /^Uppföljning (.+): (status|kommentar|effekt|uppdaterad|uppdaterad av)$/i;
export const followUpHeader = (period: string, part: string): string => `Uppföljning ${period}: ${part}`;

function followUpValue(entry: FollowUp | undefined, key: (typeof FOLLOW_UP_PARTS)[number]['key']): string {
  if (!entry) return '';
  if (key === 'status') return FOLLOW_UP_STATUS_LABEL[entry.status];
  return entry[key] ?? '';
}

/** Every card of a plan with its place, in plan order (area cards before the area's goals, unplaced last). */
export function flatRows(plan: PlanData): FlatRow[] {
  const rows: FlatRow[] = [];
  const { title, planPeriod } = plan.board;
  const board = { planTitle: title, planPeriod: `${planPeriod.from}–${planPeriod.to}` };
  for (const area of plan.focusAreas) {
    const place = { ...board, focusAreaId: area.id, focusArea: area.title };
    for (const card of area.cards) rows.push({ ...place, goalId: '', goal: '', card });
    for (const goal of area.goals) {
      for (const card of goal.cards) rows.push({ ...place, goalId: goal.id, goal: goal.title, card });
    }
  }
  for (const card of plan.unplaced) rows.push({ ...board, focusAreaId: '', focusArea: '', goalId: '', goal: '', card });
  return rows;
}

/** The flat table of a plan: a header row, then one row a card. Follow-up columns only for periods in use. */
export function planToTable(plan: PlanData): string[][] {
  const rows = flatRows(plan);
  const periods = [...new Set(rows.flatMap((r) => r.card.followUp.map((f) => f.period)))].sort();
  const header = [
    ...COLUMNS.map((c) => c.header),
    ...periods.flatMap((p) => FOLLOW_UP_PARTS.map((part) => followUpHeader(p, part.header))),
  ];
  const body = rows.map((row) => [
    ...COLUMNS.map((c) => c.value(row)),
    ...periods.flatMap((p) => {
      const entry = row.card.followUp.find((f) => f.period === p);
      return FOLLOW_UP_PARTS.map((part) => followUpValue(entry, part.key));
    }),
  ]);
  return [header, ...body];
}
