/**
 * Plan export and import through the interface, in real Chromium against the
 * real server: the header's export menu (from the canvas and the table view)
 * downloads Excel, JSON and Word files that hold the board's card; it works by
 * keyboard and says readably when an export fails. On the start page a JSON
 * plan file becomes a new board showing the card, a CSV sheet takes the chosen
 * title, and a broken or oversized file gives a readable message and no board.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { bearer, createBoard } from '../helpers/server.ts';
import { seedCards } from './cards-seed.ts';
import {
  type E2eEnv,
  enterName,
  foreignRequests,
  newPerson,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const CARD_TITLE = 'Hälsosamtal för 40-åringar';
const CARD_ACTIVITY = 'Erbjuda hälsosamtal på vårdcentralen till alla som fyller 40 år.';
const BOARD_URL = /\/b\/([A-Za-z0-9_-]{22})$/;

const exportButton = (page: Page) => page.getByTestId('export-button');
const menuItem = (page: Page, name: string) => page.getByRole('menuitem', { name, exact: true });
const focusedExport = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-export') ?? null);

/** Chooses an entry of the export menu with the mouse and returns the browser's download. */
async function exportVia(page: Page, item: string): Promise<Download> {
  await exportButton(page).click();
  const [download] = await Promise.all([page.waitForEvent('download'), menuItem(page, item).click()]);
  return download;
}

async function downloaded(download: Download): Promise<Buffer> {
  const path = await download.path();
  return readFile(path);
}

async function chooseFile(page: Page, name: string, content: string | Buffer): Promise<void> {
  await page
    .getByTestId('import-file')
    .setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content) });
}

