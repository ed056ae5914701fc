/**
 * The XLSX reader (shared/plan/read-xlsx.ts): its own small reader on jszip and
 * saxes, so the import path holds none of exceljs's unmaintained unzip chain,
 * with strict limits on what it builds. Round trips are in plan-roundtrip.test.ts.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { docToPlan, ImportError, importPlan, MAX_XLSX_ROWS, writePlan } from '../../shared/plan/index.ts';
import { readXlsxTable } from '../../shared/plan/read-xlsx.ts';
import { HSVO, NOW, sampleBoard } from './plan-helpers.ts';

const run = promisify(execFile);

async function workbook(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  fill(book.addWorksheet('Alla'));
  return new Uint8Array(await book.xlsx.writeBuffer());
}

async function importError(bytes: Uint8Array): Promise<ImportError> {
  const error = await importPlan(bytes, 'plan.xlsx', { template: HSVO }).then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(ImportError);
  return error as ImportError;
}

describe('XLSX reader', () => {
  it('reads what Excel keeps: shared and inline strings, rich text, numbers, booleans, formula results', async () => {
    const bytes = await workbook((sheet) => {
      sheet.addRow(['Aktivitet', 'Tal', 'Sant', 'Formel']);
      sheet.addRow([
        { richText: [{ font: { bold: true }, text: 'Fet ' }, { text: 'och vanlig' }] },
        2025,
        true,
        { formula: 'B2*2', result: 4050 },
      ]);
      sheet.getCell('A4').value = 'Efter en tom rad';
    });
    const { table } = await readXlsxTable(bytes);
    expect(table).toEqual([
      ['Aktivitet', 'Tal', 'Sant', 'Formel'],
      ['Fet och vanlig', '2025', 'true', '4050'],
      ['', '', '', ''],
      ['Efter en tom rad', '', '', ''],
    ]);
  });

  it('refuses XML that declares a DOCTYPE, so no entity is ever expanded or fetched', async () => {
    const good = await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'xlsx');
    const zip = await JSZip.loadAsync(good.body);
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    const evil = strings.replace(
      /^(<\?xml[^>]*\?>)?/,
      '$1<!DOCTYPE sst [<!ENTITY xxe SYSTEM "file:///etc/passwd"><!ENTITY lol "lol">]>',
    );
    zip.file('xl/sharedStrings.xml', evil.replace('<t>', '<t>&xxe;&lol;'));
    const error = await importError(await zip.generateAsync({ type: 'uint8array' }));
    expect(error.code).toBe('not-xlsx');
    expect(error.message).toMatch(/sharedStrings\.xml: it declares a DOCTYPE/);
  });

  it('refuses a value past the rows and columns it reads, before building a table that large', async () => {
    const far = await workbook((sheet) => {
      sheet.addRow(['Delmål-id', 'Aktivitet']);
      sheet.getCell(`B${MAX_XLSX_ROWS + 1}`).value = 'långt ner';
    });
    const error = await importError(far);
    expect(error.code).toBe('invalid');
    expect(error.message).toMatch(`row ${MAX_XLSX_ROWS + 1}, column 2; Samtavla reads at most ${MAX_XLSX_ROWS} rows`);
    const wide = await workbook((sheet) => {
      sheet.getCell('A1').value = 'Aktivitet';
      sheet.getCell('XFD1').value = 'längst till höger';
    });
    expect((await importError(wide)).message).toMatch('row 1, column 16384');
  });

  it('chooses a sheet from its first rows only, so a large data sheet ahead of the plan does not fail the import', async () => {
    const book = new ExcelJS.Workbook();
    const data = book.addWorksheet('Data');
    data.getCell('A1').value = 'Budget';
    data.getCell(`A${MAX_XLSX_ROWS + 5}`).value = 'långt ner';
    data.getCell('XFD2').value = 'längst till höger';
    book.addWorksheet('Blad1').addRows([['Aktivitet'], ['Fallprevention']]);
    const plan = await importPlan(new Uint8Array(await book.xlsx.writeBuffer()), 'plan.xlsx', { template: HSVO });
    expect(plan.unplaced.map((c) => c.activity)).toEqual(['Fallprevention']);
  });

  it('keeps exceljs and its unzip chain out of the import path', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'samtavla-xlsx-')), 'plan.xlsx');
    writeFileSync(file, (await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'xlsx')).body);
    // A fresh Node process imports the file as the CLI does; exceljs is CommonJS, so whatever it loads is in require.cache.
    const script = `
      import { createRequire } from 'node:module';
      const plan = await import('./shared/plan/index.ts');
      await plan.importPlan(new Uint8Array(await (await import('node:fs/promises')).readFile(process.argv[1])), 'plan.xlsx');
      const cache = Object.keys(createRequire(import.meta.url).cache);
      console.log(JSON.stringify(cache.filter((path) => /node_modules\\/(exceljs|unzipper|fstream|rimraf|glob|inflight)\\//.test(path))));
    `;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script, file]);
    rmSync(dirname(file), { recursive: true, force: true });
    expect(JSON.parse(stdout)).toEqual([]);
  });
});
