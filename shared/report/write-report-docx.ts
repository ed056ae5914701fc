/**
 * The follow-up report as a Word document: the round beside the one before,
 * a summary table, then per focus area its chart, counts, round comment and a
 * table of its cards, and the same per goal. The charts come in as PNGs (the
 * server renders them), so this module stays pure and runs anywhere.
 */
import { HeadingLevel, Paragraph, TextRun } from 'docx';
import { BODY, type ChartPng, chartParagraph, TEXT_WIDTH, tableSlots } from './docx-document.ts';
import { reportTableXml } from './docx-report-table.ts';
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

export type { ChartPng } from './docx-document.ts';

const cells = (row: (string | number)[]) => row.map((c) => [String(c)]);

export async function writeReportDocx(
  report: FollowUpReport,
  charts: ReadonlyMap<string, ChartPng> = new Map(),
  lang: ReportLang = 'sv',
): Promise<Uint8Array> {
  const labels = REPORT_LABELS[lang];
  const { slot, write } = tableSlots();
  // Round, the five statuses, total: a status column holds "Genomförd" in bold on one line.
  const countWeights = countHeadings(labels).map((_, i, all) => (i === 0 ? 2.9 : i === all.length - 1 ? 1.6 : 2.45));
  const countTable = (p: Pick<ReportPlace, 'counts' | 'previousCounts'>) =>
    slot(reportTableXml(countHeadings(labels), countRows(report, p).map(cells), countWeights, TEXT_WIDTH));
  const cardWeights = cardHeadings(report, labels).map((_, i, all) => (i === 0 ? 4 : i > all.length - 4 ? 4 : 3));
  const cardTable = (list: ReportCard[]) =>
    list.length === 0
      ? []
      : slot(
          reportTableXml(
            cardHeadings(report, labels),
            list.map((card) => cardRow(report, card, labels, lang)),
            cardWeights,
            TEXT_WIDTH,
            true,
          ),
        );
  const comment = (text: string) =>
    text
      ? [
          new Paragraph({
            spacing: { after: 120 },
            children: [
              new TextRun({ text: `${labels.roundComment}: `, bold: true, ...BODY }),
              ...text
                .split(/\r?\n/)
                .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...BODY })),
            ],
          }),
        ]
      : [];
  const chart = (areaId: string) => {
    const found = charts.get(areaId);
    return found ? [chartParagraph(found)] : [];
  };
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: reportHeading(report, labels) }),
    new Paragraph({ children: [new TextRun({ text: report.templateTitle, italics: true, ...BODY })] }),
    new Paragraph({
      spacing: { before: 120, after: 240 },
      children: [
        new TextRun({ text: `${labels.round}: `, bold: true, ...BODY }),
        new TextRun({ text: report.round, ...BODY }),
        ...(report.previousRound !== null
          ? [
              new TextRun({ text: `${labels.previousRound}: `, bold: true, break: 1, ...BODY }),
              new TextRun({ text: report.previousRound, ...BODY }),
            ]
          : []),
      ],
    }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, text: labels.summarySheet }),
    ...slot(
      reportTableXml(
        [labels.place, ...countHeadings(labels)],
        summaryRows(report, labels).map((r) => cells([r.place, ...countRow(r.round, r.counts)])),
        [3.4, ...countWeights],
        TEXT_WIDTH,
      ),
    ),
  ];
  for (const area of report.areas) {
    children.push(
      new Paragraph({
        heading: HeadingLevel.HEADING_1,
        text: `${labels.area} ${placeName(area)}`,
        pageBreakBefore: true,
      }),
      ...chart(area.id),
      ...comment(area.comment),
      ...countTable(area),
      ...cardTable(area.cards),
    );
    for (const goal of area.goals) {
      children.push(
        new Paragraph({
          heading: HeadingLevel.HEADING_2,
          text: placeName(goal),
          spacing: { before: 240 },
          keepNext: true,
        }),
        ...comment(goal.comment),
        ...countTable(goal),
        ...(goal.cards.length === 0
          ? [new Paragraph({ children: [new TextRun({ text: labels.noCards, italics: true, ...BODY })] })]
          : cardTable(goal.cards)),
      );
    }
  }
  if (report.unplaced.cards.length > 0) {
    children.push(
      new Paragraph({ heading: HeadingLevel.HEADING_1, text: labels.unplaced, pageBreakBefore: true }),
      ...countTable(report.unplaced),
      ...cardTable(report.unplaced.cards),
    );
  }
  return write(children, reportHeading(report, labels), lang);
}
