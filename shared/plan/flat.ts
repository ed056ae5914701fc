/**
 * The flat table: one row a card, with its focus area and goal and every
 * field. The CSV export and the "Alla" sheet of the XLSX export are this
 * table, and the CSV/XLSX importers read it back, so header names are part of
 * the contract: rename one only together with a formatVersion bump.
 */
import { CARD_FIELDS, type CardField } from '../fields/card-fields.ts';
import { decisionLine } from './decision-log.ts';
import { planFieldValue, textOf } from './field-values.ts';
import { type PlanLang, type PlanWords, planWords } from './labels.ts';
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
  /** The heading of an English export (importers read it as well). */
  headerEn: string;
  /** Other headings an importer reads as this column (column-aliases.ts folds case and spacing). */
  aliases: readonly string[];
  /** Derived columns are written for readers and ignored by importers. */
  derived?: boolean;
  /** The card field (shared/fields/card-fields.ts) the column holds. */
  field?: CardField;
  value: (row: FlatRow, words: PlanWords) => string;
}

const lines = (values: string[]) => values.join('\n');

/** A registry field's column: its heading, its aliases and both UI labels, its text as the card holds it. */
const fieldColumn = (field: CardField): Column => ({
  key: field.plan.key,
  header: field.column.header,
  headerEn: field.label.en,
  aliases: [...field.column.aliases, field.label.sv, field.label.en, field.id],
  field,
  value: (r) => textOf(field.plan.kind, planFieldValue(r.card, field)),
});

/** Columns written after a field of a kind, for readers: an indicator's kind, a period's first and last day. */
const AFTER_KIND: Partial<Record<CardField['plan']['kind'], Column[]>> = {
  indicators: [
    {
      key: 'indicatorKinds',
      header: 'Indikatortyp',
      headerEn: 'Indicator kind',
      aliases: ['indikatortyp', 'indicator kind'],
      derived: true,
      value: (r, words) => lines(r.card.indicators.map((i) => words.indicatorKind[i.kind])),
    },
  ],
  period: [
    {
      key: 'periodFrom',
      header: 'Tidsram från',
      headerEn: 'Time frame from',
      aliases: ['time frame from'],
      derived: true,
      value: (r) => r.card.period.from ?? '',
    },
    {
      key: 'periodTo',
      header: 'Tidsram till',
      headerEn: 'Time frame to',
      aliases: ['time frame to'],
      derived: true,
      value: (r) => r.card.period.to ?? '',
    },
  ],
};

/** The flat table's columns: the card's place, its fields in registry order, then status and provenance. */
export const COLUMNS: readonly Column[] = [
  {
    key: 'focusAreaId',
    header: 'Fokusområde-id',
    headerEn: 'Focus area id',
    aliases: ['fokusområdes-id', 'focus area id', 'focusareaid'],
    value: (r) => r.focusAreaId,
  },
  {
    key: 'focusArea',
    header: 'Fokusområde',
    headerEn: 'Focus area',
    aliases: ['focus area'],
    derived: true,
    value: (r) => r.focusArea,
  },
  {
    key: 'goalId',
    header: 'Delmål-id',
    headerEn: 'Goal id',
    aliases: ['mål-id', 'goal id', 'goalid'],
    value: (r) => r.goalId,
  },
  { key: 'goal', header: 'Delmål', headerEn: 'Goal', aliases: ['mål', 'goal'], derived: true, value: (r) => r.goal },
  { key: 'id', header: 'Kort-id', headerEn: 'Card id', aliases: ['card id', 'id'], value: (r) => r.card.id },
  ...CARD_FIELDS.flatMap((field) => [fieldColumn(field), ...(AFTER_KIND[field.plan.kind] ?? [])]),
  {
    key: 'status',
    header: 'Status',
    headerEn: 'Status',
    aliases: [],
    value: (r, words) => words.cardStatus[r.card.status],
  },
  // Beside Status, which stays "Överenskommen" so the file imports as the group decided.
  {
    key: 'warning',
    header: 'Varning',
    headerEn: 'Warning',
    aliases: ['warning'],
    derived: true,
    value: (r, words) => missingText(r.card, words) ?? '',
  },
  // For readers: a decision comes back on import from the JSON plan only.
  {
    key: 'decision',
    header: 'Beslut',
    headerEn: 'Decision',
    aliases: ['decision'],
    derived: true,
    value: (r, words) => (r.card.decision ? decisionLine(r.card.decision, words) : ''),
  },
  { key: 'votes', header: 'Röster', headerEn: 'Votes', aliases: ['votes'], value: (r) => String(r.card.votes) },
  {
    key: 'authors',
    header: 'Författare',
    headerEn: 'Authors',
    aliases: ['authors', 'skapad av', 'created by'],
    value: (r) => lines(r.card.authors),
  },
  {
    key: 'createdAt',
    header: 'Skapad',
    headerEn: 'Created',
    aliases: ['created', 'created at'],
    value: (r) => r.card.createdAt ?? '',
  },
  { key: 'planTitle', header: 'Plan', headerEn: 'Plan', aliases: ['plan title'], value: (r) => r.planTitle },
  {
    key: 'planPeriod',
    header: 'Planperiod',
    headerEn: 'Plan period',
    aliases: ['plan period'],
    value: (r) => r.planPeriod,
  },
];

