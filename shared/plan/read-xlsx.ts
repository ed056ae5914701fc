/**
 * XLSX import: the "Alla" sheet (the flat table) of a workbook, plus the
 * board's title, period and template from "Om planen" when present. The
 * bytes pass the zip guard before exceljs sees them.
 */
import ExcelJS from 'exceljs';
import { ImportError } from './errors.ts';
import { isIsoDate } from './period.ts';
import { ALL_SHEET, INFO, INFO_SHEET } from './xlsx-layout.ts';
import { guardZip } from './zip-guard.ts';

export interface XlsxInfo {
  title?: string;
  templateId?: string;
  planPeriod?: { from: string; to: string };
  boardId?: string;
  createdAt?: string;
}

/** A cell as text, whatever Excel made of it after someone edited the sheet. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString();
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('formula' in value || 'sharedFormula' in value)
    return value.result === undefined ? '' : cellText(value.result as ExcelJS.CellValue);
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellText(value.text as ExcelJS.CellValue);
  return '';
}

function sheetRows(sheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = sheet.columnCount;
  sheet.eachRow({ includeEmpty: true }, (row, number) => {
    const cells: string[] = [];
    for (let column = 1; column <= width; column++) cells.push(cellText(row.getCell(column).value));
    rows[number - 1] = cells;
  });
  return Array.from(rows, (row) => row ?? []);
}

const findSheet = (workbook: ExcelJS.Workbook, name: string) =>
  workbook.worksheets.find((sheet) => sheet.name.trim().toLowerCase() === name.toLowerCase());

function readInfo(sheet: ExcelJS.Worksheet | undefined): XlsxInfo {
  if (!sheet) return {};
  const values = new Map(sheetRows(sheet).map((row) => [(row[0] ?? '').trim(), (row[1] ?? '').trim()]));
  const get = (key: string) => values.get(key) || undefined;
  const from = get(INFO.planFrom);
  const to = get(INFO.planTo);
  return {
    title: get(INFO.title),
    templateId: get(INFO.templateId),
    planPeriod: from && to && isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : undefined,
    boardId: get(INFO.boardId),
    createdAt: get(INFO.createdAt),
  };
}

export async function readXlsxTable(bytes: Uint8Array): Promise<{ table: string[][]; info: XlsxInfo }> {
  await guardZip(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's typings want a Node Buffer; at runtime it takes any binary (it hands it to JSZip).
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new ImportError('not-xlsx', `The file is not a readable Excel workbook: ${(error as Error).message}`);
  }
  const sheet = findSheet(workbook, ALL_SHEET);
  if (!sheet) {
    throw new ImportError(
      'invalid',
      `The workbook has no sheet named "${ALL_SHEET}". Samtavla imports the "${ALL_SHEET}" sheet of its own Excel export.`,
      { sheet: ALL_SHEET },
    );
  }
  return { table: sheetRows(sheet), info: readInfo(findSheet(workbook, INFO_SHEET)) };
}
