/**
 * XLSX export. One sheet a focus area in the layout of the seed plans (a
 * styled header row, goals as group rows, one row a card), the flat table as
 * "Alla", and "Om planen" with the board's metadata so the workbook can be
 * imported again without losing its title or plan period.
 */
import type ExcelJS from 'exceljs';
import { DECISION_LOG_WIDTHS, decisionLogRows } from './decision-log.ts';
import { planToTable } from './flat.ts';
import { PLAN_LANGS, type PlanLang, type PlanWords, planWords } from './labels.ts';
import { formatPlanPeriod } from './period.ts';
import type { PlanData } from './schema.ts';
import { type CardCells, cellLines, numbered, type PlanGroup, planSections, TITLE_COLUMN } from './sections.ts';
import { sheetName, TABLE_WIDTHS, XLSX_NAMES } from './xlsx-layout.ts';
import { xmlSafePlan } from './xml-safe.ts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E79' } };
const GROUP_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};
const WRAP_TOP: Partial<ExcelJS.Alignment> = { wrapText: true, vertical: 'top' };
/** Every style names its font: LibreOffice otherwise falls back to its own default and sizes rows for it. */
const FONT: Partial<ExcelJS.Font> = { name: 'Calibri', size: 11 };

/*
 * exceljs renders a cell's style to XML to find its style id, unless it has
 * seen that very style object before. Giving every cell of a kind one shared
 * style object keeps a 5,000-card workbook fast. These objects are shared:
 * assign them whole (cell.style = …), never set cell.font/fill on such a cell.
 */
const STYLE = {
  header: {
    font: { ...FONT, bold: true, color: { argb: 'FFFFFFFF' } },
    fill: HEADER_FILL,
    alignment: { wrapText: true, vertical: 'middle' },
    border: THIN,
  },
  card: { font: FONT, alignment: WRAP_TOP, border: THIN },
  goal: { font: { ...FONT, bold: true }, fill: GROUP_FILL, alignment: WRAP_TOP, border: THIN },
  note: { font: { ...FONT, italic: true }, fill: GROUP_FILL, alignment: WRAP_TOP, border: THIN },
  data: { font: FONT, alignment: WRAP_TOP },
  number: { font: FONT, alignment: { vertical: 'top' } },
  date: { font: FONT, alignment: { vertical: 'top' }, numFmt: 'yyyy-mm-dd' },
  infoKey: { font: { ...FONT, bold: true }, alignment: WRAP_TOP },
  infoValue: { font: FONT, alignment: WRAP_TOP },
} satisfies Record<string, Partial<ExcelJS.Style>>;

function styleRow(row: ExcelJS.Row, style: Partial<ExcelJS.Style>): void {
  row.eachCell({ includeEmpty: true }, (cell) => {
    cell.style = style;
  });
}

function tableSheet(workbook: ExcelJS.Workbook, name: string, headings: readonly string[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  sheet.columns = headings.map((header, i) => ({ header, width: TABLE_WIDTHS[i] }));
  styleRow(sheet.getRow(1), STYLE.header);
  sheet.pageSetup.printTitlesRow = '1:1';
  return sheet;
}

/*
 * Neither Excel for merged rows nor LibreOffice for rows written by a program
 * grows a row to fit its wrapped text (LibreOffice shows the lines over the next
 * rows), so every row gets a height from its longest cell: lines of 11 pt text
 * at ≈ 0.9 characters per width unit, 15 points a line, and a cell that wraps
 * one line more, as words wrap before the column's edge. Excel's tallest row
 * is 409 points; a taller height is refused or shown wrong.
 */
const LINE_POINTS = 15;
export const MAX_ROW_POINTS = 409;
function linesIn(text: string, width: number): number {
  const perLine = Math.max(1, Math.floor(width * 0.9));
  const parts = text.split('\n');
  const lines = parts.reduce((n, part) => n + Math.max(1, Math.ceil(part.length / perLine)), 0);
  return parts.some((part) => part.length > perLine) ? lines + 1 : lines;
}
export const rowHeight = (cells: readonly string[], widths: readonly number[]): number =>
  Math.min(MAX_ROW_POINTS, LINE_POINTS * Math.max(1, ...cells.map((text, i) => linesIn(text, widths[i] ?? 10))));
const TABLE_CHARS = TABLE_WIDTHS.reduce((a, b) => a + b, 0);
const heightFor = (text: string) => rowHeight([text], [TABLE_CHARS]);

function addGroupRow(sheet: ExcelJS.Worksheet, text: string, bold: boolean): void {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, TABLE_WIDTHS.length);
  row.getCell(1).style = bold ? STYLE.goal : STYLE.note;
  row.height = heightFor(text);
}

function addCardRow(sheet: ExcelJS.Worksheet, cells: CardCells): void {
  const columns = cellLines(cells);
  const texts = columns.map((lines) => lines.join('\n'));
  const values: ExcelJS.CellValue[] = [...texts];
  const rest = columns[TITLE_COLUMN]?.slice(1) ?? [];
  if (cells.title) {
    // The card's short title in bold above its activity text, as one cell.
    values[TITLE_COLUMN] = {
      richText: [
        { font: { bold: true }, text: cells.title },
        ...(rest.length > 0 ? [{ text: `\n${rest.join('\n')}` }] : []),
      ],
    };
  }
  const row = sheet.addRow(values);
  styleRow(row, STYLE.card);
  row.height = rowHeight(texts, TABLE_WIDTHS);
}

