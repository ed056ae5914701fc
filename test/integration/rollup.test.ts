/** The regional roll-up: several boards combined per goal and party, over HTTP and from the command line. */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { createCard, setFollowUp } from '../../shared/card.ts';
import type { FollowUpStatus } from '../../shared/card-schema.ts';
import type { Rollup } from '../../shared/plan/rollup.ts';
import {
  connectClient,
  createBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  tokenFor,
  waitFor,
} from '../helpers/server.ts';

const run = promisify(execFile);

let dataDir: string;
let server: RunningServer;
const boards: string[] = [];

/** A board with cards on goals, each with a party and a status in round "2025" (null: not followed up). */
async function seedBoard(title: string, cards: [goalId: string, party: string, status: FollowUpStatus | null][]) {
  const { id } = await createBoard(server.url, { title, templateId: 'hsvo-2024-2026' });
  const client = connectClient(server.url, id);
  await client.synced;
  for (const [goalId, party, status] of cards) {
    const card = createCard(client.doc, {
      goalId,
      createdBy: 'Karin',
      fields: { title: `${title} ${goalId}` },
      parties: [party],
    });
    if (status) setFollowUp(client.doc, card, '2025', { status, comment: '', effect: '', updatedBy: 'Karin' });
  }
  const observer = connectClient(server.url, id);
  await waitFor('cards stored', () => observer.doc.getMap('cards').size === cards.length);
  client.destroy();
  observer.destroy();
  boards.push(id);
  return id;
}

