/**
 * The flat table (CSV, or the XLSX "Alla" sheet) → plan data. Cards are placed
 * on the given template by their goal id (or focus-area id when the goal is
 * empty; by the goal or area a title column names when both are empty, see
 * table-places.ts); any other place makes them unplaced. Each row is validated
 * on its own so an error can name its row and column.
 */
import { PARTIES_MAX, TEXT_FIELD_MAX } from '../card-schema.ts';
import { CARD_FIELDS } from '../fields/card-fields.ts';
import { randomId } from '../ids.ts';
import type { Template } from '../template.ts';
import { ImportError, tooManyCards } from './errors.ts';
import { planValue } from './field-values.ts';
import { COLUMNS } from './flat.ts';
import { fromAnyLabel } from './labels.ts';
import { type Notices, rowNotices, unknownColumnsNotice, unknownPlaceNotice } from './notices.ts';
import { emptyPlan, type PlanShell } from './plan-shell.ts';
import { type FollowUp, type PlanCard, PlanCardSchema, type PlanData } from './schema.ts';
import { boardOf, MAX_OTHER_COLUMNS, otherLines, splitParties, withOtherLines } from './table-cells.ts';
import { followUpKey, HEADER_SEARCH_ROWS, locateHeader } from './table-header.ts';
import { placer } from './table-places.ts';
import { toLines, toTimestamp } from './to-plan.ts';

export interface TableSource {
  /** "CSV" or "XLSX sheet Alla", for messages. */
  name: string;
  sheet?: string;
}

type Cells = (key: string) => string;

/** What a row lost to fit a card: "Övrigt" lines past the activity's length, parties past PARTIES_MAX. */
interface Trimmed {
  other: boolean;
  parties: boolean;
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
    const part = (key: string) => cells(followUpKey(period, key));
    const statusText = part('status');
    // Who updated it, with no status, comment or effect, says nothing about the follow-up.
    if (['status', 'comment', 'effect'].every((key) => part(key).trim() === '')) continue;
    // A dated comment with no status (the committees' "Kommentar mars 2022") says work is under way.
    const status = statusText.trim() === '' ? 'ongoing' : fromAnyLabel((words) => words.followUpStatus, statusText);
    if (!status) failAt(`Uppföljning ${period}: status`, `unknown follow-up status "${statusText}"`);
    const updatedAt = part('updatedAt').trim();
    const at = toTimestamp(updatedAt);
    if (updatedAt && !at) failAt(`Uppföljning ${period}: uppdaterad`, `"${updatedAt}" is not a date and time`);
    entries.push({
      period,
      status,
      comment: part('comment'),
      effect: part('effect'),
      indicators: [],
      updatedAt: at,
      updatedBy: part('updatedBy').trim(),
    });
  }
  return entries;
}

