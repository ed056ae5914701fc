/**
 * The tables every report writer shows, as plain cells: the status counts of
 * each place in the round and the one before, and a row per card. Defined
 * once so Markdown, Word and Excel cannot disagree about what a cell says.
 */
import { ROUND_STATUSES, type StatusCounts } from '../plan/follow-up-counts.ts';
import { indicatorText, type ReportLabels, type ReportLang } from './labels.ts';
import type { FollowUpReport, ReportCard, ReportPlace } from './report-model.ts';

export const countHeadings = (labels: ReportLabels): string[] => [
  labels.round,
  ...ROUND_STATUSES.map((status) => labels.status[status]),
  labels.total,
];

const sum = (counts: StatusCounts) => ROUND_STATUSES.reduce((n, status) => n + counts[status], 0);

/** One row of a count table: the round's label, a count per status, the total. */
export const countRow = (round: string, counts: StatusCounts): (string | number)[] => [
  round,
  ...ROUND_STATUSES.map((status) => counts[status]),
  sum(counts),
];

/** The count rows of a place: the previous round first (when there is one), then the round. */
export function countRows(
  report: FollowUpReport,
  place: Pick<ReportPlace, 'counts' | 'previousCounts'>,
): (string | number)[][] {
  return [
    ...(report.previousRound !== null && place.previousCounts
      ? [countRow(report.previousRound, place.previousCounts)]
      : []),
    countRow(report.round, place.counts),
  ];
}

export const cardHeadings = (report: FollowUpReport, labels: ReportLabels): string[] => [
  labels.card,
  `${report.round}`,
  ...(report.previousRound !== null ? [report.previousRound] : []),
  labels.comment,
  labels.effect,
  labels.indicators,
];

const lines = (text: string): string[] => (text ? text.split(/\r?\n/) : []);

/** A card's cells, each a list of lines: title, status now (and before), comment, effect, indicator values. */
export function cardRow(report: FollowUpReport, card: ReportCard, labels: ReportLabels, lang: ReportLang): string[][] {
  const indicators = card.indicators.map((i) => {
    const now = `${i.text}: ${indicatorText(i.value, lang)}`;
    return report.previousRound !== null && i.previous !== null
      ? `${now} (${report.previousRound}: ${indicatorText(i.previous, lang)})`
      : now;
  });
  return [
    [card.title],
    [labels.status[card.status]],
    ...(report.previousRound !== null ? [[labels.status[card.previousStatus ?? 'none']]] : []),
    lines(card.comment),
    lines(card.effect),
    indicators,
  ];
}

export interface SummaryRow {
  place: string;
  /** 0: a focus area, 1: a goal, 2: the unplaced cards or the total. */
  level: 0 | 1 | 2;
  round: string;
  counts: StatusCounts;
}

/** Every place's counts in every shown round, for the summary sheet and table. */
export function summaryRows(report: FollowUpReport, labels: ReportLabels): SummaryRow[] {
  const rows: SummaryRow[] = [];
  const add = (place: string, level: SummaryRow['level'], p: Pick<ReportPlace, 'counts' | 'previousCounts'>) => {
    if (report.previousRound !== null && p.previousCounts) {
      rows.push({ place, level, round: report.previousRound, counts: p.previousCounts });
    }
    rows.push({ place, level, round: report.round, counts: p.counts });
  };
  for (const area of report.areas) {
    add(placeName(area), 0, area);
    for (const goal of area.goals) add(placeName(goal), 1, goal);
  }
  if (report.unplaced.cards.length > 0) add(labels.unplaced, 2, report.unplaced);
  add(labels.total, 2, { counts: report.total, previousCounts: report.previousTotal });
  return rows;
}

export const placeName = (place: Pick<ReportPlace, 'code' | 'title'>): string =>
  [place.code, place.title].filter(Boolean).join(' ');

/** "Samverkansplan Heby 2025 – Uppföljning 2025" (a round not named so gets the word in front). */
export function reportHeading(report: FollowUpReport, labels: ReportLabels): string {
  const round = report.round.toLocaleLowerCase('sv').startsWith(labels.title.toLocaleLowerCase('sv'))
    ? report.round
    : `${labels.title} ${report.round}`;
  return `${report.boardTitle || 'Samverkansplan'} – ${round}`;
}
