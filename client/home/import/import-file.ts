/**
 * What the browser can tell about a chosen plan file before sending it: its
 * format from the extension, and whether it is small enough. The server checks
 * both again; checking here spares people a 10 MB upload that is refused.
 */
import { MAX_IMPORT_BYTES } from '../../../shared/plan/errors.ts';
import type { ImportFormat } from '../../../shared/plan/import.ts';

/** The file types the server imports (shared/plan IMPORT_FORMATS), listed here so the readers stay out of the bundle. */
export const IMPORTABLE: readonly ImportFormat[] = ['json', 'csv', 'xlsx'];

/** The `accept` attribute of the file input: extensions, so every OS file dialog filters alike. */
export const ACCEPT = IMPORTABLE.map((format) => `.${format}`).join(',');

export const MAX_IMPORT_MB = MAX_IMPORT_BYTES / (1024 * 1024);

export type FileCheck =
  | { ok: true; format: ImportFormat }
  | { ok: false; problem: 'wrong-type' }
  | { ok: false; problem: 'too-large' };

/** The import format a file name says, or null. */
export function formatOf(fileName: string): ImportFormat | null {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return IMPORTABLE.find((format) => format === extension) ?? null;
}

export function checkFile(file: { name: string; size: number }): FileCheck {
  const format = formatOf(file.name);
  if (!format) return { ok: false, problem: 'wrong-type' };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problem: 'too-large' };
  return { ok: true, format };
}

/** "12,4 MB" / "830 kB": a size as people read it, in the interface's language. */
export function fileSize(bytes: number, lang: 'sv' | 'en'): string {
  const locale = lang === 'sv' ? 'sv-SE' : 'en-GB';
  if (bytes < 1024 * 1024) {
    return `${Math.max(1, Math.round(bytes / 1024)).toLocaleString(locale)} kB`;
  }
  // Rounded up, so a file just over the limit never reads as exactly the limit.
  const tenths = Math.ceil((bytes / (1024 * 1024)) * 10) / 10;
  return `${tenths.toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}
