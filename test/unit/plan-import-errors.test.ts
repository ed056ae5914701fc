import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import {
  docToPlan,
  ImportError,
  type ImportErrorCode,
  importPlan,
  MAX_IMPORT_BYTES,
  MAX_XLSX_ENTRIES,
  MAX_XLSX_UNCOMPRESSED_BYTES,
  writePlan,
} from '../../shared/plan/index.ts';
import { guardZip } from '../../shared/plan/zip-guard.ts';
import { HSVO, NOW, sampleBoard } from './plan-helpers.ts';

const text = (value: string) => new TextEncoder().encode(value);

/** The ImportError an import fails with (the test fails if it succeeds or throws anything else). */
async function failure(bytes: Uint8Array, name: string): Promise<ImportError> {
  try {
    await importPlan(bytes, name, { template: HSVO });
  } catch (error) {
    expect(error).toBeInstanceOf(ImportError);
    return error as ImportError;
  }
  throw new Error(`importing ${name} succeeded`);
}

async function expectFailure(bytes: Uint8Array, name: string, code: ImportErrorCode, message: RegExp) {
  const error = await failure(bytes, name);
  expect(error.code).toBe(code);
  expect(error.message).toMatch(message);
  return error;
}

const goodJson = async () =>
  JSON.parse(String((await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'json')).body));
const goodCsv = async () => String((await writePlan(docToPlan(sampleBoard(), HSVO, { now: NOW }), 'csv')).body);

describe('importing a bad JSON file', () => {
  it('names the line where the JSON breaks', async () => {
    const error = await expectFailure(
      text('{\n  "format": "samverkansplan",\n  oops\n}'),
      'plan.json',
      'not-json',
      /line 3/,
    );
    expect(error.location.line).toBe(3);
  });

  it('says when the JSON is not a plan', async () => {
    await expectFailure(text('[1, 2]'), 'plan.json', 'not-plan', /not a Samtavla plan/);
    await expectFailure(text('{"format": "other"}'), 'plan.json', 'not-plan', /"format": "samverkansplan"/);
  });

  it.each(['2.0', '10.3'])('refuses the newer major version %s and says to update', async (version) => {
    const plan = { ...(await goodJson()), formatVersion: version };
    await expectFailure(
      text(JSON.stringify(plan)),
      'plan.json',
      'format-version',
      new RegExp(
        `format version ${version.replace('.', '\\.')}, a newer major version than this Samtavla reads \\(1\\.x\\)\\. Update Samtavla`,
      ),
    );
  });

  it('refuses the draft version 0.1 and a missing version', async () => {
    const plan = await goodJson();
    await expectFailure(
      text(JSON.stringify({ ...plan, formatVersion: '0.1' })),
      'p.json',
      'format-version',
      /no longer reads/,
    );
    await expectFailure(
      text(JSON.stringify({ ...plan, formatVersion: 1 })),
      'p.json',
      'format-version',
      /no valid formatVersion/,
    );
  });

  it('names the field that breaks the schema', async () => {
    const plan = await goodJson();
    plan.focusAreas[1].goals[0].cards[0].status = 'approved';
    const error = await expectFailure(
      text(JSON.stringify(plan)),
      'plan.json',
      'invalid',
      /focusAreas\[1\]\.goals\[0\]\.cards\[0\]\.status/,
    );
    expect(error.location.field).toBe('focusAreas[1].goals[0].cards[0].status');
  });

  it('refuses text longer than a card field holds instead of cutting it', async () => {
    const plan = await goodJson();
    plan.unplaced[0].activity = 'x'.repeat(5001);
    await expectFailure(text(JSON.stringify(plan)), 'plan.json', 'invalid', /unplaced\[0\]\.activity/);
  });

  it('refuses files over MAX_IMPORT_BYTES before reading them', async () => {
    await expectFailure(new Uint8Array(MAX_IMPORT_BYTES + 1), 'plan.json', 'too-large', /larger than 10 MB/);
  });
});

