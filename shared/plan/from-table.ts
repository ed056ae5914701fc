/**
 * The flat table (CSV, or the XLSX "Alla" sheet) → plan data. Cards are placed
 * on the given template by their goal id (or focus-area id when the goal is
 * empty); any other place makes them unplaced. Each row is validated on its
 * own so an error can name its row and column.
 */
import { randomId } from '../ids.ts';
import type { Template } from '../template.ts';
import { columnForHeading } from './column-aliases.ts';
import { ImportError, tooManyCards } from './errors.ts';
import { COLUMNS, FOLLOW_UP_HEADER, FOLLOW_UP_PARTS } from './flat.ts';
import { toIndicators } from './indicators.ts';
import { CARD_STATUS_LABEL, FOLLOW_UP_STATUS_LABEL, fromLabel } from './labels.ts';
import { isIsoDate, toPeriod } from './period.ts';
import { emptyPlan, type PlanShell } from './plan-shell.ts';
import { type FollowUp, type PlanCard, PlanCardSchema, type PlanData } from './schema.ts';
import { toLines, toTimestamp } from './to-plan.ts';

export interface TableSource {
  /** "CSV" or "XLSX sheet Alla", for messages. */
  name: string;
  sheet?: string;
}

type Cells = (key: string) => string;

/** Where each known column is, and the headings Samtavla does not know (with their columns). */
interface HeaderIndex {
  columns: Map<string, number>;
  unknown: { heading: string; at: number }[];
}

/** How far down a sheet the header row is looked for. */
export const HEADER_SEARCH_ROWS = 10;

/** Whether a row looks like a plan table's header: it names the activity or the title column. */
export function isPlanHeader(row: readonly string[]): boolean {
  return row.some((cell) => {
    const key = columnForHeading(cell);
    return key === 'activity' || key === 'title';
  });
}

