/**
 * The export menu's entries: one per file a facilitator may want, each a
 * `GET /api/boards/:id/export` URL. The formats are only type-imported from
 * shared/plan, so the writers (exceljs, docx) stay out of the browser bundle.
 */
import type { PlanFormat } from '../../shared/plan/formats.ts';
import type { MessageKey } from '../i18n/messages.ts';

export interface ExportChoice {
  /** Stable id for tests and React keys. */
  id: string;
  format: PlanFormat;
  /** CSV only: the server's default is `;`, which Swedish Excel opens directly. */
  delimiter?: ',';
  label: MessageKey;
  hint: MessageKey;
}

export const EXPORT_CHOICES: readonly ExportChoice[] = [
  { id: 'xlsx', format: 'xlsx', label: 'export.xlsx', hint: 'export.xlsx.hint' },
  { id: 'docx', format: 'docx', label: 'export.docx', hint: 'export.docx.hint' },
  { id: 'csv', format: 'csv', label: 'export.csv', hint: 'export.csv.hint' },
  { id: 'csv-comma', format: 'csv', delimiter: ',', label: 'export.csvComma', hint: 'export.csvComma.hint' },
  { id: 'json', format: 'json', label: 'export.json', hint: 'export.json.hint' },
  { id: 'md', format: 'md', label: 'export.md', hint: 'export.md.hint' },
];

/**
 * The download URL of one export of a board, or of one of its versions, in
 * the page's language (headings, labels, statuses; README "Export and import").
 */
export function exportUrl(boardId: string, choice: ExportChoice, versionId?: string, lang: 'sv' | 'en' = 'sv'): string {
  const params = new URLSearchParams({ format: choice.format });
  if (choice.delimiter) params.set('delimiter', choice.delimiter);
  // JSON is data, the same in every language.
  if (lang !== 'sv' && choice.format !== 'json') params.set('lang', lang);
  if (versionId) params.set('version', versionId);
  return `/api/boards/${encodeURIComponent(boardId)}/export?${params}`;
}

/** A name for the file when the server's Content-Disposition is missing or unreadable. */
export const fallbackFileName = (choice: ExportChoice): string => `samverkansplan.${choice.format}`;

/**
 * The file name from a Content-Disposition header (RFC 6266): the exact UTF-8
 * `filename*` when present, else the plain `filename`, else null.
 */
export function fileNameFrom(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(header);
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim());
    } catch {
      // A malformed escape: fall through to the ASCII name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(header);
  const name = (plain?.[1] ?? plain?.[2] ?? '').trim();
  return name || null;
}
