/**
 * "Eget upplägg" in real Chromium against the real server: a person designs a
 * board of four focus areas without goals on the start page (long Swedish
 * titles, the preview drawing them), is told readably what is wrong with a
 * broken template file, creates the board, adds a card in an area on the
 * canvas, and the Word export holds the area's title and the card.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BoardTokens } from '../../shared/roles.ts';
import { rememberBoard } from '../helpers/server.ts';
import { seedCards } from './cards-seed.ts';
import { editor, goToArea, inGoal, showOverview } from './helpers/board-page.ts';
import { type E2eEnv, enterName, newPerson, type Person, SCREENSHOT_DIR, startE2e } from './helpers/harness.ts';

const AREAS = [
  'Trygg och jämlik uppväxt för barn och unga i hela länet',
  'Psykisk hälsa och suicidprevention genom samordnade insatser',
  'Hälsosamt åldrande och en sammanhållen vård för äldre',
  'Digitala vårdtjänster och informationsdelning mellan huvudmännen',
];
const CARD_TITLE = 'Gemensam handlingsplan för elevhälsan';
const BOARD_URL = /\/b\/([A-Za-z0-9_-]{22})$/;

const areaCards = (page: Page) => page.getByTestId('designer-area');

async function fillAreaTitle(page: Page, index: number, title: string): Promise<void> {
  await areaCards(page).nth(index).getByTestId('area-title').locator('[data-lang="sv"]').fill(title);
}

describe('designing an own layout on the start page', () => {
  let env: E2eEnv;
  let anna: Person;
  let boardId = '';

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('starts from an uploaded template file', async () => {
    const { page } = anna;
    await page.goto(`${env.origin}/`);
    await page.getByTestId('own-upload').setInputFiles({
      name: 'hsvo.json',
      mimeType: 'application/json',
      buffer: await readFile(new URL('../../shared/templates/hsvo-2024-2026.json', import.meta.url)),
    });
    await page.getByTestId('template-designer').waitFor();
    expect(await areaCards(page).count()).toBe(4);
    const firstTitle = areaCards(page).nth(0).getByTestId('area-title').locator('[data-lang="sv"]');
    expect(await firstTitle.inputValue()).toBe('Förebyggande och hälsofrämjande');
    expect(await page.getByTestId('designer-preview').locator('[data-preview-goal]').count()).toBe(6);
  });

  it('designs four areas without goals, the preview drawing each beside the form', async () => {
    const { page } = anna;
    await page.goto(`${env.origin}/`);
    await page.getByTestId('own-blank').click();
    await page.getByTestId('template-designer').waitFor();
    await page.getByTestId('designer-board-title').fill('Samverkansplan Tierp 2025–2026');
    await page.getByTestId('designer-to').fill('2026');
    for (let i = 1; i < AREAS.length; i++) await page.getByTestId('add-area').click();
    for (const [i, title] of AREAS.entries()) await fillAreaTitle(page, i, title);
    // An English title for one area; the others get the Swedish text when saved.
    await areaCards(page).nth(1).getByTestId('area-title').locator('[data-lang="en"]').fill('Mental health');
    await areaCards(page).nth(2).locator('[data-color="purple"]').check();

    const preview = page.getByTestId('designer-preview');
    await expect.poll(() => preview.locator('[data-preview-area]').count()).toBe(4);
    expect(await preview.locator('[data-preview-goal]').count()).toBe(0);
    expect(await preview.getAttribute('aria-label')).toBe('Förhandsvisning av tavlan: 4 fokusområden, 0 mål');
    expect(await preview.textContent()).toContain(AREAS[3]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/designer-four-areas.png`, fullPage: true });
    await preview.screenshot({ path: `${SCREENSHOT_DIR}/designer-preview.png` });
    // Scrolled down to the third area: the preview stays beside the form.
    await areaCards(page).nth(2).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/designer-scrolled.png` });
  });

  it('says in Swedish what is wrong with a broken template file, and keeps the design', async () => {
    const { page } = anna;
    await page.getByTestId('designer-upload').setInputFiles({
      name: 'trasig-mall.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ kind: 'board-template', id: 'x', focusAreas: [] })),
    });
    const message = page.getByTestId('designer-file-message');
    await expect.poll(() => message.textContent()).toMatch(/^”trasig-mall\.json” kunde inte läsas in: fel i /);
    expect(await areaCards(page).count()).toBe(4);

    await page.getByTestId('designer-upload').setInputFiles({
      name: 'inte-json.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ inte json'),
    });
    await expect
      .poll(() => message.textContent())
      .toBe('”inte-json.json” kunde inte läsas in: filen är ingen giltig JSON-fil.');
  });

  it('names what is missing instead of creating the board', async () => {
    const { page } = anna;
    await fillAreaTitle(page, 2, '');
    await page.getByTestId('designer-submit').click();
    await expect
      .poll(() => page.getByTestId('designer-problems').textContent())
      .toContain('Fokusområde 3 saknar rubrik.');
    expect(page.url()).toBe(`${env.origin}/`);
    await fillAreaTitle(page, 2, AREAS[2] as string);
  });

  it('creates the board: four area zones, a card added in an area on the canvas', async () => {
    const { page } = anna;
    await page.getByTestId('designer-submit').click();
    await page.waitForURL(BOARD_URL);
    boardId = BOARD_URL.exec(page.url())?.[1] ?? '';
    // The creator's browser holds the three links; the seeding client connects with the facilitator's.
    const tokens = await page.evaluate(
      (id) => JSON.parse(localStorage.getItem('samtavla.boardAccess') ?? '{}')[id].links as BoardTokens,
      boardId,
    );
    rememberBoard({ id: boardId, tokens });
    await enterName(page, 'Anna Andersson');
    await page.locator('.zone--area').first().waitFor();
    await expect.poll(() => page.locator('.zone--area').count()).toBe(4);
    expect(await page.locator('.zone--area[data-zone="A"]').textContent()).toContain(AREAS[0]);

    // The area without goals is itself the card zone (goalId = the area's id). Wait for the camera to
    // stand on the area, then double-click an empty spot of it.
    await goToArea(page, 'A');
    const spot = await inGoal(page, 'A');
    await page.mouse.dblclick(spot.x, spot.y);
    await editor(page).waitFor();
    expect(await editor(page).getAttribute('data-card-id')).toBeTruthy();
    await page.keyboard.type(CARD_TITLE, { delay: 10 });
    await expect
      .poll(() => page.locator('[data-testid="activity-card"] .activity-card__title').first().textContent(), {
        timeout: 15_000,
      })
      .toBe(CARD_TITLE);
  });

  it('exports Word holding the area title and the card', async () => {
    const { page } = anna;
    await page.keyboard.press('Escape');
    await page.getByTestId('export-button').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Word (.docx)', exact: true }).click(),
    ]);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain(AREAS[0]);
    expect(xml).toContain(CARD_TITLE);
  });

  it('shows a board of 30+ cards in the designed areas', async () => {
    const { page } = anna;
    const cards = Array.from({ length: 32 }, (_, i) => ({
      id: `seed-${i}`,
      goalId: ['A', 'B', 'C', 'D'][i % 4] as string,
      createdBy: 'Bengt Berg',
      fields: { title: `Aktivitet ${i + 1}: samordnad insats för ${['barn', 'unga vuxna', 'äldre', 'alla'][i % 4]}` },
    }));
    await seedCards(env.origin, boardId, cards);
    await expect
      .poll(() => page.locator('[data-testid="activity-card"]').count(), { timeout: 15_000 })
      .toBeGreaterThan(4);
    await showOverview(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/designer-board-with-cards.png` });
    expect(anna.errors).toEqual([]);
  });
});