describe('exporting and importing a plan in the browser', () => {
  let env: E2eEnv;
  let anna: Person;
  let board: CreatedBoard;

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    board = await createBoard(env.origin, { title: 'Samverkansplan Håbo 2025', templateId: 'hsvo-2024-2026' });
    // Setup through a Yjs client (drafting cards in the UI is the card tests' subject), while the page loads.
    await Promise.all([
      seedCards(env.origin, board.id, [
        {
          id: 'halsosamtal',
          goalId: 'A1',
          createdBy: 'Anna Andersson',
          fields: { title: CARD_TITLE, activity: CARD_ACTIVITY },
        },
      ]),
      anna.page.goto(shareLinkOf(env, board)).then(() => enterName(anna.page, 'Anna Andersson')),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('opens the export menu by keyboard, moves with the arrow keys and closes with Escape', async () => {
    const { page } = anna;
    await page.locator('[data-testid="activity-card"]').first().waitFor();
    await expect(exportButton(page).getAttribute('aria-expanded')).resolves.toBe('false');
    await exportButton(page).focus();
    await page.keyboard.press('Enter');
    await expect(exportButton(page).getAttribute('aria-expanded')).resolves.toBe('true');
    await expect.poll(() => focusedExport(page)).toBe('xlsx');
    await page.keyboard.press('ArrowDown');
    expect(await focusedExport(page)).toBe('docx');
    await page.keyboard.press('End');
    expect(await focusedExport(page)).toBe('template');
    await page.keyboard.press('ArrowDown');
    expect(await focusedExport(page)).toBe('xlsx');
    await page.keyboard.press('ArrowUp');
    expect(await focusedExport(page)).toBe('template');
    await page.keyboard.press('Home');
    await expect(page.getByRole('menu', { name: 'Exportera planen som fil' }).isVisible()).resolves.toBe(true);
    expect(await page.getByRole('menuitem').allTextContents()).toHaveLength(7);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/export-menu.png` });

    await page.keyboard.press('Escape');
    await expect(exportButton(page).getAttribute('aria-expanded')).resolves.toBe('false');
    expect(await page.getByRole('menu').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('export-button');
  });

  it('downloads Excel from the canvas: the card is on the sheet "Alla", the file named after the board', async () => {
    const download = await exportVia(anna.page, 'Excel (.xlsx)');
    expect(download.suggestedFilename()).toMatch(/^samverkansplan-habo-2025-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await downloaded(download)) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Alla');
    if (!sheet) throw new Error('the workbook has no sheet "Alla"');
    const cells: string[] = [];
    sheet.eachRow((row) => {
      row.eachCell((cell) => {
        cells.push(cell.text);
      });
    });
    expect(cells.join('\n')).toContain(CARD_TITLE);
    expect(cells.join('\n')).toContain(CARD_ACTIVITY);
  });

  it('downloads JSON plan data and Word from the table view', async () => {
    const { page } = anna;
    await page.getByRole('link', { name: 'Tabell' }).click();
    await page.getByTestId('table-view').waitFor();

    const json = await exportVia(page, 'JSON (plandata)');
    expect(json.suggestedFilename()).toMatch(/\.json$/);
    const plan = JSON.parse((await downloaded(json)).toString('utf8')) as PlanData;
    expect(plan.format).toBe('samverkansplan');
    expect(plan.board.title).toBe('Samverkansplan Håbo 2025');
    const cards = plan.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards));
    expect(cards.map((card) => card.title)).toEqual([CARD_TITLE]);

    const docx = await exportVia(page, 'Word (.docx)');
    expect(docx.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(await downloaded(docx));
    const documentXml = await zip.file('word/document.xml')?.async('string');
    expect(documentXml).toContain(CARD_TITLE);
  });

  it("shows the server's reason when an export fails, and no download starts", async () => {
    const { page } = anna;
    await page.route('**/export?format=md', (route) =>
      route.fulfill({ status: 503, contentType: 'application/json', body: '{"error":"lagringen svarar inte"}' }),
    );
    let downloads = 0;
    page.on('download', () => downloads++);
    await exportButton(page).click();
    await menuItem(page, 'Markdown (.md)').click();
    const alert = page.getByTestId('export-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Exporten misslyckades: lagringen svarar inte');
    expect(downloads).toBe(0);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/export-error.png` });
    await page.getByRole('button', { name: 'Stäng meddelandet' }).click();
    expect(await alert.count()).toBe(0);
    await page.unroute('**/export?format=md');
  });

  it('imports an exported JSON plan on the start page and lands on a board that shows the card', async () => {
    const { page } = anna;
    const planJson = await (
      await fetch(`${env.origin}/api/boards/${board.id}/export?format=json`, { headers: bearer(board.id) })
    ).text();
    await page.goto(`${env.origin}/`);
    await chooseFile(page, 'plan-habo.json', planJson);
    await page.getByText('JSON-filen har med sig sin mall och tavlans namn.').waitFor();
    // JSON names its own template and title: the sheet-only choices stay hidden.
    expect(await page.getByTestId('import-template').count()).toBe(0);
    await page.getByTestId('import-submit').click();
    await page.waitForURL(BOARD_URL);
    const importedId = BOARD_URL.exec(page.url())?.[1];
    expect(importedId).not.toBe(board.id);

    await page.getByRole('link', { name: 'Tabell' }).click();
    const title = page.locator('[data-testid="card-row"] [data-field="title"]');
    await expect.poll(() => title.first().inputValue()).toBe(CARD_TITLE);
    expect(await title.count()).toBe(1);
    await page.goto(`${env.origin}/`);
    await page.locator(`[data-testid="recent-boards"] a[href="/b/${importedId}"]`).waitFor();
  });

  it('imports a CSV sheet under the chosen template and title', async () => {
    const { page } = anna;
    const csv = await (
      await fetch(`${env.origin}/api/boards/${board.id}/export?format=csv`, { headers: bearer(board.id) })
    ).arrayBuffer();
    await chooseFile(page, 'plan-habo.csv', Buffer.from(csv));
    await page.getByTestId('import-template').selectOption('hsvo-2024-2026');
    await page.getByTestId('import-title').fill('Håbo från kalkylblad');
    await page.getByTestId('import-form').screenshot({ path: `${SCREENSHOT_DIR}/import-csv.png` });
    await page.getByTestId('import-submit').click();
    await page.waitForURL(BOARD_URL);
    await expect.poll(() => page.getByTestId('board-title').textContent()).toBe('Håbo från kalkylblad');
  });

  it('shows a readable error for a broken file and stays on the start page', async () => {
    const { page } = anna;
    await page.goto(`${env.origin}/`);
    await chooseFile(page, 'trasig-plan.json', '{"format":');
    await page.getByTestId('import-submit').click();
    const alert = page.getByTestId('import-error');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/^Planen kunde inte importeras:/);
    // The server's message, as it comes: it says what is wrong and where.
    expect((await page.getByTestId('import-error-message').textContent())?.length).toBeGreaterThan(10);
    expect(new URL(page.url()).pathname).toBe('/');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/import-error.png`, fullPage: true });
  });

  it('refuses a file over 10 MB before uploading it', async () => {
    const { page } = anna;
    const imports = () => anna.requests.filter((url) => url.includes('/api/boards/import')).length;
    const before = imports();
    // From disk: a path is handed to the local browser as is, where 10 MB of bytes would cross the wire.
    const dir = mkdtempSync(join(tmpdir(), 'samtavla-import-'));
    const big = join(dir, 'stor-plan.csv');
    writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 'a'));
    await page.getByTestId('import-file').setInputFiles(big);
    rmSync(dir, { recursive: true, force: true });
    await expect
      .poll(() => page.getByTestId('import-error-message').textContent())
      .toBe('Filen är 10,1 MB. Samtavla importerar filer på högst 10 MB; dela upp planen eller ta bort bilder.');
    await page.getByTestId('import-submit').click();
    expect(imports()).toBe(before);
    expect(new URL(page.url()).pathname).toBe('/');
  });

  it('never requested anything outside its own origin and raised no page errors', () => {
    expect(foreignRequests(env.origin, anna.requests)).toEqual([]);
    expect(anna.errors).toEqual([]);
  });
});
