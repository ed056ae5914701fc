/**
 * The follow-up report as a workbook: "Sammanställning" with the counts of
 * every focus area and goal in each shown round, numbers as numbers, then a
 * sheet per round (the round and the one before) with a row per card.
 */
import type ExcelJS from 'exceljs';
import { ROUND_STATUSES } from '../plan/follow-up-counts.ts';
import { sheetName } from '../plan/xlsx-layout.ts';
import { indicatorText, REPORT_LABELS, type ReportLang } from './labels.ts';
import type { FollowUpReport, ReportCard } from './report-model.ts';
import { countRow, placeName, summaryRows } from './report-rows.ts';

const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };
// Shared style objects, as in the plan workbook: exceljs then renders each style once.
export const STYLE = {
  header: {
    font: { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } },
    fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } },
    alignment: { wrapText: true, vertical: 'middle' },
  },
  area: { font: { ...FONT, bold: true }, alignment: { wrapText: true, vertical: 'top' } },
  cell: { font: FONT, alignment: { wrapText: true, vertical: 'top' } },
} satisfies Record<string, Partial<ExcelJS.Style>>;

export function sheetWith(workbook: ExcelJS.Workbook, name: string, columns: { header: string; width: number }[]) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  sheet.getRow(1).eachCell((cell) => {
    cell.style = STYLE.header;
  });
  return sheet;
}

interface PlacedCard {
  area: string;
  goal: string;
  card: ReportCard;
}

function placedCards(report: FollowUpReport, unplaced: string): PlacedCard[] {
  const out: PlacedCard[] = [];
  for (const area of report.areas) {
    for (const card of area.cards) out.push({ area: placeName(area), goal: '', card });
    for (const goal of area.goals)
      for (const card of goal.cards) out.push({ area: placeName(area), goal: placeName(goal), card });
  }
  for (const card of report.unplaced.cards) out.push({ area: unplaced, goal: '', card });
  return out;
}

export async function writeReportXlsx(report: FollowUpReport, lang: ReportLang = 'sv'): Promise<Uint8Array> {
  const labels = REPORT_LABELS[lang];
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Samtavla';
  workbook.title = `${labels.title} ${report.round}`;
  const taken = new Set<string>();
  const summary = sheetWith(workbook, sheetName(labels.summarySheet, taken), [
    { header: labels.place, width: 48 },
    { header: labels.round, width: 20 },
    ...ROUND_STATUSES.map((status) => ({ header: labels.status[status], width: 14 })),
    { header: labels.total, width: 10 },
  ]);
  for (const row of summaryRows(report, labels)) {
    const added = summary.addRow([row.level === 1 ? `  ${row.place}` : row.place, ...countRow(row.round, row.counts)]);
    added.eachCell((cell) => {
      cell.style = row.level === 0 ? STYLE.area : STYLE.cell;
    });
  }
  const cards = placedCards(report, labels.unplaced);
  const rounds = [...(report.previousRound !== null ? [report.previousRound] : []), report.round];
  for (const round of rounds) {
    const current = round === report.round;
    const sheet = sheetWith(workbook, sheetName(round, taken), [
      { header: labels.area, width: 30 },
      { header: 'Mål', width: 30 },
      { header: labels.card, width: 40 },
      { header: 'Status', width: 18 },
      ...(current
        ? [
            { header: labels.comment, width: 40 },
            { header: labels.effect, width: 40 },
          ]
        : []),
      { header: labels.indicators, width: 40 },
    ]);
    for (const { area, goal, card } of cards) {
      const status = current ? card.status : (card.previousStatus ?? 'none');
      const indicators = card.indicators
        .filter((i) => (current ? i.value : i.previous) !== null)
        .map((i) => `${i.text}: ${indicatorText(current ? i.value : i.previous, lang)}`)
        .join('\n');
      const row = sheet.addRow([
        area,
        goal,
        card.title,
        labels.status[status],
        ...(current ? [card.comment, card.effect] : []),
        indicators,
      ]);
      row.eachCell({ includeEmpty: true }, (cell) => {
        cell.style = STYLE.cell;
      });
    }
  }
  return new Uint8Array(
    await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
  );
}
