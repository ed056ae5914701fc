/**
 * XLSX import: the "Alla" sheet (the flat table) of a workbook, or another sheet with a plan table, plus the
 * board's title, period and template from "Om planen" when present.
 *
 * Read with jszip (already the zip guard's) and saxes, a strict XML parser,
 * instead of exceljs: exceljs's reader pulls a deprecated, unmaintained chain
 * (unzipper 0.10, fstream, rimraf 2, glob 7, inflight) into the import path,
 * and a plan table needs only the cells' text. The bytes pass the zip guard
 * first; XML that declares a DOCTYPE is refused (no entity can be defined, so
 * none can be expanded or fetched), and a value beyond MAX_XLSX_ROWS or
 * MAX_XLSX_COLUMNS is refused before any table of that size is built.
 */
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { ImportError, MAX_XLSX_COLUMNS, MAX_XLSX_ROWS } from './errors.ts';
import { HEADER_SEARCH_ROWS, isPlanHeader } from './from-table.ts';
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

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

const damaged = (part: string, problem: string) =>
  new ImportError('not-xlsx', `The file is not a readable Excel workbook (${part}: ${problem}).`);

/** Element names without their namespace prefix: some writers spell `<x:row>`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Walks one XML part of the workbook. */
function walkXml(xml: string, part: string, on: XmlHandlers): void {
  const parser = new SaxesParser();
  parser.on('doctype', () => {
    throw damaged(part, 'it declares a DOCTYPE, which workbooks never do');
  });
  parser.on('opentag', (tag) => on.open?.(local(tag.name), tag.attributes as Record<string, string>));
  parser.on('closetag', (tag) => on.close?.(local(tag.name)));
  parser.on('text', (text) => on.text?.(text));
  parser.on('cdata', (text) => on.text?.(text));
  parser.on('error', (error) => {
    throw error;
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw damaged(part, (error as Error).message);
  }
}

async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

/** Where each sheet's XML is, by name, and where the shared strings are (from the workbook's relationships). */
async function workbookParts(
  zip: JSZip,
): Promise<{ sheets: Map<string, { name: string; path: string }>; sharedStrings?: string }> {
  const [workbook, rels] = await Promise.all([
    partText(zip, 'xl/workbook.xml'),
    partText(zip, 'xl/_rels/workbook.xml.rels'),
  ]);
  if (workbook === undefined || rels === undefined) throw damaged('xl/workbook.xml', 'missing');
  const targets = new Map<string, { target: string; type: string }>();
  walkXml(rels, 'xl/_rels/workbook.xml.rels', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, { target: a.Target, type: a.Type ?? '' });
    },
  });
  // Targets are relative to xl/ unless absolute within the package.
  const path = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  const sheets = new Map<string, { name: string; path: string }>();
  walkXml(workbook, 'xl/workbook.xml', {
    open(name, a) {
      const id = Object.entries(a).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
      const target = id === undefined ? undefined : targets.get(id)?.target;
      if (name === 'sheet' && a.name && target) {
        sheets.set(a.name.trim().toLowerCase(), { name: a.name.trim(), path: path(target) });
      }
    },
  });
  const shared = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'));
  return { sheets, sharedStrings: shared && path(shared.target) };
}

/** The text of each shared string (runs joined, phonetic hints left out). */
function readSharedStrings(xml: string): string[] {
  const strings: string[] = [];
  let current = '';
  let inText = false;
  let inPhonetic = false;
  walkXml(xml, 'xl/sharedStrings.xml', {
    open(name) {
      if (name === 'si') current = '';
      else if (name === 't') inText = true;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'si') strings.push(current);
      else if (name === 't') inText = false;
      else if (name === 'rPh') inPhonetic = false;
    },
    text(text) {
      if (inText && !inPhonetic) current += text;
    },
  });
  return strings;
}

/** 1-based column of a cell reference such as "AB12". */
function columnOf(reference: string): number {
  let column = 0;
  for (const char of reference.toUpperCase()) {
    if (char < 'A' || char > 'Z') break;
    column = column * 26 + (char.charCodeAt(0) - 64);
  }
  return column;
}