describe('importing a bad CSV file', () => {
  it('names the line of a quoted field that never closes', async () => {
    const csv = 'Aktivitet;Ansvar\r\nEtt;Två\r\n"Tre;Fyra\r\n';
    const error = await expectFailure(text(csv), 'plan.csv', 'csv-syntax', /CSV line 3: .*closing " is missing/);
    expect(error.location.line).toBe(3);
  });

  it('names the line of a quote that is not doubled', async () => {
    const csv = 'Aktivitet;Ansvar\r\n"Säger "hej" till";Två\r\n';
    await expectFailure(text(csv), 'plan.csv', 'csv-syntax', /CSV line 2: .*written twice/);
  });

  it('names row and column of a value it does not understand', async () => {
    const csv = (await goodCsv()).replace('Överenskommen', 'Godkänd');
    const error = await expectFailure(
      text(csv),
      'plan.csv',
      'invalid',
      /row 6, column "Status": unknown status "Godkänd"/,
    );
    expect(error.location).toMatchObject({ row: 6, field: 'Status' });
    const votes = 'Aktivitet;Röster\r\nEtt;många\r\n';
    await expectFailure(text(votes), 'plan.csv', 'invalid', /row 2, column "Röster": "många" is not a whole number/);
    const followUp = 'Aktivitet;Uppföljning 2025: status\r\nEtt;Klar\r\n';
    await expectFailure(
      text(followUp),
      'plan.csv',
      'invalid',
      /column "Uppföljning 2025: status": unknown follow-up status/,
    );
  });

  it('wants a header row it recognises', async () => {
    await expectFailure(text('a;b\r\n1;2\r\n'), 'plan.csv', 'invalid', /header row .* "Aktivitet"/);
    await expectFailure(text(''), 'plan.csv', 'invalid', /empty/);
  });
});

/** A one-entry zip of `size` zero bytes. */
const zipOfZeros = (size: number) =>
  new JSZip().file('xl/big.xml', new Uint8Array(size)).generateAsync({ type: 'uint8array', compression: 'DEFLATE' });

/** Rewrites the uncompressed size a one-entry zip declares, in its local header and its central directory. */
function declareSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  view.setUint32(22, size, true);
  const central = copy.findLastIndex((_, i) => i + 4 <= copy.length && view.getUint32(i, true) === 0x02014b50);
  view.setUint32(central + 24, size, true);
  return copy;
}

describe('importing a bad XLSX file', () => {
  it('says when the file is not a zip at all', async () => {
    await expectFailure(text('Aktivitet;Ansvar\r\n'), 'plan.xlsx', 'not-xlsx', /not a zip archive/);
  });

  it('says when it is an old .xls workbook', async () => {
    const ole = new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expectFailure(ole, 'plan.xlsx', 'not-xlsx', /Excel 97–2003/);
  });

  it('says when a zip is damaged', async () => {
    const zip = await new JSZip().file('a.txt', 'hej').generateAsync({ type: 'uint8array' });
    await expectFailure(zip.slice(0, zip.length - 30), 'plan.xlsx', 'not-xlsx', /not a readable Excel workbook/);
  });

  it('says when a workbook lacks the "Alla" sheet', async () => {
    const zip = await new JSZip().file('a.txt', 'hej').generateAsync({ type: 'uint8array' });
    const error = await failure(zip, 'plan.xlsx');
    expect(['not-xlsx', 'invalid']).toContain(error.code);
  });

  it('refuses a zip bomb by its declared size, before inflating anything', async () => {
    const zip = declareSize(await zipOfZeros(1024), MAX_XLSX_UNCOMPRESSED_BYTES + 1);
    await expectFailure(zip, 'plan.xlsx', 'zip-bomb', /unpacks to 100 MB; .*at most 100 MB unpacked/);
  });

  it('refuses a zip bomb that lies about its size, by counting while inflating', async () => {
    const limits = { maxUncompressedBytes: 1024 * 1024, maxEntries: 10 };
    const honest = await zipOfZeros(3 * 1024 * 1024);
    await expect(guardZip(honest, limits)).rejects.toMatchObject({ code: 'zip-bomb', message: /unpacks to 3 MB/ });
    const liar = declareSize(honest, 1024);
    await expect(guardZip(liar, limits)).rejects.toMatchObject({ code: 'zip-bomb', message: /more than 1 MB/ });
    await expect(guardZip(await zipOfZeros(1000 * 1024), limits)).resolves.toBeUndefined();
  });

  it('refuses a zip with too many entries', async () => {
    const zip = new JSZip();
    for (let i = 0; i <= MAX_XLSX_ENTRIES; i++) zip.file(`xl/part${i}.xml`, '<a/>');
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    await expectFailure(bytes, 'plan.xlsx', 'zip-bomb', /1001 parts/);
  });
});

describe('choosing the reader', () => {
  it('refuses file types it does not import, by name', async () => {
    await expectFailure(text('%PDF'), 'plan.pdf', 'unknown-format', /JSON, CSV or Excel .*"plan\.pdf"/);
    await expectFailure(text(''), 'gammal.xls', 'unknown-format', /save the file as \.xlsx/);
  });

  it('reads CSV that Excel saved in Windows-1252', async () => {
    // "Aktivitet;Målgrupp\r\nSamråd;Äldre" in Windows-1252: å = E5, Ä = C4.
    const bytes = new Uint8Array([
      ...text('Aktivitet;M'),
      0xe5,
      ...text('lgrupp\r\nSamr'),
      0xe5,
      ...text('d;'),
      0xc4,
      ...text('ldre\r\n'),
    ]);
    const plan = await importPlan(bytes, 'plan.csv', { template: HSVO });
    expect(plan.unplaced[0]).toMatchObject({ activity: 'Samråd', targetGroups: ['Äldre'] });
  });
});
