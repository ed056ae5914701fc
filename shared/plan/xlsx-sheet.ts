/**
 * The XML parts of a workbook as text: a strict walk over one part (saxes; a
 * DOCTYPE is refused, so no entity is ever defined, expanded or fetched), its
 * shared strings, and a sheet as rows of cell text within MAX_XLSX_ROWS and
 * MAX_XLSX_COLUMNS, or only its first rows when a sheet is being chosen.
 */
import { SaxesParser } from 'saxes';
import { ImportError, MAX_XLSX_COLUMNS, MAX_XLSX_ROWS } from './errors.ts';
import { HEADER_SEARCH_ROWS } from './table-header.ts';

export interface XmlHandlers {
  open?(name: string, attributes: Record<string, string>): void;
  close?(name: string): void;
  text?(text: string): void;
}

/** Thrown from a handler to stop reading a sheet once its first rows are in. */
const ENOUGH = Symbol('enough rows');

export const damaged = (part: string, problem: string) =>
  new ImportError('not-xlsx', `The file is not a readable Excel workbook (${part}: ${problem}).`);

/** Element names without their namespace prefix: some writers spell `<x:row>`. */
const local = (name: string) => name.slice(name.indexOf(':') + 1);

/** Walks one XML part of the workbook. */
export function walkXml(xml: string, part: string, on: XmlHandlers): void {
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
    if (error instanceof ImportError || error === ENOUGH) throw error;
    throw damaged(part, (error as Error).message);
  }
}

/** The text of each shared string (runs joined, phonetic hints left out). */
export function readSharedStrings(xml: string): string[] {
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

/**
 * A sheet as rows of cell text, each as wide as the widest row; rows and columns past the limits are refused.
 * With `probe`, only the first HEADER_SEARCH_ROWS rows are read, and cells past the limits are skipped instead.
 */
export function readSheet(xml: string, sheetName: string, shared: string[], probe = false): string[][] {
  const rows: string[][] = [];
  let width = 0;
  let row = 0;
  let column = 0;
  let cell = { type: undefined as string | undefined, value: '', inline: '' };
  let reading: 'value' | 'inline' | undefined;
  let inPhonetic = false;
  const handlers: XmlHandlers = {
    open(name, a) {
      if (name === 'row') {
        row = a.r ? Number(a.r) : row + 1;
        column = 0;
        if (probe && row > HEADER_SEARCH_ROWS) throw ENOUGH;
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
          if (probe) return;
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
  };
  try {
    walkXml(xml, `sheet "${sheetName}"`, handlers);
  } catch (error) {
    if (error !== ENOUGH) throw error;
  }
  return Array.from(rows, (cells) => Array.from({ length: width }, (_, i) => cells?.[i] ?? ''));
}
