/**
 * Spreadsheet formula injection guard for CSV. Excel and LibreOffice run a
 * cell that starts with = + - @ (or a tab/CR) as a formula, so board text
 * such as "=HYPERLINK(…)" or even "- punkt" would execute or break. Such cells
 * get one leading apostrophe; cells that already start with apostrophes before
 * such a character get one more, so reading strips exactly one and the round
 * trip is exact. XLSX needs none of this: its cells are typed as text.
 */
const RISKY = /^'*[=+\-@\t\r]/;

export const protectCell = (value: string): string => (RISKY.test(value) ? `'${value}` : value);

export const unprotectCell = (value: string): string =>
  value.startsWith("'") && RISKY.test(value) ? value.slice(1) : value;
