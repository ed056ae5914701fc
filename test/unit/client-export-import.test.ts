import { describe, expect, it } from 'vitest';
import { EXPORT_CHOICES, exportUrl, fallbackFileName, fileNameFrom } from '../../client/export/export-choices.ts';
import { ACCEPT, checkFile, fileSize, formatOf, IMPORTABLE } from '../../client/home/import/import-file.ts';
import { EXPORT_FORMATS, IMPORT_FORMATS, MAX_IMPORT_BYTES } from '../../shared/plan/index.ts';

describe('the export menu entries', () => {
  it('offer every export format the server writes, and CSV both ways', () => {
    expect(new Set(EXPORT_CHOICES.map((c) => c.format))).toEqual(new Set(EXPORT_FORMATS));
    expect(EXPORT_CHOICES.filter((c) => c.format === 'csv').map((c) => c.delimiter)).toEqual([undefined, ',']);
    expect(new Set(EXPORT_CHOICES.map((c) => c.id)).size).toBe(EXPORT_CHOICES.length);
  });

  it('link to the export route, with the delimiter only for comma CSV', () => {
    const url = (id: string) => exportUrl('abc_DEF-123', EXPORT_CHOICES.find((c) => c.id === id)!);
    expect(url('xlsx')).toBe('/api/boards/abc_DEF-123/export?format=xlsx');
    expect(url('csv')).toBe('/api/boards/abc_DEF-123/export?format=csv');
    expect(url('csv-comma')).toBe('/api/boards/abc_DEF-123/export?format=csv&delimiter=%2C');
  });

  it("ask for the page's language when it is English; JSON is data and has none", () => {
    const url = (id: string) => exportUrl('b1', EXPORT_CHOICES.find((c) => c.id === id)!, undefined, 'en');
    expect(url('docx')).toBe('/api/boards/b1/export?format=docx&lang=en');
    expect(url('csv-comma')).toBe('/api/boards/b1/export?format=csv&delimiter=%2C&lang=en');
    expect(url('json')).toBe('/api/boards/b1/export?format=json');
  });
});

describe('fileNameFrom', () => {
  it("prefers the exact UTF-8 name over the ASCII fallback (the server's RFC 6266 header)", () => {
    const header = `attachment; filename="samverkansplan-habo-2025.xlsx"; filename*=UTF-8''samverkansplan-h%C3%A5bo-2025.xlsx`;
    expect(fileNameFrom(header)).toBe('samverkansplan-håbo-2025.xlsx');
  });

  it('reads a plain quoted or unquoted name, and gives null for nothing usable', () => {
    expect(fileNameFrom('attachment; filename="plan.docx"')).toBe('plan.docx');
    expect(fileNameFrom('attachment; filename=plan.md')).toBe('plan.md');
    expect(fileNameFrom(`attachment; filename*=UTF-8''%E0%A4%A; filename="ok.csv"`)).toBe('ok.csv');
    expect(fileNameFrom('attachment')).toBeNull();
    expect(fileNameFrom(null)).toBeNull();
    expect(fallbackFileName(EXPORT_CHOICES[0]!)).toMatch(/^samverkansplan\.\w+$/);
  });
});

describe('the import file check', () => {
  it('accepts exactly the formats the server imports', () => {
    expect([...IMPORTABLE]).toEqual([...IMPORT_FORMATS]);
    expect(ACCEPT).toBe('.json,.csv,.xlsx');
    expect(formatOf('Plan 2025.XLSX')).toBe('xlsx');
    expect(formatOf('plan.xls')).toBeNull();
    expect(formatOf('plan')).toBeNull();
  });

  it('refuses a wrong type and anything over the limit before uploading', () => {
    expect(checkFile({ name: 'plan.csv', size: MAX_IMPORT_BYTES })).toEqual({ ok: true, format: 'csv' });
    expect(checkFile({ name: 'plan.csv', size: MAX_IMPORT_BYTES + 1 })).toEqual({ ok: false, problem: 'too-large' });
    expect(checkFile({ name: 'plan.pdf', size: 10 })).toEqual({ ok: false, problem: 'wrong-type' });
  });

  it('writes sizes readably, never showing an oversized file as exactly the limit', () => {
    expect(fileSize(MAX_IMPORT_BYTES + 1, 'sv')).toBe('10,1 MB');
    expect(fileSize(12.34 * 1024 * 1024, 'en')).toBe('12.4 MB');
    expect(fileSize(200, 'sv')).toBe('1 kB');
    expect(fileSize(830 * 1024, 'en')).toBe('830 kB');
  });
});