function addGroup(sheet: ExcelJS.Worksheet, group: PlanGroup, directionLabel: string | null, words: PlanWords): void {
  if (group.title) addGroupRow(sheet, numbered(group), true);
  if (group.direction) addGroupRow(sheet, `${directionLabel ?? words.direction}: ${group.direction}`, false);
  if (group.cards.length === 0 && group.id !== null) addGroupRow(sheet, words.noCards, false);
  for (const cells of group.cards) addCardRow(sheet, cells);
  // The notes left on the goal, under its cards: one row each, as a list.
  if (group.notes.length > 0) addGroupRow(sheet, words.notes, true);
  for (const note of group.notes) addGroupRow(sheet, `• ${note}`, false);
}

/** Columns of "Alla" that hold numbers or dates, typed as such so that sums and filters work. */
const NUMBER_COLUMNS = new Set(['Röster', 'Votes']);
const DATE_COLUMNS = new Set(['Tidsram från', 'Tidsram till', 'Time frame from', 'Time frame to']);

function typedCell(header: string, text: string): ExcelJS.CellValue {
  if (text === '') return text;
  if (NUMBER_COLUMNS.has(header) && /^-?\d+$/.test(text)) return Number(text);
  if (DATE_COLUMNS.has(header) && /^\d{4}-\d{2}-\d{2}$/.test(text)) return new Date(`${text}T00:00:00Z`);
  return text;
}

function addAllSheet(workbook: ExcelJS.Workbook, plan: PlanData, name: string, lang: PlanLang): void {
  const [header = [], ...rows] = planToTable(plan, lang);
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 },
  });
  const widths = header.map((title) => (/^(Uppföljning|Follow-up) /.test(title) ? 24 : 22));
  sheet.columns = header.map((title, i) => ({ header: title, width: widths[i] }));
  styleRow(sheet.getRow(1), STYLE.header);
  sheet.getRow(1).height = rowHeight(header, widths);
  sheet.pageSetup.printTitlesRow = '1:1';
  const styleOf = (title: string) =>
    NUMBER_COLUMNS.has(title) ? STYLE.number : DATE_COLUMNS.has(title) ? STYLE.date : STYLE.data;
  const styles = header.map(styleOf);
  for (const cells of rows) {
    const row = sheet.addRow(cells.map((text, i) => typedCell(header[i] ?? '', text)));
    row.eachCell({ includeEmpty: true }, (cell, column) => {
      cell.style = styles[column - 1] ?? STYLE.data;
    });
    row.height = rowHeight(cells, widths);
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
}

function addInfoSheet(workbook: ExcelJS.Workbook, plan: PlanData, name: string, INFO: typeof XLSX_NAMES.sv.keys): void {
  const sheet = workbook.addWorksheet(name);
  sheet.columns = [{ width: 20 }, { width: 70 }];
  const rows: [string, string][] = [
    [INFO.format, plan.format],
    [INFO.formatVersion, plan.formatVersion],
    [INFO.title, plan.board.title],
    [INFO.templateTitle, plan.template.title],
    [INFO.templateId, plan.template.id],
    [INFO.templateVersion, plan.template.version],
    [INFO.planFrom, plan.board.planPeriod.from],
    [INFO.planTo, plan.board.planPeriod.to],
    [INFO.boardId, plan.board.id ?? ''],
    [INFO.createdAt, plan.board.createdAt ?? ''],
    [INFO.exportedAt, plan.exportedAt],
  ];
  for (const values of rows) {
    const row = sheet.addRow(values);
    row.getCell(1).style = STYLE.infoKey;
    row.getCell(2).style = STYLE.infoValue;
  }
}

/** The decision log, oldest first, as a sheet of its own (only when there are decisions). */
function addDecisionLogSheet(workbook: ExcelJS.Workbook, plan: PlanData, words: PlanWords): void {
  const rows = decisionLogRows(plan, words);
  if (rows.length === 0) return;
  const sheet = workbook.addWorksheet(words.decisionLog, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = words.decisionLogHeadings.map((header, i) => ({ header, width: DECISION_LOG_WIDTHS[i] }));
  styleRow(sheet.getRow(1), STYLE.header);
  for (const cells of rows) {
    const row = sheet.addRow(cells);
    styleRow(row, STYLE.data);
    row.height = rowHeight(cells, DECISION_LOG_WIDTHS);
  }
}

/** `lang`: the export's language (sheet names, headings, labels, statuses); Swedish by default. */
export async function writeXlsx(input: PlanData, lang: PlanLang = 'sv'): Promise<Uint8Array> {
  const plan = xmlSafePlan(input);
  const words = planWords(lang);
  const names = XLSX_NAMES[lang];
  // Loaded here, not at the top: whoever only imports (the CLI, a worker's first job) never loads
  // exceljs and the unmaintained unzip chain it requires (see read-xlsx.ts).
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  workbook.creator = 'Samtavla';
  workbook.title = `${plan.board.title} (${formatPlanPeriod(plan.board.planPeriod, lang)})`;
  // Fixed dates keep two exports of one board alike; exceljs would stamp "now".
  workbook.created = new Date(plan.exportedAt);
  workbook.modified = new Date(plan.exportedAt);
  // Both languages' sheet names are kept free: the reader looks for either.
  const taken = new Set(Object.values(XLSX_NAMES).flatMap((n) => [n.all.toLowerCase(), n.info.toLowerCase()]));
  for (const lang of PLAN_LANGS) taken.add(planWords(lang).decisionLog.toLowerCase());
  for (const section of planSections(plan, words)) {
    const sheet = tableSheet(workbook, sheetName(numbered(section), taken), words.tableHeadings);
    for (const group of section.groups) addGroup(sheet, group, plan.template.labels.direction, words);
  }
  addAllSheet(workbook, plan, names.all, lang);
  addDecisionLogSheet(workbook, plan, words);
  addInfoSheet(workbook, plan, names.info, names.keys);
  // Fast deflate: the XML is repetitive, so level 1 costs little size and saves much time.
  return new Uint8Array(
    await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } }),
  );
}
