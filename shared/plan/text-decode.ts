/** Text files as people actually have them: with or without a BOM, and from Excel often not in UTF-8. */
import { ImportError } from './errors.ts';

/**
 * Decodes UTF-8 (a leading BOM dropped). With `legacy`, bytes that are not
 * UTF-8 are read as Windows-1252, the code page Swedish Excel uses for
 * "CSV (semikolonavgränsad)"; otherwise they are an error.
 */
export function decodeText(bytes: Uint8Array, legacy = false): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    if (!legacy) throw new ImportError('not-json', 'The file is not UTF-8 text.');
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