/** The body of a Word document in order: paragraphs as their text, tables as rows of cell texts. */
function documentBlocks(xml: string): { text?: string; rows?: string[][] }[] {
  const text = (part: string) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  const body = xml.slice(xml.indexOf('<w:body>'));
  return [...body.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>|<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map(([part]) =>
      part.startsWith('<w:tbl>')
        ? { rows: [...part.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map(([row]) => row.split('<w:tc>').slice(1).map(text)) }
        : { text: text(part) },
    )
    .filter((block) => block.rows || block.text);
}

const postRollup = (body: unknown) =>
  fetch(`${server.url}/api/rollups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  await seedBoard('Heby', [
    ['A1', 'Heby kommun', 'done'],
    ['A1', 'Region Uppsala', 'ongoing'],
    ['B1', 'Heby kommun', null],
  ]);
  await seedBoard('Tierp', [
    ['A1', 'Tierps kommun', 'ongoing'],
    ['C1', 'Region Uppsala', 'cancelled'],
  ]);
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

describe('POST /api/rollups', () => {
  it('adds up the boards per goal and party, each opened with a viewer token', async () => {
    const response = await postRollup({
      boards: boards.map((id) => ({ id, token: tokenFor(id, 'viewer') })),
      round: '2025',
    });
    expect(response.status).toBe(200);
    const rollup = (await response.json()) as Rollup;
    expect(rollup.round).toBe('2025');
    expect(rollup.plans.map((p) => [p.title, p.cards])).toEqual([
      ['Heby', 3],
      ['Tierp', 2],
    ]);
    const a1 = rollup.places.find((p) => p.id === 'A1');
    expect(a1).toMatchObject({ plans: 2, cards: 3, statuses: { done: 1, ongoing: 2, none: 0 } });
    expect(rollup.places.find((p) => p.id === 'B1')?.statuses.none).toBe(1);
    const region = rollup.parties.find((p) => p.name === 'Region Uppsala');
    expect(region).toMatchObject({ cards: 2, statuses: { ongoing: 1, cancelled: 1 } });
    expect(rollup.total).toMatchObject({ done: 1, ongoing: 2, cancelled: 1, none: 1, 'not-started': 0 });
  });

  it('refuses a wrong token, an unknown board and a malformed body with a clear error', async () => {
    const [first = '', second = ''] = boards;
    const wrong = await postRollup({
      boards: [
        { id: first, token: tokenFor(first, 'viewer') },
        { id: second, token: 'x'.repeat(43) },
      ],
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { error: string }).error).toMatch(/^boards\[1\]/);
    const unknown = await postRollup({ boards: [{ id: 'nosuchboard00000000000', token: 't' }] });
    expect(unknown.status).toBe(404);
    for (const body of ['{"boards": [', { boards: [] }, { boards: 'all' }]) {
      const bad = await postRollup(body);
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: string }).error).toBeTruthy();
    }
  });

  it('writes the roll-up as a workbook whose cells are the numbers of the JSON answer', async () => {
    const body = { boards: boards.map((id) => ({ id, token: tokenFor(id, 'viewer') })), round: '2025' };
    const json = (await (await postRollup(body)).json()) as Rollup;
    const response = await fetch(`${server.url}/api/rollups?format=xlsx`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const byGoal = workbook.getWorksheet('Per mål');
    const a1 = json.places.find((p) => p.id === 'A1');
    const row = byGoal?.getRows(2, json.places.length)?.find((r) => String(r.getCell(1).value).startsWith('A1 '));
    expect(row?.getCell(2).value).toBe(a1?.plans);
    expect(row?.getCell(3).value).toBe(a1?.cards);
    const region = workbook
      .getWorksheet('Per part')
      ?.getRows(2, json.parties.length)
      ?.find((r) => r.getCell(1).value === 'Region Uppsala');
    expect(region?.getCell(2).value).toBe(2);
  });

  it('writes the roll-up as a Word document with the numbers of the JSON answer and a chart per area', async () => {
    const body = { boards: boards.map((id) => ({ id, token: tokenFor(id, 'viewer') })), round: '2025' };
    const json = (await (await postRollup(body)).json()) as Rollup;
    const response = await fetch(`${server.url}/api/rollups?format=docx&lang=en`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/\.docx"?$/);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    expect(Object.keys(zip.files).some((name) => /^word\/media\/.+\.png$/.test(name))).toBe(true);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const blocks = documentBlocks(xml);
    expect(blocks[0]).toEqual({ text: 'Regional roll-up – 2025' });
    const a1 = json.places.find((p) => p.id === 'A1');
    // The goal's heading, then its table: a row per board, then the total; columns: activities, then each status.
    const heading = blocks.findIndex((block) => block.text === `A1 ${a1?.title}`);
    expect(heading).toBeGreaterThan(0);
    const table = blocks[heading + 1]?.rows ?? [];
    const statuses = ['not-started', 'ongoing', 'done', 'cancelled', 'none'] as const;
    const expected = [
      ...json.plans.map((plan, at) => {
        const share = a1?.boards[at];
        return [plan.title, String(share?.cards), ...statuses.map((s) => String(share?.statuses[s]))];
      }),
      ['Total', String(a1?.cards), ...statuses.map((s) => String(a1?.statuses[s]))],
    ];
    expect(table.slice(1)).toEqual(expected);
    expect(expected.map((row) => row[0])).toEqual(['Heby', 'Tierp', 'Total']);
    expect(expected[0]?.slice(1)).toEqual(['2', '0', '1', '1', '0', '0']);
  });

  it('refuses an unknown lang or format for the Word roll-up', async () => {
    const body = JSON.stringify({ boards: boards.map((id) => ({ id, token: tokenFor(id, 'viewer') })) });
    for (const query of ['format=docx&lang=de', 'format=pdf']) {
      const response = await fetch(`${server.url}/api/rollups?${query}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(/^(lang|format):/);
    }
  });

  it('refuses a board named twice before reading any plan', async () => {
    const [first = ''] = boards;
    const twice = { id: first, token: tokenFor(first, 'viewer') };
    const response = await postRollup({ boards: [twice, twice] });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toMatch(/named twice/);
  });

  it('refuses a board that shares no goal with the first', async () => {
    const { id: other } = await createBoard(server.url, { title: 'NSU', templateId: 'nsu-2019' });
    const [first = ''] = boards;
    const response = await postRollup({
      boards: [
        { id: first, token: tokenFor(first, 'viewer') },
        { id: other, token: tokenFor(other, 'viewer') },
      ],
    });
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: string }).error).toMatch(/"NSU" share no focus area or goal/);
  });
});

describe('npm run rollup', () => {
  it('rolls up boards of a data directory and says which board it cannot combine', async () => {
    const cli = (args: string[]) => run(process.execPath, ['server/cli/rollup.ts', '--data-dir', dataDir, ...args]);
    const { stdout } = await cli(['--round', '2025', ...boards]);
    const rollup = JSON.parse(stdout) as Rollup;
    expect(rollup.total.done + rollup.total.ongoing + rollup.total.cancelled + rollup.total.none).toBe(5);
    await expect(cli(['nosuchboard00000000000'])).rejects.toMatchObject({
      stderr: expect.stringMatching(/no board with id/),
    });
  });
});
