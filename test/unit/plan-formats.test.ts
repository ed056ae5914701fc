import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  EXPORT_FORMATS,
  exportPlan,
  IMPORT_FORMATS,
  importFormat,
  isPlanFormat,
  PLAN_FORMATS,
} from '../../shared/plan/index.ts';
import { HSVO, NOW, sampleBoard } from './plan-helpers.ts';

describe('the export registry', () => {
  it('offers the five formats, each with a content type and an extension', () => {
    expect(EXPORT_FORMATS).toEqual(['json', 'csv', 'xlsx', 'docx', 'md']);
    expect(Object.fromEntries(EXPORT_FORMATS.map((f) => [f, PLAN_FORMATS[f].extension]))).toEqual({
      json: 'json',
      csv: 'csv',
      xlsx: 'xlsx',
      docx: 'docx',
      md: 'md',
    });
    expect(PLAN_FORMATS.xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(PLAN_FORMATS.docx.contentType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(isPlanFormat('xlsx')).toBe(true);
    expect(isPlanFormat('toString')).toBe(false);
    expect(isPlanFormat('pdf')).toBe(false);
  });

  it.each(EXPORT_FORMATS)('exportPlan(%s) returns body, content type and dated file name', async (format) => {
    const result = await exportPlan(sampleBoard(), HSVO, format, { boardId: 'b1', now: NOW });
    expect(result.contentType).toBe(PLAN_FORMATS[format].contentType);
    expect(result.fileName).toBe(`samverkansplan-heby-2025-2025-03-01.${format}`);
    expect(result.plan.board.id).toBe('b1');
    const binary = format === 'xlsx' || format === 'docx';
    expect(typeof result.body).toBe(binary ? 'object' : 'string');
    if (binary) {
      // Office files are zips holding their main part.
      const zip = await JSZip.loadAsync(result.body as Uint8Array);
      expect(zip.file(format === 'xlsx' ? 'xl/workbook.xml' : 'word/document.xml')).not.toBeNull();
    }
  });
});

describe('importFormat', () => {
  it.each([
    ['json', 'json'],
    ['CSV', 'csv'],
    ['plan.XLSX', 'xlsx'],
    ['C:\\Users\\anna\\samverkansplan-heby-2025.csv', 'csv'],
    ['/tmp/export.json', 'json'],
  ])('%s → %s', (input, format) => {
    expect(importFormat(input)).toBe(format);
  });

  it('knows the three import formats', () => {
    expect(IMPORT_FORMATS).toEqual(['json', 'csv', 'xlsx']);
    expect(() => importFormat('plan.docx')).toThrow(/JSON, CSV or Excel/);
  });
});