function readCard(
  cells: Cells,
  periods: string[],
  row: number,
  source: TableSource,
  register: Template['parties'],
  other: string[],
  trimmed: Trimmed,
): PlanCard {
  const failAt: (field: string, problem: string) => never = (field, problem) => fail(source, row, field, problem);
  const statusText = cells('status');
  const status = statusText.trim() ? fromAnyLabel((words) => words.cardStatus, statusText) : 'draft';
  if (!status) failAt(headerOf('status'), `unknown status "${statusText}" (use Utkast or Överenskommen)`);
  const votesText = cells('votes').trim();
  if (votesText && !/^\d+$/.test(votesText))
    failAt(headerOf('votes'), `"${votesText}" is not a whole number, 0 or more`);
  const createdText = cells('createdAt').trim();
  const createdAt = toTimestamp(createdText);
  if (createdText && !createdAt) failAt(headerOf('createdAt'), `"${createdText}" is not a date and time`);
  const activity = withOtherLines(cells('activity'), other);
  const parties = splitParties(cells('parties'), register);
  trimmed.other = activity.dropped > 0 && cells('activity').length <= TEXT_FIELD_MAX;
  trimmed.parties = parties.length > PARTIES_MAX;
  // Every registry field from its own column; the activity takes the unknown columns' lines, parties are split.
  const fields = CARD_FIELDS.map((field) => {
    const key = field.plan.key;
    if (field.id === 'activity') return [key, activity.text];
    if (field.id === 'parties') return [key, parties.slice(0, PARTIES_MAX)];
    return [key, planValue(field.plan.kind, cells(key))];
  });
  const card = {
    id: cells('id').trim() || randomId(16),
    ...Object.fromEntries(fields),
    status,
    followUp: readFollowUps(cells, periods, failAt),
    votes: votesText ? Number(votesText) : 0,
    authors: toLines(cells('authors')),
    createdAt,
    // The flat table's "Beslut" column is written for readers; decisions come back from JSON only.
    decision: null,
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
  notices: Notices,
): PlanData {
  if (table.length === 0) throw new ImportError('invalid', `${source.name} is empty.`, { sheet: source.sheet });
  // Hand-made sheets often have a title or a blank row above the header.
  const header = locateHeader(table);
  if (!header) {
    throw new ImportError(
      'invalid',
      `${source.name}: no header row of a plan table in the first ${HEADER_SEARCH_ROWS} rows, with at least a column "Aktivitet" (or "Aktiviteter 2019", "Activity") or "Rubrik".`,
      { row: 1, sheet: source.sheet },
    );
  }
  const { columns: index, derived, unknown } = header;
  const kept = unknown.slice(0, MAX_OTHER_COLUMNS);
  if (unknown.length > 0) notices.add(unknownColumnsNotice(source.name, kept, unknown.length - kept.length));
  const periods = [
    ...new Set([...index.keys()].filter((k) => k.startsWith('followUp\u0000')).map((k) => k.split('\u0000')[1] ?? '')),
  ];
  const body = table.slice(header.row + 1);
  const plan = emptyPlan(template, { ...shell, ...boardOf(body, index, shell) });
  const place = placer(template, plan);
  let count = 0;
  /** Goal or area ids the template does not know → the rows that named them. */
  const unknownPlaces = new Map<string, number[]>();
  const rows = { other: [] as number[], parties: [] as number[], byTitle: [] as number[], none: [] as number[] };
  body.forEach((cellsOfRow, i) => {
    if (cellsOfRow.every((cell) => cell.trim() === '')) return;
    if (++count > maxCards) throw tooManyCards(source.name, maxCards, { sheet: source.sheet });
    const row = header.row + i + 2;
    const cell = (columns: Map<string, number>, key: string) => {
      const at = columns.get(key);
      return at === undefined ? '' : (cellsOfRow[at] ?? '');
    };
    const cells: Cells = (key) => cell(index, key);
    const trimmed: Trimmed = { other: false, parties: false };
    const card = readCard(cells, periods, row, source, template.parties, otherLines(cellsOfRow, kept), trimmed);
    if (trimmed.other) rows.other.push(row);
    if (trimmed.parties) rows.parties.push(row);
    const placement = place({
      goalId: cells('goalId'),
      focusAreaId: cells('focusAreaId'),
      goalText: cell(derived, 'goal'),
      focusAreaText: cell(derived, 'focusArea'),
    });
    if ('goal' in placement) placement.goal.cards.push(card);
    else if ('area' in placement) placement.area.cards.push(card);
    else plan.unplaced.push(card);
    if (('goal' in placement || 'area' in placement) && placement.byTitle) rows.byTitle.push(row);
    if ('unknown' in placement) {
      const named = unknownPlaces.get(placement.unknown) ?? [];
      named.push(row);
      unknownPlaces.set(placement.unknown, named);
    }
    if ('none' in placement) rows.none.push(row);
  });
  for (const notice of rowNotices(source.name, rows)) notices.add(notice);
  for (const [id, list] of unknownPlaces) notices.add(unknownPlaceNotice(source.name, id, template, { rows: list }));
  return plan;
}
