/**
 * Column headings an importer recognises, per flat-table column: our own export
 * headings in both export languages and each column's aliases (flat.ts; a card field's come from the
 * field registry: its labels in both languages and the headings of the
 * hand-written plans, "Aktiviteter 2019", "Ansvar aktivitet"). Matching ignores case, spacing and a trailing year or colon, so
 * "Aktiviteter 2019", "aktiviteter" and "AKTIVITETER:" are one heading.
 */
import { COLUMNS } from './flat.ts';

/** A heading as it is compared: lower case, single spaces, no trailing year or colon. */
export function normalizeHeading(heading: string): string {
  return heading
    .toLocaleLowerCase('sv')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/:$/, '')
    .replace(/ (19|20)\d\d$/, '')
    .trim();
}

const BY_HEADING = new Map<string, string>();
for (const column of COLUMNS) {
  for (const name of [column.header, column.headerEn, column.key, ...column.aliases]) {
    const heading = normalizeHeading(name);
    const taken = BY_HEADING.get(heading);
    // Two columns answering to one heading would make an import read one column as the other.
    if (taken !== undefined && taken !== column.key) {
      throw new Error(`column heading "${name}" names both ${taken} and ${column.key}`);
    }
    BY_HEADING.set(heading, column.key);
  }
}

/** The flat-table column key a heading names, or undefined for a heading Samtavla does not know. */
export function columnForHeading(heading: string): string | undefined {
  return BY_HEADING.get(normalizeHeading(heading));
}

/** Every accepted heading of a column (for the README and tests). */
export function aliasesOf(key: string): readonly string[] {
  return COLUMNS.find((column) => column.key === key)?.aliases ?? [];
}
