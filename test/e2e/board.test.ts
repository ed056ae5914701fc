/**
 * Two people on one board, in real Chromium against the real server: the
 * board is created through the start page, both see the template's zones,
 * what one draws appears for the other and survives a reload, each sees the
 * other's named cursor, and no request ever leaves the server's origin.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getTemplate } from '../../shared/template.ts';
import { showOverview } from './helpers/board-page.ts';
import {
  type E2eEnv,
  enterName,
  foreignRequests,
  newPerson,
  type Person,
  SCREENSHOT_DIR,
  startE2e,
} from './helpers/harness.ts';

const hsvo = getTemplate('hsvo-2024-2026');
if (!hsvo) throw new Error('the HSVO template is missing');
const areaTitles = (lang: 'sv' | 'en') => hsvo.focusAreas.map((area) => area.title[lang]);

const noteSelector = '.tl-shape[data-shape-type="note"]';
const geoSelector = '.tl-shape[data-shape-type="geo"]';

async function areaTitlesOn(page: Page): Promise<string[]> {
  return page.locator('.zone--area .zone__area-title').allTextContents();
}

/** Whether the note is stacked above every zone (tldraw sets each shape's z-index from its order). */
async function noteIsOnTop(page: Page): Promise<boolean> {
  return page.evaluate((selector) => {
    const zIndex = (el: Element) => Number(getComputedStyle(el).zIndex);
    const note = document.querySelector(selector);
    const zones = [...document.querySelectorAll('.tl-shape[data-shape-type="zone"]')];
    return note !== null && zones.length > 0 && zones.every((zone) => zIndex(note) > zIndex(zone));
  }, noteSelector);
}

