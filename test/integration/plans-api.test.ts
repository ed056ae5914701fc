/** Export and import through the REST API, against a real server and a board edited live. */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storeNewBoard } from '../../server/boards/board-docs.ts';
import type { RunningServer } from '../../server/start.ts';
import type { BoardInfo, CreatedBoard } from '../../shared/api.ts';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { createCard, setCardParty } from '../../shared/card.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import schema from '../../shared/plan/samverkansplan.schema.json' with { type: 'json' };
import { geoShape } from '../helpers/canvas-records.ts';
import { csvOfCards } from '../helpers/plan-files.ts';
import {
  connectClient,
  createBoard,
  rememberBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  waitFor,
  withToken,
} from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
let board: BoardInfo;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  board = await createBoard(server.url, { title: 'Samverkansplan Heby 2025', templateId: 'hsvo-2024-2026' });
  const a = connectClient(server.url, board.id);
  await a.synced;
  createCard(a.doc, {
    id: 'card-1',
    goalId: 'A1',
    createdBy: 'Anna',
    fields: {
      title: 'Hälsosamtal i skolan',
      activity: 'Erbjuda hälsosamtal i årskurs 7; "alla" elever',
      indicator: 'Genomfört (Ja/Nej)\nAndel elever som deltagit (procent)',
      responsible: 'Ledningsgrupp',
      period: '2025',
    },
  });
  setCardParty(a.doc, 'card-1', 'heby', true);
  createCard(a.doc, { id: 'card-2', goalId: 'Z9', createdBy: 'Bo', fields: { activity: 'Utan delmål' } });
  const observer = connectClient(server.url, board.id);
  await waitFor('cards stored', () => observer.doc.getMap('cards').size === 2);
  a.destroy();
  observer.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const exportUrl = (format: string, extra = '') =>
  withToken(`${server.url}/api/boards/${board.id}/export?format=${format}${extra}`, board.id);