/** Header cell → column key, by the aliases of column-aliases.ts; follow-up columns by their period. */
function headerIndex(header: string[], source: TableSource): HeaderIndex {
  const columns = new Map<string, number>();
  const unknown: HeaderIndex['unknown'] = [];
  header.forEach((cell, i) => {
    const followUp = FOLLOW_UP_HEADER.exec(cell.trim());
    if (followUp?.[1] && followUp[2]) {
      const part = FOLLOW_UP_PARTS.find((p) => p.header === followUp[2]?.toLowerCase());
      if (part) columns.set(`followUp\u0000${followUp[1].trim()}\u0000${part.key}`, i);
      return;
    }
    const key = columnForHeading(cell);
    const column = COLUMNS.find((c) => c.key === key);
    // The first column of a name wins: a second "Ansvar" is reported, not read over the first.
    if (column && !columns.has(column.key)) {
      if (!column.derived) columns.set(column.key, i);
    } else if (cell.trim() !== '') unknown.push({ heading: cell.trim(), at: i });
  });
  if (!columns.has('activity') && !columns.has('title')) {
    throw new ImportError(
      'invalid',
      `${source.name}: the first row must be the header row of a plan table, with at least a column "Aktivitet" (or "Aktiviteter 2019", "Activity") or "Rubrik".`,
      { row: 1, sheet: source.sheet },
    );
  }
  return { columns, unknown };
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
    // A dated comment with no status (the committees' "Kommentar mars 2022") says work is under way.
    const status = statusText.trim() === '' ? 'ongoing' : fromLabel(FOLLOW_UP_STATUS_LABEL, statusText);
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

/** "Övrigt – Heading: value" lines for the cells of columns Samtavla does not know, kept on the card. */
function otherLines(cellsOfRow: string[], unknown: HeaderIndex['unknown']): string {
  return unknown
    .map(({ heading, at }) => ({ heading, value: (cellsOfRow[at] ?? '').trim() }))
    .filter(({ value }) => value !== '')
    .map(({ heading, value }) => `${OTHER_LABEL} – ${heading}: ${value}`)
    .join('\n');
}

/** The label of kept cells of unknown columns. */
export const OTHER_LABEL = 'Övrigt';

function readCard(
  cells: Cells,
  periods: string[],
  row: number,
  source: TableSource,
  register: Template['parties'],
  other: string,
): PlanCard {
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
    activity: [cells('activity'), other].filter((text) => text.trim() !== '').join('\n\n'),
    indicators: toIndicators(cells('indicators')),
    responsible: cells('responsible'),
    targetGroups: toLines(cells('targetGroups')),
    parties: splitParties(cells('parties'), register),
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
  notices?: string[],
): PlanData {
  // Hand-made sheets often have a title or a blank row above the header.
  const skipped = Math.max(0, table.slice(0, HEADER_SEARCH_ROWS).findIndex(isPlanHeader));
  const [header, ...body] = table.slice(skipped);
  if (!header) throw new ImportError('invalid', `${source.name} is empty.`, { sheet: source.sheet });
  const { columns: index, unknown } = headerIndex(header, source);
  if (unknown.length > 0) {
    notices?.push(
      `${source.name}: columns Samtavla does not know were kept on each card as "${OTHER_LABEL}" lines: ${unknown.map((u) => `"${u.heading}"`).join(', ')}.`,
    );
  }
  const periods = [...index.keys()]
    .filter((k) => k.startsWith('followUp\u0000'))
    .map((k) => k.split('\u0000')[1] ?? '');
  const uniquePeriods = [...new Set(periods)];
  const plan = emptyPlan(template, { ...shell, ...boardOf(body, index, shell) });
  const areas = new Map(plan.focusAreas.map((area) => [area.id, area]));
  const goals = new Map(plan.focusAreas.flatMap((area) => area.goals.map((goal) => [goal.id, goal] as const)));
  let count = 0;
  /** Goal or area ids the template does not know → the rows that named them. */
  const unknownPlaces = new Map<string, number[]>();
  body.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((cell) => cell.trim() === '')) return;
    if (++count > maxCards) throw tooManyCards(source.name, maxCards, { sheet: source.sheet });
    const cells: Cells = (key) => {
      const at = index.get(key);
      return at === undefined ? '' : (cellsOfRow[at] ?? '');
    };
    const card = readCard(
      cells,
      uniquePeriods,
      skipped + i + 2,
      source,
      template.parties,
      otherLines(cellsOfRow, unknown),
    );
    const goalId = cells('goalId').trim();
    const goal = goals.get(goalId);
    const area = goalId === '' ? areas.get(cells('focusAreaId').trim()) : undefined;
    if (goal) goal.cards.push(card);
    else if (area) area.cards.push(card);
    else {
      plan.unplaced.push(card);
      const place = goalId || cells('focusAreaId').trim();
      if (place) unknownPlaces.set(place, [...(unknownPlaces.get(place) ?? []), skipped + i + 2]);
    }
  });
  for (const [place, rows] of unknownPlaces) {
    notices?.push(
      `${source.name}: "${place}" is no goal or focus area of the template "${template.id}"; the cards of row${rows.length > 1 ? 's' : ''} ${rows.join(', ')} are unplaced.`,
    );
  }
  return plan;
}

/**
 * Splits a parties cell on lines, ";" and ",", keeping a register name whole
 * even when it holds one of those characters.
 */
export function splitParties(text: string, register: Template['parties']): string[] {
  let rest = text;
  const found: string[] = [];
  for (const party of [...register].sort((a, b) => b.name.length - a.name.length)) {
    if (!/[,;\n]/.test(party.name)) continue;
    if (rest.includes(party.name)) {
      found.push(party.name);
      rest = rest.split(party.name).join('\n');
    }
  }
  const names = rest
    .split(/[\n;,]/)
    .map((name) => name.trim())
    .filter((name) => name !== '');
  return [...new Set([...found, ...names])];
}

/** The board's title and plan period from the "Plan" and "Planperiod" columns, unless the caller gave them. */
function boardOf(body: string[][], index: Map<string, number>, shell: PlanShell): PlanShell {
  const first = (key: string) => {
    const at = index.get(key);
    if (at === undefined) return undefined;
    return body.map((row) => (row[at] ?? '').trim()).find((value) => value !== '');
  };
  const title = shell.title ? undefined : first('planTitle');
  const range = /^(\d{4}-\d{2}-\d{2})\s*[–—-]{1,2}\s*(\d{4}-\d{2}-\d{2})$/.exec(first('planPeriod') ?? '');
  const [, from, to] = range ?? [];
  const planPeriod =
    !shell.planPeriod && from && to && isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : undefined;
  return { ...(title ? { title } : {}), ...(planPeriod ? { planPeriod } : {}) };
}
