/**
 * The follow-up report as Markdown (GFM tables), escaped as the plan's
 * Markdown export is, so board text cannot inject markup.
 */
import { mdText } from '../plan/write-md.ts';
import { REPORT_LABELS, type ReportLang } from './labels.ts';
import type { FollowUpReport, ReportCard, ReportPlace } from './report-model.ts';
import {
  cardHeadings,
  cardRow,
  countHeadings,
  countRow,
  countRows,
  placeName,
  reportHeading,
  summaryRows,
} from './report-rows.ts';

const row = (cells: (string | number)[]) =>
  `| ${cells.map((c) => (typeof c === 'number' ? String(c) : c)).join(' | ')} |`;
const table = (headings: string[], rows: (string | number)[][]): string[] => [
  row(headings.map(mdText)),
  `|${headings.map(() => ' --- ').join('|')}|`,
  ...rows.map((cells) => row(cells.map((c) => (typeof c === 'number' ? c : mdText(c))))),
  '',
];

export function writeReportMarkdown(report: FollowUpReport, lang: ReportLang = 'sv'): string {
  const labels = REPORT_LABELS[lang];
  const paragraph = (text: string) =>
    text
      .split(/\r?\n/)
      .map((l) => mdText(l.trim()))
      .join('  \n');
  const cards = (list: ReportCard[]): string[] =>
    list.length === 0
      ? []
      : [
          row(cardHeadings(report, labels).map(mdText)),
          `|${cardHeadings(report, labels)
            .map(() => ' --- ')
            .join('|')}|`,
          ...list.map((card) =>
            row(cardRow(report, card, labels, lang).map((lines) => lines.map(mdText).join('<br>'))),
          ),
          '',
        ];
  const place = (p: ReportPlace, depth: number): string[] => [
    `${'#'.repeat(depth)} ${mdText(placeName(p))}`,
    '',
    ...(p.comment ? [`**${labels.roundComment}:** ${paragraph(p.comment)}`, ''] : []),
    ...table(countHeadings(labels), countRows(report, p)),
    ...cards(p.cards),
  ];
  const lines = [
    `# ${mdText(reportHeading(report, labels))}`,
    '',
    `*${mdText(report.templateTitle)}*`,
    '',
    `**${labels.round}:** ${mdText(report.round)}  `,
    ...(report.previousRound !== null ? [`**${labels.previousRound}:** ${mdText(report.previousRound)}`] : []),
    '',
    `## ${labels.summarySheet}`,
    '',
    ...table(
      [labels.place, ...countHeadings(labels)],
      summaryRows(report, labels).map((r) => [
        r.level === 1 ? `↳ ${r.place}` : r.place,
        ...countRow(r.round, r.counts),
      ]),
    ),
  ];
  for (const area of report.areas) {
    lines.push(...place(area, 2));
    for (const goal of area.goals) lines.push(...place(goal, 3));
  }
  if (report.unplaced.cards.length > 0) {
    lines.push(`## ${labels.unplaced}`, '', ...table(countHeadings(labels), countRows(report, report.unplaced)));
    lines.push(...cards(report.unplaced.cards));
  }
  return `${lines.join('\n').trimEnd()}\n`;
}