describe('a board shared by two people', () => {
  let env: E2eEnv;
  let anna: Person;
  let bengt: Person;
  let boardUrl: string;

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    bengt = await newPerson(env);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('creates a board from the start page form and asks for a name', async () => {
    await anna.page.goto(`${env.origin}/`);
    // The page renders after its load event on a busy machine: a Tab before that finds no link.
    await anna.page.getByTestId('create-board').waitFor();
    // The first Tab stop skips the header: Enter on it puts the focus on the page's content.
    await anna.page.keyboard.press('Tab');
    expect(await anna.page.evaluate(() => document.activeElement?.textContent)).toBe('Hoppa till innehållet');
    await anna.page.keyboard.press('Enter');
    expect(await anna.page.evaluate(() => document.activeElement?.tagName)).toBe('MAIN');
    expect(new URL(anna.page.url()).hash).toBe('');
    await anna.page.getByTestId('board-title-input').fill('Samverkansplan Heby 2025');
    await expect(anna.page.getByRole('radio', { name: /HSVO 2024–2026/ }).isChecked()).resolves.toBe(true);
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/home.png` });
    await anna.page.getByTestId('create-board').click();
    await anna.page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/);

    await enterName(anna.page, 'Anna Andersson');
    await expect(anna.page.getByTestId('board-title').textContent()).resolves.toBe('Samverkansplan Heby 2025');
    // The board opens on its first area; these tests work on the whole board.
    await showOverview(anna.page);
    await anna.page.locator('.zone--area').nth(3).waitFor();
    expect(await areaTitlesOn(anna.page)).toEqual(areaTitles('sv'));
    expect(await anna.page.locator('.zone--goal').count()).toBe(6);
    await anna.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    // The second person joins through the participant link of the facilitator's share dialog.
    await anna.page.getByTestId('share-button').click();
    boardUrl = await anna.page.getByTestId('share-link-participant').inputValue();
    await anna.page.keyboard.press('Escape');
  });

  it('shows the second person the same zones and both people in the header', async () => {
    await bengt.page.goto(boardUrl);
    await enterName(bengt.page, 'Bengt Berg');
    await showOverview(bengt.page);
    await bengt.page.locator('.zone--area').nth(3).waitFor();
    expect(await areaTitlesOn(bengt.page)).toEqual(areaTitles('sv'));
    // Two first visitors must converge on one set of zones, not draw them twice.
    expect(await bengt.page.locator('.zone').count()).toBe(10);
    await bengt.page.locator('[data-testid="people"] li').nth(1).waitFor();
    expect(await anna.page.locator('[data-testid="people"] li').count()).toBe(2);
  });

  it("shows one person's drawing to the other", async () => {
    // A sticky note in goal A1, typed through tldraw's own UI.
    await anna.page.keyboard.press('n');
    await anna.page.mouse.click(300, 430);
    await anna.page.locator(`${noteSelector} [contenteditable="true"]`).waitFor();
    await anna.page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
    await anna.page.keyboard.type('Hälsoveckor i skolan');
    await anna.page.keyboard.press('Escape');
    // "Send to back" must not bury the note under the zones' fill.
    await anna.page.keyboard.press('[');
    await expect.poll(() => noteIsOnTop(anna.page)).toBe(true);
    // A rectangle in goal C1, drawn with the rectangle tool.
    await anna.page.keyboard.press('r');
    await anna.page.mouse.move(700, 430);
    await anna.page.mouse.down();
    await anna.page.mouse.move(800, 510, { steps: 5 });
    await anna.page.mouse.up();

    await bengt.page.locator(noteSelector).waitFor();
    await bengt.page.locator(geoSelector).waitFor();
    await expect.poll(() => bengt.page.locator(noteSelector).textContent()).toContain('Hälsoveckor i skolan');
    await expect.poll(() => noteIsOnTop(bengt.page)).toBe(true);
  });

  it("shows each person the other's cursor with their name", async () => {
    await anna.page.mouse.move(620, 620, { steps: 8 });
    await bengt.page.mouse.move(900, 300, { steps: 8 });
    await expect.poll(() => bengt.page.locator('.tl-nametag').allTextContents()).toEqual(['Anna Andersson']);
    await expect.poll(() => anna.page.locator('.tl-nametag').allTextContents()).toEqual(['Bengt Berg']);
    expect(await bengt.page.locator('.tl-collaborator__cursor').count()).toBe(1);
    await bengt.page.screenshot({ path: `${SCREENSHOT_DIR}/board-two-people.png` });
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/board-person-a.png` });
  });

  it('keeps the drawing and the zones after a reload, without asking the name again', async () => {
    await bengt.page.reload();
    await showOverview(bengt.page);
    await bengt.page.locator(noteSelector).waitFor();
    expect(await bengt.page.getByTestId('name-input').count()).toBe(0);
    expect(await bengt.page.locator(noteSelector).textContent()).toContain('Hälsoveckor i skolan');
    expect(await bengt.page.locator(geoSelector).count()).toBe(1);
    expect(await bengt.page.locator('.zone').count()).toBe(10);
  });

  it('switches zone titles to English with the language toggle', async () => {
    await bengt.page.getByTestId('language-toggle').click();
    await expect.poll(() => areaTitlesOn(bengt.page)).toEqual(areaTitles('en'));
    // Anna's Swedish board is unaffected: titles are not stored in the shared document.
    expect(await areaTitlesOn(anna.page)).toEqual(areaTitles('sv'));
    await bengt.page.getByTestId('language-toggle').click();
  });

  it('keeps zones in place when someone unlocks, drags or deletes them', async () => {
    const zoneB = anna.page.locator('[data-zone="B"]');
    const before = await zoneB.boundingBox();
    if (!before) throw new Error('zone B is not on screen');
    const grip = { x: before.x + before.width / 2, y: before.y + 40 };
    // Unlock through tldraw's own context menu, as a person could.
    await anna.page.mouse.click(grip.x, grip.y, { button: 'right' });
    await anna.page.getByRole('menuitem', { name: 'Redigera' }).click();
    await anna.page.getByRole('menuitem', { name: /Lås upp/ }).click();
    await anna.page.mouse.move(grip.x, grip.y);
    await anna.page.mouse.down();
    await anna.page.mouse.move(grip.x + 200, grip.y + 150, { steps: 6 });
    await anna.page.mouse.up();
    await anna.page.keyboard.press('Control+a');
    await anna.page.keyboard.press('Delete');

    // The drawings go, the zones stay where they were, for both people.
    await expect.poll(() => bengt.page.locator(noteSelector).count()).toBe(0);
    expect(await zoneB.boundingBox()).toEqual(before);
    expect(await anna.page.locator('.zone').count()).toBe(10);
    expect(await bengt.page.locator('.zone').count()).toBe(10);
  });

  it('lays out the NSU 2019 template chosen in the form: three areas, ten goals', async () => {
    const nsu = getTemplate('nsu-2019');
    if (!nsu) throw new Error('the NSU template is missing');
    await bengt.page.goto(`${env.origin}/`);
    // The board Bengt opened is remembered on the start page.
    await expect
      .poll(() => bengt.page.getByTestId('recent-boards').textContent())
      .toContain('Samverkansplan Heby 2025');
    await bengt.page.getByTestId('board-title-input').fill('Närvårdsplan Uppsala 2019');
    await bengt.page.getByRole('radio', { name: /NSU 2019/ }).check();
    await bengt.page.getByTestId('create-board').click();
    await bengt.page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/);
    await showOverview(bengt.page);
    await bengt.page.locator('.zone--goal').nth(9).waitFor();
    expect(await areaTitlesOn(bengt.page)).toEqual(nsu.focusAreas.map((area) => area.title.sv));
    expect(await bengt.page.locator('.zone--goal').count()).toBe(10);
    await bengt.page.screenshot({ path: `${SCREENSHOT_DIR}/board-nsu.png` });
  });

  it('says readably when a board does not exist', async () => {
    await bengt.page.goto(`${env.origin}/b/AAAAAAAAAAAAAAAAAAAAAA`);
    await bengt.page.getByTestId('board-not-found').waitFor();
    expect(await bengt.page.getByRole('heading', { level: 1 }).textContent()).toBe('Tavlan finns inte');
  });

  it('never requested anything outside its own origin and raised no page errors', () => {
    const all = [...anna.requests, ...bengt.requests];
    expect(all.length).toBeGreaterThan(10);
    expect(all.some((url) => url.includes('/ws/'))).toBe(true);
    expect(foreignRequests(env.origin, all)).toEqual([]);
    expect([...anna.errors, ...bengt.errors]).toEqual([]);
  });
});
