/**
 * XLSX import: the "Alla" sheet (the flat table) of a workbook, or another sheet with a plan table, plus the
 * board's title, period and template from "Om planen" when present.
 *
 * Read with jszip (already the zip guard's) and saxes, a strict XML parser,
 * instead of exceljs: exceljs's reader pulls a deprecated, unmaintained chain
 * (unzipper 0.10, fstream, rimraf 2, glob 7, inflight) into the import path,
 * and a plan table needs only the cells' text. The bytes pass the zip guard
 * first; XML that declares a DOCTYPE is refused (no entity can be defined, so
 * none can be expanded or fetched), and a value beyond MAX_XLSX_ROWS or
 * MAX_XLSX_COLUMNS is refused before any table of that size is built. Sheets
 * are chosen from their first HEADER_SEARCH_ROWS rows only, so a large data sheet
 * ahead of the plan's is neither read whole nor held against the limits.
 */
import JSZip from 'jszip';
import { ImportError } from './errors.ts';
import { isIsoDate } from './period.ts';
import { HEADER_SEARCH_ROWS, isAreaSheetHeader, locateHeader } from './table-header.ts';
import { ALL_SHEET, type INFO, XLSX_NAMES } from './xlsx-layout.ts';
import { damaged, readSharedStrings, readSheet, walkXml } from './xlsx-sheet.ts';
import { guardZip } from './zip-guard.ts';

export interface XlsxInfo {
  title?: string;
  templateId?: string;
  planPeriod?: { from: string; to: string };
  boardId?: string;
  createdAt?: string;
}

/** Excel's longest sheet name; a longer one in the XML is cut, as it is quoted in every notice. */
const SHEET_NAME_MAX = 31;

async function partText(zip: JSZip, path: string): Promise<string | undefined> {
  return zip.file(path)?.async('string');
}

/** Where each sheet's XML is, by name, and where the shared strings are (from the workbook's relationships). */
async function workbookParts(
  zip: JSZip,
): Promise<{ sheets: Map<string, { name: string; path: string }>; sharedStrings?: string }> {
  const [workbook, rels] = await Promise.all([
    partText(zip, 'xl/workbook.xml'),
    partText(zip, 'xl/_rels/workbook.xml.rels'),
  ]);
  if (workbook === undefined || rels === undefined) throw damaged('xl/workbook.xml', 'missing');
  const targets = new Map<string, { target: string; type: string }>();
  walkXml(rels, 'xl/_rels/workbook.xml.rels', {
    open(name, a) {
      if (name === 'Relationship' && a.Id && a.Target) targets.set(a.Id, { target: a.Target, type: a.Type ?? '' });
    },
  });
  // Targets are relative to xl/ unless absolute within the package.
  const path = (target: string) => (target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  const sheets = new Map<string, { name: string; path: string }>();
  walkXml(workbook, 'xl/workbook.xml', {
    open(name, a) {
      const id = Object.entries(a).find(([key]) => key === 'id' || key.endsWith(':id'))?.[1];
      const target = id === undefined ? undefined : targets.get(id)?.target;
      const sheetName = a.name?.trim().slice(0, SHEET_NAME_MAX);
      if (name === 'sheet' && sheetName && target) {
        sheets.set(sheetName.toLowerCase(), { name: sheetName, path: path(target) });
      }
    },
  });
  const shared = [...targets.values()].find((t) => t.type.endsWith('/sharedStrings'));
  return { sheets, sharedStrings: shared && path(shared.target) };
}

function readInfo(rows: string[][] | undefined, keys: typeof INFO): XlsxInfo {
  if (!rows) return {};
  const values = new Map(rows.map((row) => [(row[0] ?? '').trim(), (row[1] ?? '').trim()]));
  const get = (key: string) => values.get(key) || undefined;
  const INFO = keys;
  const from = get(INFO.planFrom);
  const to = get(INFO.planTo);
  return {
    title: get(INFO.title),
    templateId: get(INFO.templateId),
    planPeriod: from && to && isIsoDate(from) && isIsoDate(to) && from <= to ? { from, to } : undefined,
    boardId: get(INFO.boardId),
    createdAt: get(INFO.createdAt),
  };
}

/**
 * The plan table of a workbook: the "Alla" sheet of our own export, else the
 * first sheet (in workbook order) with a plan header row near its top, so a
 * hand-made "Blad1" is read too.
 */
export async function readXlsxTable(bytes: Uint8Array): Promise<{ table: string[][]; info: XlsxInfo; sheet: string }> {
  await guardZip(bytes);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (error) {
    throw new ImportError('not-xlsx', `The file is not a readable Excel workbook: ${(error as Error).message}`);
  }
  const { sheets, sharedStrings } = await workbookParts(zip);
  const sharedXml = sharedStrings === undefined ? undefined : await partText(zip, sharedStrings);
  const shared = sharedXml === undefined ? [] : readSharedStrings(sharedXml);
  const sheet = async (key: string, probe = false) => {
    const entry = sheets.get(key.toLowerCase());
    const xml = entry === undefined ? undefined : await partText(zip, entry.path);
    return xml === undefined || entry === undefined ? undefined : readSheet(xml, entry.name, shared, probe);
  };
  // A workbook exported in Swedish or in English ("Alla"/"Om planen" or "All"/"About the plan").
  const names = Object.values(XLSX_NAMES);
  const named = names.find((n) => sheets.has(n.info.toLowerCase())) ?? XLSX_NAMES.sv;
  const info = readInfo(await sheet(named.info), named.keys);
  const infoSheets = new Set(names.map((n) => n.info.toLowerCase()));
  const allSheets = names.map((n) => n.all.toLowerCase()).filter((k) => sheets.has(k));
  const keys = [...allSheets, ...[...sheets.keys()].filter((k) => !allSheets.includes(k))];
  let areaSheets = 0;
  for (const key of keys) {
    if (infoSheets.has(key)) continue;
    const top = await sheet(key, true);
    const header = top && locateHeader(top);
    if (!header) continue;
    // Our own per-area sheets: their goal, direction and note rows would become cards.
    if (isAreaSheetHeader(top[header.row] ?? [])) {
      areaSheets++;
      continue;
    }
    const table = (await sheet(key)) ?? [];
    return { table, info, sheet: sheets.get(key)?.name ?? key };
  }
  const first = { sheet: [...sheets.values()][0]?.name ?? ALL_SHEET };
  if (areaSheets > 0) {
    throw new ImportError(
      'invalid',
      `This workbook holds only Samtavla's per-area sheets, which are laid out for reading and not read back; import the "${ALL_SHEET}" sheet of Samtavla's export (or its CSV or JSON file).`,
      first,
    );
  }
  throw new ImportError(
    'invalid',
    `No sheet of the workbook has a plan table: a header row with a column "Aktivitet" (or "Aktiviteter 2019", "Activity") or "Rubrik" in its first ${HEADER_SEARCH_ROWS} rows.`,
    first,
  );
}