/** A cell's text as a person sees it, by the cell's type. */
function cellValue(type: string | undefined, value: string, inline: string, shared: string[]): string {
  switch (type) {
    case 's':
      return shared[Number(value)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
    case 'd':
      return value;
    case 'b':
      return value === '1' ? 'true' : value === '' ? '' : 'false';
    case 'e':
      return '';
    default:
      return value === '' || Number.isNaN(Number(value)) ? value : String(Number(value));
  }
}

/** A sheet as rows of cell text, each as wide as the widest row; rows and columns past the limits are refused. */
function readSheet(xml: string, sheetName: string, shared: string[]): string[][] {
  const rows: string[][] = [];
  let width = 0;
  let row = 0;
  let column = 0;
  let cell = { type: undefined as string | undefined, value: '', inline: '' };
  let reading: 'value' | 'inline' | undefined;
  let inPhonetic = false;
  walkXml(xml, `sheet "${sheetName}"`, {
    open(name, a) {
      if (name === 'row') {
        row = a.r ? Number(a.r) : row + 1;
        column = 0;
      } else if (name === 'c') {
        column = a.r ? columnOf(a.r) : column + 1;
        cell = { type: a.t, value: '', inline: '' };
      } else if (name === 'v') reading = 'value';
      else if (name === 't') reading = 'inline';
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 'v' || name === 't') reading = undefined;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'c') {
        const text = cellValue(cell.type, cell.value, cell.inline, shared);
        if (text === '') return;
        if (!(row >= 1 && row <= MAX_XLSX_ROWS && column >= 1 && column <= MAX_XLSX_COLUMNS)) {
          throw new ImportError(
            'invalid',
            `Excel sheet "${sheetName}" has a value in row ${row}, column ${column}; Samtavla reads at most ${MAX_XLSX_ROWS} rows and ${MAX_XLSX_COLUMNS} columns.`,
            { sheet: sheetName, row },
          );
        }
        const cells = rows[row - 1] ?? [];
        rows[row - 1] = cells;
        cells[column - 1] = text;
        width = Math.max(width, column);
      }
    },
    text(text) {
      if (reading === 'value') cell.value += text;
      else if (reading === 'inline' && !inPhonetic) cell.inline += text;
    },
  });
  return Array.from(rows, (cells) => Array.from({ length: width }, (_, i) => cells?.[i] ?? ''));
}

function readInfo(rows: string[][] | undefined): XlsxInfo {
  if (!rows) return {};
  const values = new Map(rows.map((row) => [(row[0] ?? '').trim(), (row[1] ?? '').trim()]));
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

/**
 * The plan table of a workbook: the "Alla" sheet of our own export, else the
 * first sheet (in workbook order) with a plan header row near its top, so a
 * hand-made "Blad1" is read too.
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<{ table: string[][]; info: XlsxInfo; sheet: string }> {
  await guardZip(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError('not-xlsx', `The file is not a readable Excel workbook: ${(error as Error).message}`);
  }
  const { sheets, sharedStrings } = await workbookParts(zip);
  const sharedXml = sharedStrings === undefined ? undefined : await partText(zip, sharedStrings);
  const shared = sharedXml === undefined ? [] : readSharedStrings(sharedXml);
  const sheet = async (key: string) => {
    const entry = sheets.get(key.toLowerCase());
    const xml = entry === undefined ? undefined : await partText(zip, entry.path);
    return xml === undefined || entry === undefined ? undefined : readSheet(xml, entry.name, shared);
  };
  const info = readInfo(await sheet(INFO_SHEET));
  const keys = [ALL_SHEET.toLowerCase(), ...[...sheets.keys()].filter((k) => k !== ALL_SHEET.toLowerCase())];
  for (const key of keys) {
    if (key === INFO_SHEET.toLowerCase()) continue;
    const table = await sheet(key);
    if (table?.slice(0, HEADER_SEARCH_ROWS).some(isPlanHeader)) {
      return { table, info, sheet: sheets.get(key)?.name ?? key };
    }
  }
  throw new ImportError(
    'invalid',
    `No sheet of the workbook has a plan table: a header row with a column "Aktivitet" (or "Aktiviteter 2019", "Activity") or "Rubrik" in its first ${HEADER_SEARCH_ROWS} rows.`,
    { sheet: [...sheets.values()][0]?.name ?? ALL_SHEET },
  );
}