/** The parts of one follow-up entry, each its own column per period: "Uppföljning 2025: status" ("Follow-up 2025: status"). */
export const FOLLOW_UP_PARTS: readonly {
  key: keyof Omit<FollowUp, 'period' | 'indicators'>;
  header: string;
  headerEn: string;
}[] = [
  { key: 'status', header: 'status', headerEn: 'status' },
  { key: 'comment', header: 'kommentar', headerEn: 'comment' },
  { key: 'effect', header: 'effekt', headerEn: 'effect' },
  { key: 'updatedAt', header: 'uppdaterad', headerEn: 'updated' },
  { key: 'updatedBy', header: 'uppdaterad av', headerEn: 'updated by' },
];
export const FOLLOW_UP_HEADER =
  /^(?:Uppföljning|Follow-up) (.+): (status|kommentar|effekt|uppdaterad|uppdaterad av|comment|effect|updated|updated by)$/i;
export const followUpHeader = (period: string, part: string, lang: PlanLang = 'sv'): string =>
  `${lang === 'en' ? 'Follow-up' : 'Uppföljning'} ${period}: ${part}`;

function followUpValue(
  entry: FollowUp | undefined,
  key: (typeof FOLLOW_UP_PARTS)[number]['key'],
  words: PlanWords,
): string {
  if (!entry) return '';
  if (key === 'status') return words.followUpStatus[entry.status];
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

/**
 * The flat table of a plan: a header row, then one row a card. Follow-up columns only for periods in use.
 * In English the headings and the status words are English; ids, dates and the board's text stay as they are.
 */
export function planToTable(plan: PlanData, lang: PlanLang = 'sv'): string[][] {
  const words = planWords(lang);
  const rows = flatRows(plan);
  const periods = [...new Set(rows.flatMap((r) => r.card.followUp.map((f) => f.period)))].sort();
  const header = [
    ...COLUMNS.map((c) => (lang === 'en' ? c.headerEn : c.header)),
    ...periods.flatMap((p) =>
      FOLLOW_UP_PARTS.map((part) => followUpHeader(p, lang === 'en' ? part.headerEn : part.header, lang)),
    ),
  ];
  const body = rows.map((row) => [
    ...COLUMNS.map((c) => c.value(row, words)),
    ...periods.flatMap((p) => {
      const entry = row.card.followUp.find((f) => f.period === p);
      return FOLLOW_UP_PARTS.map((part) => followUpValue(entry, part.key, words));
    }),
  ]);
  return [header, ...body];
}
