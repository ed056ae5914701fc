/**
 * The flat table (CSV, or the XLSX "Alla" sheet) → plan data. Cards are placed
 * on the given template by their goal id (or focus-area id when the goal is
 * empty); any other place makes them unplaced. Each row is validated on its
 * own so an error can name its row and column.
 */
import { randomId } from '../ids.ts';
import type { Template } from '../template.ts';
import { ImportError, tooManyCards } from './errors.ts';
import { COLUMNS, FOLLOW_UP_HEADER, FOLLOW_UP_PARTS } from './flat.ts';
import { toIndicators } from './indicators.ts';
import { CARD_STATUS_LABEL, FOLLOW_UP_STATUS_LABEL, fromLabel } from './labels.ts';
import { toPeriod } from './period.ts';
import { emptyPlan, type PlanShell } from './plan-shell.ts';
import { type FollowUp, type PlanCard, PlanCardSchema, type PlanData } from './schema.ts';
import { toLines, toTimestamp } from './to-plan.ts';

export interface TableSource {
  /** "CSV" or "XLSX sheet Alla", for messages. */
  name: string;
  sheet?: string;
}

type Cells = (key: string) => string;

/** Header cell → column key; accepts our Swedish headers and the plain keys, in any case. */
function headerIndex(header: string[], source: TableSource): Map<string, number> {
  const index = new Map<string, number>();
  header.forEach((cell, i) => {
    const name = cell.trim().toLocaleLowerCase('sv');
    const column = COLUMNS.find((c) => c.header.toLocaleLowerCase('sv') === name || c.key.toLowerCase() === name);
    if (column && !column.derived) index.set(column.key, i);
    const followUp = FOLLOW_UP_HEADER.exec(cell.trim());
    if (followUp?.[1] && followUp[2]) {
      const part = FOLLOW_UP_PARTS.find((p) => p.header === followUp[2]?.toLowerCase());
      if (part) index.set(`followUp\u0000${followUp[1].trim()}\u0000${part.key}`, i);
    }
  });
  if (!index.has('activity') && !index.has('title')) {
    throw new ImportError(
      'invalid',
      `${source.name}: the first row must be the header row of a Samtavla plan table (with at least the column "Aktivitet" or "Rubrik").`,
      { row: 1, sheet: source.sheet },
    );
  }
  return index;
}

function fail(source: TableSource, row: number, field: string, problem: string): never {
  throw new ImportError('invalid', `${source.name}, row ${row}, column "${field}": ${problem}`, {
    row,
    field,
    sheet: source.sheet,
  });
}

const headerOf = (key: string) => COLUMNS.find((c) => c.key === key)?.header ?? key;

function readFollowUps(cells: Cells, periods: string[], failAt: (field: string, problem: string) => never): FollowUp[] {
  const entries: FollowUp[] = [];
  for (const period of periods) {
    const part = (key: string) => cells(`followUp\u0000${period}\u0000${key}`);
    if (FOLLOW_UP_PARTS.every((p) => part(p.key).trim() === '')) continue;
    const statusText = part('status');
    const status = fromLabel(FOLLOW_UP_STATUS_LABEL, statusText);
    if (!status) failAt(`Uppföljning ${period}: status`, `unknown follow-up status "${statusText}"`);
    const updatedAt = part('updatedAt').trim();
    const at = toTimestamp(updatedAt);
    if (updatedAt && !at) failAt(`Uppföljning ${period}: uppdaterad`, `"${updatedAt}" is not a date and time`);
    entries.push({
      period,
      status,
      comment: part('comment'),
      effect: part('effect'),
      updatedAt: at,
      updatedBy: part('updatedBy').trim(),
    });
  }
  return entries;
}

function readCard(cells: Cells, periods: string[], row: number, source: TableSource): PlanCard {
  const failAt: (field: string, problem: string) => never = (field, problem) => fail(source, row, field, problem);
  const statusText = cells('status');
  const status = statusText.trim() ? fromLabel(CARD_STATUS_LABEL, statusText) : 'draft';
  if (!status) failAt(headerOf('status'), `unknown status "${statusText}" (use Utkast or Överenskommen)`);
  const votesText = cells('votes').trim();
  if (votesText && !/^-?\d+$/.test(votesText)) failAt(headerOf('votes'), `"${votesText}" is not a whole number`);
  const createdText = cells('createdAt').trim();
  const createdAt = toTimestamp(createdText);
  if (createdText && !createdAt) failAt(headerOf('createdAt'), `"${createdText}" is not a date and time`);
  const card = {
    id: cells('id').trim() || randomId(16),
    title: cells('title'),
    priorityArea: cells('priorityArea'),
    activity: cells('activity'),
    indicators: toIndicators(cells('indicators')),
    responsible: cells('responsible'),
    targetGroups: toLines(cells('targetGroups')),
    parties: toLines(cells('parties')),
    period: toPeriod(cells('period')),
    status,
    followUp: readFollowUps(cells, periods, failAt),
    votes: votesText ? Number(votesText) : 0,
    authors: toLines(cells('authors')),
    createdAt,
  };
  const result = PlanCardSchema.safeParse(card);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    failAt(headerOf(key), issue?.message ?? 'invalid value');
  }
  return result.data;
}

/**
 * Reads a flat table into plan data on `template`. Blank rows are skipped;
 * a card without an id gets one when it is written into a board.
 */
export function tableToPlan(
  table: string[][],
  template: Template,
  source: TableSource,
  shell: PlanShell,
  maxCards: number,
): PlanData {
  const [header, ...body] = table;
  if (!header) throw new ImportError('invalid', `${source.name} is empty.`, { sheet: source.sheet });
  const index = headerIndex(header, source);
  const periods = [...index.keys()]
    .filter((k) => k.startsWith('followUp\u0000'))
    .map((k) => k.split('\u0000')[1] ?? '');
  const uniquePeriods = [...new Set(periods)];
  const plan = emptyPlan(template, shell);
  const areas = new Map(plan.focusAreas.map((area) => [area.id, area]));
  const goals = new Map(plan.focusAreas.flatMap((area) => area.goals.map((goal) => [goal.id, goal] as const)));
  let count = 0;
  body.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((cell) => cell.trim() === '')) return;
    if (++count > maxCards) throw tooManyCards(source.name, maxCards, { sheet: source.sheet });
    const cells: Cells = (key) => {
      const at = index.get(key);
      return at === undefined ? '' : (cellsOfRow[at] ?? '');
    };
    const card = readCard(cells, uniquePeriods, i + 2, source);
    const goal = goals.get(cells('goalId').trim());
    const area = cells('goalId').trim() === '' ? areas.get(cells('focusAreaId').trim()) : undefined;
    if (goal) goal.cards.push(card);
    else if (area) area.cards.push(card);
    else plan.unplaced.push(card);
  });
  return plan;
}