async function importFile(body: BodyInit, query: string): Promise<Response> {
  return fetch(`${server.url}/api/boards/import?${query}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream' },
    body,
  });
}

/** The plan without what differs between two boards of the same content. */
function comparable(plan: PlanData): unknown {
  return JSON.parse(
    JSON.stringify(plan, (key, value) =>
      ['id', 'exportedAt', 'createdAt', 'updatedAt'].includes(key) && typeof value === 'string' ? '…' : value,
    ),
  );
}

describe('export over REST', () => {
  it('exports JSON that validates against the published schema, with cards in their goals', async () => {
    const response = await fetch(exportUrl('json'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/application\/json/);
    expect(response.headers.get('content-disposition')).toMatch(
      /filename="samverkansplan-heby-2025-\d{4}-\d\d-\d\d\.json"/,
    );
    const plan = (await response.json()) as PlanData;
    const ajv = new Ajv2020({ strict: false });
    addFormats.default(ajv);
    expect(ajv.validate(schema, plan), JSON.stringify(ajv.errors)).toBe(true);
    const a1 = plan.focusAreas[0]?.goals.find((g) => g.id === 'A1');
    expect(a1?.cards[0]?.title).toBe('Hälsosamtal i skolan');
    expect(a1?.cards[0]?.indicators.map((i) => i.kind)).toEqual(['yesno', 'percent']);
    expect(plan.unplaced.map((c) => c.activity)).toEqual(['Utan delmål']);
  });

  it('exports CSV (BOM, ; by default, , on request), XLSX and DOCX that parse back', async () => {
    const csv = await (await fetch(exportUrl('csv'))).arrayBuffer();
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(csv);
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const rows = Papa.parse<string[]>(text.slice(1), { delimiter: ';' }).data;
    expect(rows.flat().join('\n')).toContain('Erbjuda hälsosamtal i årskurs 7; "alla" elever');
    const comma = await (await fetch(exportUrl('csv', '&delimiter=,'))).text();
    expect(Papa.parse<string[]>(comma.replace(/^\uFEFF/, ''), { delimiter: ',' }).data[0]?.length).toBe(
      rows[0]?.length,
    );

    const xlsx = await fetch(exportUrl('xlsx'));
    expect(xlsx.headers.get('content-type')).toMatch(/spreadsheetml/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await xlsx.arrayBuffer());
    expect(workbook.worksheets.map((w) => w.name)).toContain('Alla');

    const docx = await fetch(exportUrl('docx'));
    const zip = await JSZip.loadAsync(await docx.arrayBuffer());
    expect(await zip.file('word/document.xml')?.async('string')).toContain('Hälsosamtal i skolan');

    const md = await (await fetch(exportUrl('md'))).text();
    expect(md).toContain('Samverkansplan Heby 2025');
  });

  it('exports in English on request (lang=en), in Swedish by default, and refuses another language', async () => {
    const english = await (await fetch(exportUrl('md', '&lang=en'))).text();
    expect(english).toContain('**Plan period:**');
    expect(english).not.toContain('**Planperiod:**');
    const csv = await (await fetch(exportUrl('csv', '&lang=en'))).text();
    expect(csv.replace(/^\uFEFF/, '').split('\r\n')[0]).toContain('Focus area id');
    expect(await (await fetch(exportUrl('md'))).text()).toContain('**Planperiod:**');
    const refused = await fetch(exportUrl('md', '&lang=de'));
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({ error: 'lang: expected "sv" or "en"' });
  });

  it('answers unknown boards and formats with JSON errors', async () => {
    expect((await fetch(exportUrl('pdf'))).status).toBe(400);
    const missing = await fetch(`${server.url}/api/boards/AAAAAAAAAAAAAAAAAAAAAA/export?format=json`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no board with this id' });
  });
});

describe('export off the event loop', () => {
  it('keeps relaying live edits while a large Word export runs', async () => {
    const doc = new Y.Doc();
    initBoardDoc(doc, { title: 'Stor plan', templateId: 'hsvo-2024-2026', templateVersion: '1.0.0', createdAt: 'x' });
    for (let i = 0; i < 1_000; i++) {
      createCard(doc, {
        goalId: 'A1',
        createdBy: 't',
        fields: { title: `Aktivitet ${i}`, activity: 'Text '.repeat(20) },
      });
    }
    const big = rememberBoard(await storeNewBoard(server.store, doc));
    const a = connectClient(server.url, big.id);
    const b = connectClient(server.url, big.id);
    await Promise.all([a.synced, b.synced]);
    // The room checks edits once it has analysed the loaded board (in the state worker); on a busy
    // machine that can outlast the export, so wait for it before the export starts.
    a.doc.getMap('canvas').set('shape:before-export', geoShape('shape:before-export'));
    await waitFor('the room ready', () => b.doc.getMap('canvas').has('shape:before-export'), 20_000);

    let exportDone = false;
    const exported = fetch(withToken(`${server.url}/api/boards/${big.id}/export?format=docx`, big.id)).then(
      async (response) => {
        await response.arrayBuffer();
        exportDone = true;
        return response.status;
      },
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    a.doc.getMap('canvas').set('shape:during-export', geoShape('shape:during-export', 1));
    await waitFor('edit relayed during the export', () => b.doc.getMap('canvas').has('shape:during-export'), 20_000);
    expect(exportDone).toBe(false);
    expect(await exported).toBe(200);
    a.destroy();
    b.destroy();
  });
});

describe('import over REST', () => {
  it('round-trips JSON, CSV and XLSX: export → import → export gives the same plan', async () => {
    const original = (await (await fetch(exportUrl('json'))).json()) as PlanData;
    for (const format of ['json', 'csv', 'xlsx']) {
      const file = await (await fetch(exportUrl(format))).arrayBuffer();
      const created = await importFile(file, `format=${format}&title=${encodeURIComponent(original.board.title)}`);
      expect(created.status, await created.clone().text()).toBe(201);
      const imported = (await created.json()) as CreatedBoard & { cardCount: number };
      expect(imported.cardCount).toBe(2);
      rememberBoard(imported);
      const again = await fetch(withToken(`${server.url}/api/boards/${imported.id}/export?format=json`, imported.id));
      expect(comparable((await again.json()) as PlanData)).toEqual(comparable(original));
    }
  });

  it('refuses bad files with a clear error and creates no board', async () => {
    const before = (await server.store.listBoards()).length;
    const cases: [BodyInit, string, number, RegExp][] = [
      ['{"format": "samverkansplan",', 'format=json', 400, /JSON/i],
      [JSON.stringify({ format: 'samverkansplan', formatVersion: '9.0' }), 'format=json', 400, /version/i],
      [JSON.stringify({ hello: 'world' }), 'format=json', 400, /.+/],
      ['a;b\n"unterminated;c\n', 'format=csv', 400, /.+/],
      [new Uint8Array([80, 75, 3, 4, 1, 2, 3]), 'format=xlsx', 400, /.+/],
      ['hello', 'filename=plan.pdf', 400, /JSON, CSV or Excel/],
      ['', 'format=json', 400, /empty/],
      ['{}', '', 400, /format/],
      [new Uint8Array(11 * 1024 * 1024), 'format=json', 413, /larger than 10 MB/],
    ];
    for (const [body, query, status, message] of cases) {
      const response = await importFile(body, query);
      expect(response.status, query).toBe(status);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
    expect((await server.store.listBoards()).length).toBe(before);
  });

  it('refuses a plan with more cards than a live board holds, naming the limit, and creates no board', async () => {
    const before = (await server.store.listBoards()).length;
    const csv = await importFile(csvOfCards(2_001), 'format=csv');
    expect(csv.status).toBe(413);
    expect(await csv.json()).toMatchObject({
      code: 'too-many-cards',
      error: expect.stringMatching(/more than 2000 cards/),
    });

    const plan = (await (await fetch(exportUrl('json'))).json()) as PlanData;
    const card = plan.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards))[0];
    const cards = Array.from({ length: 2_001 }, (_, i) => ({ ...card, id: `card-${i}` }));
    const json = await importFile(JSON.stringify({ ...plan, unplaced: cards }), 'format=json');
    expect(json.status).toBe(413);
    expect(await json.json()).toMatchObject({ code: 'too-many-cards', error: expect.stringMatching(/2000/) });
    expect((await server.store.listBoards()).length).toBe(before);

    // The limit itself is allowed: one number for live boards and imports.
    const full = await importFile(csvOfCards(2_000), 'format=csv');
    expect(full.status).toBe(201);
    expect(((await full.json()) as { cardCount: number }).cardCount).toBe(2_000);
  });

  it('reads the format from the media type when the request names none, and says which columns it did not know', async () => {
    const plan = await (await fetch(exportUrl('json'))).text();
    const csv = await (await fetch(exportUrl('csv'))).text();
    const xlsx = new Uint8Array(await (await fetch(exportUrl('xlsx'))).arrayBuffer());
    const sheetType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    for (const [body, type] of [
      [plan, 'application/json'],
      [csv, 'text/csv; charset=utf-8'],
      [xlsx, sheetType],
    ] as const) {
      const answer = await fetch(`${server.url}/api/boards/import`, {
        method: 'POST',
        headers: { 'content-type': type },
        body,
      });
      expect(answer.status, type).toBe(201);
      expect(((await answer.json()) as { cardCount: number }).cardCount, type).toBeGreaterThan(0);
    }
    const withBudget = 'Aktiviteter 2019;Ansvar aktivitet;Budget\r\nFallprevention;Kommunen;20 tkr\r\n';
    const answer = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv' },
      body: withBudget,
    });
    expect(answer.status).toBe(201);
    expect(((await answer.json()) as { notices: string[] }).notices).toEqual([
      expect.stringMatching(/"Budget"/),
      expect.stringMatching(/1 card has no goal id and is unplaced/),
    ]);

    // A JSON plan whose goal the template does not know: its cards are unplaced, and the answer says so.
    const moved = JSON.parse(plan) as PlanData;
    const goal = moved.focusAreas.flatMap((area) => area.goals).find((g) => g.cards.length > 0);
    if (!goal) throw new Error('the exported plan has no card in a goal');
    goal.id = 'Z9';
    const json = await fetch(`${server.url}/api/boards/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(moved),
    });
    expect(json.status).toBe(201);
    expect(((await json.json()) as { notices: string[] }).notices).toEqual([
      expect.stringMatching(/"Z9" is no goal or focus area .* unplaced/),
    ]);
  });
});
