/**
 * Import failures and the limits that guard imports. The server maps an
 * ImportError to a 400/413 whose body is `{ error: message }`, so the message
 * is written for the person who chose the file; `code` lets a client show its
 * own translation instead.
 */

/** Largest file accepted for import (the server also checks it before reading the body). */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;
/** Most cards one import may create. */
export const MAX_IMPORT_CARDS = 10_000;
/** An XLSX of MAX_IMPORT_CARDS cards unpacks to ≈ 20 MB; anything far beyond that is refused unread. */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 100 * 1024 * 1024;
/** A workbook has a handful of parts a sheet; thousands of entries mean something else. */
export const MAX_XLSX_ENTRIES = 1_000;

export type ImportErrorCode =
  | 'too-large'
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
