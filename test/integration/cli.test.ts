/** The export and import commands work on the data directory, with the server running or stopped. */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { createCard } from '../../shared/card.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { csvOfCards } from '../helpers/plan-files.ts';
import { connectClient, createBoard, removeDir, startTestServer, tempDataDir, waitFor } from '../helpers/server.ts';

const run = promisify(execFile);
const cli = (script: string, args: string[]) => run(process.execPath, [`server/cli/${script}.ts`, ...args]);

let dataDir: string;
let server: RunningServer;
let boardId: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  boardId = (await createBoard(server.url, { title: 'Plan Knivsta', templateId: 'hsvo-2024-2026' })).id;
  const client = connectClient(server.url, boardId);
  await client.synced;
  createCard(client.doc, {
    goalId: 'C1',
    createdBy: 'Cecilia',
    fields: { title: 'Praktikplatser', activity: 'Fler VFU-platser' },
  });
  const observer = connectClient(server.url, boardId);
  await waitFor('card stored', () => observer.doc.getMap('cards').size === 1);
  client.destroy();
  observer.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

describe('command-line export and import', () => {
  it('exports XLSX while the server runs, and JSON after it stopped', async () => {
    const xlsxPath = join(dataDir, 'plan.xlsx');
    const { stdout } = await cli('export', [
      '--board',
      boardId,
      '--format',
      'xlsx',
      '--out',
      xlsxPath,
      '--data-dir',
      dataDir,
    ]);
    expect(stdout).toContain('plan.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(xlsxPath);
    const values = workbook.getWorksheet('Alla')?.getSheetValues().flat().map(String) ?? [];
    expect(values).toContain('Fler VFU-platser');

    await server.close();
    const jsonPath = join(dataDir, 'plan.json');
    await cli('export', ['--board', boardId, '--format', 'json', '--out', jsonPath, '--data-dir', dataDir]);
    const plan = JSON.parse(await readFile(jsonPath, 'utf8')) as PlanData;
    expect(plan.focusAreas.find((a) => a.id === 'C')?.goals[0]?.cards[0]?.title).toBe('Praktikplatser');

    const { stdout: created } = await cli('import', [jsonPath, '--data-dir', dataDir]);
    expect(created).toMatch(/created board [A-Za-z0-9_-]{22} "Plan Knivsta" with 1 cards/);

    // A goal the template does not know: the card is imported unplaced, and the command says so.
    const goal = plan.focusAreas.find((a) => a.id === 'C')?.goals[0];
    if (goal) goal.id = 'Z9';
    const movedPath = join(dataDir, 'moved.json');
    await writeFile(movedPath, JSON.stringify(plan));
    const { stderr } = await cli('import', [movedPath, '--data-dir', dataDir]);
    expect(stderr).toContain('"Z9" is no goal or focus area of the template "hsvo-2024-2026"; its 1 card is unplaced.');
    server = await startTestServer({ dataDir });
    expect(await server.store.listBoards()).toHaveLength(3);
  });

  it('exports in English with --lang en, in Swedish without', async () => {
    const englishPath = join(dataDir, 'plan-en.md');
    await cli('export', [
      '--board',
      boardId,
      '--format',
      'md',
      '--lang',
      'en',
      '--out',
      englishPath,
      '--data-dir',
      dataDir,
    ]);
    expect(await readFile(englishPath, 'utf8')).toContain('**Plan period:**');
    const swedishPath = join(dataDir, 'plan-sv.md');
    await cli('export', ['--board', boardId, '--format', 'md', '--out', swedishPath, '--data-dir', dataDir]);
    expect(await readFile(swedishPath, 'utf8')).toContain('**Planperiod:**');
  });

  it('fails with a one-line message for an unknown board, format or file', async () => {
    const failures: [string, string[]][] = [
      ['export', ['--board', 'nope', '--data-dir', dataDir]],
      ['export', ['--board', boardId, '--format', 'pdf', '--data-dir', dataDir]],
      ['export', ['--board', boardId, '--format', 'md', '--lang', 'de', '--data-dir', dataDir]],
      ['import', [join(dataDir, 'missing.json'), '--data-dir', dataDir]],
    ];
    for (const [script, args] of failures) {
      await expect(cli(script, args)).rejects.toMatchObject({
        code: 1,
        stderr: expect.stringMatching(/^error: .+\n$/),
      });
    }
  });

  it('refuses to import a plan with more cards than a live board holds, and creates no board', async () => {
    const csvPath = join(dataDir, 'too-many.csv');
    await writeFile(csvPath, csvOfCards(2_001));
    const before = (await server.store.listBoards()).length;
    await expect(cli('import', [csvPath, '--data-dir', dataDir])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^error: CSV has more than 2000 cards, the most a board holds/),
    });
    expect(await server.store.listBoards()).toHaveLength(before);
  });
});
