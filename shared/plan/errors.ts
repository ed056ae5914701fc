/**
 * Import failures and the limits that guard imports. The server maps an
 * ImportError to a 400/413 whose body is `{ error: message }`, so the message
 * is written for the person who chose the file; `code` lets a client show its
 * own translation instead.
 */

/** Largest file accepted for import (the server also checks it before reading the body). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** An XLSX of 10,000 cards (five times a board's limit) unpacks to ≈ 20 MB; anything far beyond that is refused unread. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** A workbook has a handful of parts a sheet; thousands of entries mean something else. */
export const MAX_XLSX_ENTRIES = 1_000;
/**
 * The farthest cell the XLSX reader takes a value from: ten times the rows of a
 * full board, and far more columns than the flat table's (≈ 25, and 3 a follow-up
 * period). Beyond them the file is refused before a table that large is built.
 */
export const MAX_XLSX_ROWS = 20_000;
export const MAX_XLSX_COLUMNS = 200;

export type ImportErrorCode =
  | 'too-large'
  | 'too-many-cards'
  | 'unknown-format'
  | 'not-json'
  | 'not-plan'
  | 'format-version'
  | 'invalid'
  | 'csv-syntax'
  | 'not-xlsx'
  | 'zip-bomb';

/** Where in the file the problem is, as far as the reader can tell. */
export interface ImportErrorLocation {
  line?: number;
  row?: number;
  field?: string;
  sheet?: string;
}

export class ImportError extends Error {
  readonly code: ImportErrorCode;
  readonly location: ImportErrorLocation;

  constructor(code: ImportErrorCode, message: string, location: ImportErrorLocation = {}) {
    super(message);
    this.name = 'ImportError';
    this.code = code;
    this.location = location;
  }
}

/** More cards than a board may hold (the live limit, MAX_CARDS_PER_BOARD in shared/limits.ts). */
export const tooManyCards = (where: string, limit: number, location: ImportErrorLocation = {}): ImportError =>
  new ImportError(
    'too-many-cards',
    `${where} has more than ${limit} cards, the most a board holds; split the plan over several boards.`,
    location,
  );
