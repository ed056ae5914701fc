/**
 * CSV export: the flat table, one row a card. Defaults suit Swedish Excel,
 * which reads UTF-8 only with a BOM and splits on ";" (the list separator of
 * the Swedish locale, where "," is the decimal mark).
 */
import Papa from 'papaparse';
import { protectCell } from './csv-cells.ts';
import { planToTable } from './flat.ts';
import type { PlanLang } from './labels.ts';
import type { PlanData } from './schema.ts';

export type CsvDelimiter = ';' | ',';

export interface CsvOptions {
  delimiter?: CsvDelimiter;
  /** Byte order mark; on by default because Excel guesses a legacy code page without it. */
  bom?: boolean;
  /** Headings and status words in this language (an import reads either); Swedish by default. */
  lang?: PlanLang;
}

export function writeCsv(plan: PlanData, options: CsvOptions = {}): string {
  const table = planToTable(plan, options.lang).map((row) => row.map(protectCell));
  const csv = Papa.unparse(table, { delimiter: options.delimiter ?? ';', newline: '\r\n', quotes: false });
  return options.bom === false ? csv : `\uFEFF${csv}`;
}
