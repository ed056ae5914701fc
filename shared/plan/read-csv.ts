/**
 * CSV import: the flat table as the CSV export writes it, or as Excel saves
 * it again (";" or ",", UTF-8 or Windows-1252, with or without a BOM).
 * Broken quoting is an error naming its line; a guess would shift columns.
 * A CSV is held to the XLSX reader's column limit: the importer's work grows
 * with columns × rows, and a plan table has about 25 columns.
 */
import Papa from 'papaparse';
import { unprotectCell } from './csv-cells.ts';
import { ImportError, MAX_XLSX_COLUMNS } from './errors.ts';
import { decodeText } from './text-decode.ts';

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted field is never closed (a closing " is missing)',
  InvalidQuotes: 'a quote inside a quoted field must be written twice ("")',
};

/** The rows of a CSV file, cells as the exporter wrote them. */
export function readCsvTable(bytes: Uint8Array): string[][] {
  const text = decodeText(bytes, true);
  const result = Papa.parse<string[]>(text, { delimitersToGuess: [';', ',', '\t'], skipEmptyLines: 'greedy' });
  const problem = result.errors.find((error) => error.type === 'Quotes');
  if (problem) {
    const line = text.slice(0, problem.index ?? 0).split('\n').length;
    throw new ImportError('csv-syntax', `CSV line ${line}: ${QUOTE_PROBLEMS[problem.code] ?? problem.message}.`, {
      line,
    });
  }
  const wide = result.data.findIndex((row) => row.length > MAX_XLSX_COLUMNS);
  if (wide >= 0) {
    throw new ImportError(
      'invalid',
      `CSV row ${wide + 1} has ${result.data[wide]?.length} columns; Samtavla reads at most ${MAX_XLSX_COLUMNS} columns.`,
      { row: wide + 1 },
    );
  }
  return result.data.map((row) => row.map(unprotectCell));
}
