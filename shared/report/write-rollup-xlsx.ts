/**
 * The regional roll-up as a workbook: a sheet per goal (and area with cards of
 * its own) and a sheet per party, each row the number of activities and their
 * statuses in the round, numbers as numbers; then the boards it combined.
 */

import { ROUND_STATUSES, type StatusCounts } from '../plan/follow-up-counts.ts';
import type { Rollup } from '../plan/rollup.ts';
import { sheetName } from '../plan/xlsx-layout.ts';
import { REPORT_LABELS, type ReportLang, ROLLUP_WORDS } from './labels.ts';
import { STYLE, sheetWith } from './write-report-xlsx.ts';

const statusCells = (counts: StatusCounts) => ROUND_STATUSES.map((status) => counts[status]);

export async function writeRollupXlsx(rollup: Rollup, lang: ReportLang = 'sv'): Promise<Uint8Array> {
  const labels = REPORT_LABELS[lang];
  const words = ROLLUP_WORDS[lang];
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Samtavla';
  workbook.title = `${labels.title} ${rollup.round}`;
  const taken = new Set<string>();
  const statusColumns = ROUND_STATUSES.map((status) => ({ header: labels.status[status], width: 14 }));
  const places = sheetWith(workbook, sheetName(words.places, taken), [
    { header: labels.place, width: 48 },
    { header: words.plans, width: 10 },
    { header: words.cards, width: 12 },
    ...statusColumns,
  ]);
  for (const place of rollup.places) {
    places.addRow([`${place.id} ${place.title}`, place.plans, place.cards, ...statusCells(place.statuses)]);
  }
  places.addRow([
    labels.total,
    rollup.plans.length,
    rollup.plans.reduce((sum, p) => sum + p.cards, 0),
    ...statusCells(rollup.total),
  ]).font = {
    bold: true,
  };
  const parties = sheetWith(workbook, sheetName(words.parties, taken), [
    { header: words.party, width: 40 },
    { header: words.cards, width: 12 },
    ...statusColumns,
  ]);
  for (const party of rollup.parties) parties.addRow([party.name, party.cards, ...statusCells(party.statuses)]);
  const boards = sheetWith(workbook, sheetName(words.boards, taken), [
    { header: words.board, width: 48 },
    { header: words.cards, width: 12 },
  ]);
  for (const plan of rollup.plans) boards.addRow([plan.title, plan.cards]);
  for (const sheet of [places, parties, boards]) {
    sheet.eachRow((row, at) => {
      if (at === 1) return;
      const bold = Boolean(row.font?.bold);
      row.eachCell((cell) => {
        cell.style = { ...STYLE.cell, font: { ...STYLE.cell.font, bold } };
      });
    });
  }
  return new Uint8Array(
    await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
  );
}
