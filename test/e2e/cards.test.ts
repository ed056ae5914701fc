/**
 * Activity cards drafted by two people in real Chromium against the real
 * server: one creates a card in goal A1 and types, the other sees it live and
 * edits another field, both type into one field at once, the table view shows
 * every edit, dragging the card into B1 moves it to B1 in the table, and a
 * card deleted in the table closes the other person's editor with a message.
 * Also saves screenshots of an NSU board with a dozen real plan rows.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DOCUMENT_FIELDS } from '../../shared/fields/card-fields.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { card as cardOn, goToArea } from './helpers/board-page.ts';
import {
  type E2eEnv,
  enterName,
  foreignRequests,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const cardSelector = '[data-testid="activity-card"]';
const editor = (page: Page) => page.getByTestId('card-editor');
const editorField = (page: Page, field: string) => editor(page).locator(`[data-field="${field}"]`);
const row = (page: Page, cardId: string) => page.locator(`[data-testid="card-row"][data-card-id="${cardId}"]`);
const rowField = (page: Page, cardId: string, field: string) => row(page, cardId).locator(`[data-field="${field}"]`);

/** The centre of the empty lower part of a goal zone, in screen pixels. */
async function inGoal(page: Page, goalId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.zone--goal[data-zone="${goalId}"]`).boundingBox();
  if (!box) throw new Error(`zone ${goalId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.78 };
}

async function openBoard(person: Person, url: string, name: string): Promise<void> {
  await openBoardAs(person.page, url, name);
  await person.page.locator('.zone--goal').first().waitFor();
}

describe('activity cards drafted together', () => {
  let env: E2eEnv;
  let anna: Person;
  let bengt: Person;
  let cardId: string;

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    bengt = await newPerson(env);
    const board = await createBoard(env.origin, { title: 'Samverkansplan Tierp 2025', templateId: 'hsvo-2024-2026' });
    // Anna facilitates; Bengt joins with the participant link.
    await openBoard(anna, shareLinkOf(env, board), 'Anna Andersson');
    await openBoard(bengt, shareLinkOf(env, board, 'participant'), 'Bengt Berg');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('creates a card in A1 by double-clicking the goal, and the other person sees the title as it is typed', async () => {
    const spot = await inGoal(anna.page, 'A1');
    await anna.page.mouse.dblclick(spot.x, spot.y);
    await editor(anna.page).waitFor();
    cardId = (await editor(anna.page).getAttribute('data-card-id')) ?? '';
    expect(cardId).not.toBe('');
    // The title has the caret straight away: a new card is typed into, not clicked into.
    await expect.poll(() => anna.page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('title');
    await anna.page.keyboard.type('Hälsosamtal för 40-åringar');

    const card = bengt.page.locator(`${cardSelector}[data-card-id="${cardId}"]`);
    await expect.poll(() => card.getAttribute('data-goal')).toBe('A1');
    await expect.poll(() => card.locator('.activity-card__title').textContent()).toBe('Hälsosamtal för 40-åringar');
    // The plan year is the default time frame.
    expect(await editorField(anna.page, 'period').inputValue()).toBe('2024');
  });

  it('reads out a selected card by its title and kind, and offers only the header’s language switch', async () => {
    const page = bengt.page;
    const box = await page.locator(`${cardSelector}[data-card-id="${cardId}"]`).boundingBox();
    if (!box) throw new Error('the card is not on screen');
    await page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.7);
    // tldraw's announcer names the selected shape: our title, our word for the kind, never a bare key.
    const announcer = page.locator('[aria-live][role="status"]').filter({ hasText: 'Hälsosamtal för 40-åringar' });
    await expect.poll(() => announcer.first().textContent()).toMatch(/^Hälsosamtal för 40-åringar, aktivitetskort\./);
    await page.keyboard.press('Escape');
    await page.getByTestId('main-menu.button').click();
    await page.getByTestId('main-menu-sub.preferences-button').waitFor();
    expect(await page.locator('[data-testid$="language-button"]').count()).toBe(0);
    await page.keyboard.press('Escape');
  });

  it('lets the other person open the card and edit another field while the first keeps typing', async () => {
    await bengt.page.locator(`${cardSelector}[data-card-id="${cardId}"] [data-testid="open-card"]`).click();
    await editor(bengt.page).waitFor();
    await editorField(bengt.page, 'responsible').click();
    await editorField(anna.page, 'activity').click();
    await Promise.all([
      bengt.page.keyboard.type('Tjänsteledning HSVO', { delay: 15 }),
      anna.page.keyboard.type('Erbjuda hälsosamtal på vårdcentralerna', { delay: 15 }),
    ]);
    await expect.poll(() => editorField(anna.page, 'responsible').inputValue()).toBe('Tjänsteledning HSVO');
    await expect
      .poll(() => editorField(bengt.page, 'activity').inputValue())
      .toBe('Erbjuda hälsosamtal på vårdcentralerna');
    // Parties: a register party ticked, a free party typed in; both show as chips on the other canvas.
    await editor(bengt.page).getByRole('checkbox', { name: 'Tierps kommun' }).check();
    await editor(bengt.page).getByRole('textbox', { name: 'Lägg till annan part' }).fill('Länsstyrelsen');
    await editor(bengt.page).getByRole('button', { name: 'Lägg till', exact: true }).click();
    // The first party by name, the rest counted; all of them in the tooltip.
    const chips = anna.page.locator(`${cardSelector}[data-card-id="${cardId}"] .activity-card__chips`);
    await expect.poll(() => chips.locator('li').allTextContents()).toEqual(['Tierps kommun', '+1']);
    expect(await chips.getAttribute('title')).toBe('Tierps kommun, Länsstyrelsen');
  });

  it('keeps both people’s words when they type into the same field at the same moment', async () => {
    await editorField(anna.page, 'indicator').click();
    await editorField(bengt.page, 'indicator').click();
    await Promise.all([
      anna.page.keyboard.type('Genomfört (Ja/Nej)', { delay: 25 }),
      bengt.page.keyboard.type('Antal samtal', { delay: 25 }),
    ]);
    const bothTyped = (value: string) => value.includes('Genomfört (Ja/Nej)') && value.includes('Antal samtal');
    await expect.poll(async () => bothTyped(await editorField(anna.page, 'indicator').inputValue())).toBe(true);
    await expect
      .poll(() => editorField(bengt.page, 'indicator').inputValue())
      .toBe(await editorField(anna.page, 'indicator').inputValue());
    expect(await editorField(anna.page, 'indicator').inputValue()).toHaveLength(
      'Genomfört (Ja/Nej)'.length + 'Antal samtal'.length,
    );
  });

  it('refuses "agreed" while a required field is empty and names the missing fields', async () => {
    await editorField(bengt.page, 'title').fill('');
    await editor(bengt.page).getByLabel('Status').selectOption('agreed');
    await expect.poll(() => editor(bengt.page).getByRole('alert').textContent()).toContain('Rubrik');
    expect(await editor(bengt.page).getByLabel('Status').inputValue()).toBe('draft');
    await bengt.page.screenshot({ path: `${SCREENSHOT_DIR}/cards-editor.png` });
    await editorField(bengt.page, 'title').fill('Hälsosamtal för 40-åringar');
    await expect.poll(() => editorField(anna.page, 'title').inputValue()).toBe('Hälsosamtal för 40-åringar');
  });

  it('shows both people’s edits in the table view, in goal A1', async () => {
    await bengt.page.getByRole('link', { name: 'Tabell' }).click();
    await bengt.page.getByTestId('table-view').waitFor();
    const inA1 = bengt.page.locator(`.goal-table[data-goal="A1"] [data-card-id="${cardId}"]`);
    await inA1.waitFor();
    expect(await rowField(bengt.page, cardId, 'title').inputValue()).toBe('Hälsosamtal för 40-åringar');
    expect(await rowField(bengt.page, cardId, 'activity').inputValue()).toBe('Erbjuda hälsosamtal på vårdcentralerna');
    expect(await rowField(bengt.page, cardId, 'responsible').inputValue()).toBe('Tjänsteledning HSVO');
    expect(await rowField(bengt.page, cardId, 'indicator').inputValue()).toContain('Antal samtal');
    // A real table: a caption and column headers for screen readers, a row header per activity.
    const table = bengt.page.locator('.goal-table[data-goal="A1"] table');
    expect(await table.locator('caption').textContent()).toContain('A1');
    // A column per plan-table field of the registry, then status and the row's controls.
    expect(await table.locator('thead th[scope="col"]').count()).toBe(DOCUMENT_FIELDS.length + 2);
    expect(await row(bengt.page, cardId).locator('th[scope="row"]').count()).toBe(1);
    await expect
      .poll(() => bengt.page.getByRole('textbox', { name: 'Ansvar – Hälsosamtal för 40-åringar' }).inputValue())
      .toBe('Tjänsteledning HSVO');
  });

  it('moves the card to B1 in the table when it is dragged into B1 on the canvas', async () => {
    await editor(anna.page).getByTestId('close-card-editor').click();
    const card = anna.page.locator(`${cardSelector}[data-card-id="${cardId}"]`);
    const box = await card.boundingBox();
    if (!box) throw new Error('the card is not on screen');
    const target = await inGoal(anna.page, 'B1');
    await anna.page.mouse.move(box.x + box.width / 2, box.y + box.height * 0.6);
    await anna.page.mouse.down();
    await anna.page.mouse.move(target.x, target.y, { steps: 12 });
    await anna.page.mouse.up();
    await expect.poll(() => card.getAttribute('data-goal')).toBe('B1');
    await bengt.page.locator(`.goal-table[data-goal="B1"] [data-card-id="${cardId}"]`).waitFor();
    expect(await bengt.page.locator(`.goal-table[data-goal="A1"] [data-card-id="${cardId}"]`).count()).toBe(0);
  });

  it('moves the card on the canvas when its goal is changed in the table', async () => {
    // The table fills a goal select's options when it is focused (as a person tabbing or clicking to it does).
    await row(bengt.page, cardId).getByTestId('goal-select').focus();
    await row(bengt.page, cardId).getByTestId('goal-select').selectOption('C1');
    await goToArea(anna.page, 'C');
    const card = anna.page.locator(`${cardSelector}[data-card-id="${cardId}"]`);
    await expect.poll(() => card.getAttribute('data-goal')).toBe('C1');
    const cardBox = await card.boundingBox();
    const zoneBox = await anna.page.locator('.zone--goal[data-zone="C1"]').boundingBox();
    if (!cardBox || !zoneBox) throw new Error('card or zone missing');
    const centre = { x: cardBox.x + cardBox.width / 2, y: cardBox.y + cardBox.height / 2 };
    expect(centre.x > zoneBox.x && centre.x < zoneBox.x + zoneBox.width).toBe(true);
    expect(centre.y > zoneBox.y && centre.y < zoneBox.y + zoneBox.height).toBe(true);
  });

  it('moves a card in the table only on Enter after the arrow keys, and keeps the focus on its goal select', async () => {
    const focused = () =>
      bengt.page.evaluate(() => {
        const active = document.activeElement;
        return `${active?.closest('[data-card-id]')?.getAttribute('data-card-id')}/${active?.getAttribute('data-testid')}`;
      });
    const select = row(bengt.page, cardId).getByTestId('goal-select');
    await select.focus();
    await bengt.page.keyboard.press('ArrowDown');
    // Chosen, not moved: the card is still in C1 for both people.
    await expect.poll(() => select.getAttribute('data-chosen')).toBe('true');
    expect(await cardOn(anna.page, cardId).getAttribute('data-goal')).toBe('C1');
    expect(await bengt.page.locator(`.goal-table[data-goal="C1"] [data-card-id="${cardId}"]`).count()).toBe(1);
    await bengt.page.keyboard.press('Enter');
    await bengt.page.locator(`.goal-table[data-goal="D1"] [data-card-id="${cardId}"]`).waitFor();
    await expect.poll(() => cardOn(anna.page, cardId).getAttribute('data-goal')).toBe('D1');
    // The row was drawn anew in D1's table, and the focus came back to its goal select.
    await expect.poll(focused).toBe(`${cardId}/goal-select`);
  });

  it("draws a card added in the table inside its goal on the other person's canvas", async () => {
    await bengt.page.locator('.goal-table[data-goal="D1"]').getByTestId('table-add-card').click();
    await expect
      .poll(() => bengt.page.evaluate(() => document.activeElement?.getAttribute('data-field')))
      .toBe('title');
    await bengt.page.keyboard.type('Gemensam krisövning');
    // The activity is the row's first column: Tab from the new title reaches every field, Prioriterat område too.
    const reached: (string | null)[] = [];
    for (let step = 0; step < 2; step++) {
      await bengt.page.keyboard.press('Tab');
      reached.push(await bengt.page.evaluate(() => document.activeElement?.getAttribute('data-field') ?? null));
    }
    expect(reached).toEqual(['activity', 'priorityArea']);
    await goToArea(anna.page, 'D');
    const card = anna.page.locator(`${cardSelector}[data-goal="D1"]`, { hasText: 'Gemensam krisövning' });
    await card.waitFor();
    const cardBox = await card.boundingBox();
    const zoneBox = await anna.page.locator('.zone--goal[data-zone="D1"]').boundingBox();
    if (!cardBox || !zoneBox) throw new Error('card or zone missing');
    expect(cardBox.x >= zoneBox.x && cardBox.x + cardBox.width <= zoneBox.x + zoneBox.width).toBe(true);
    expect(cardBox.y >= zoneBox.y && cardBox.y + cardBox.height <= zoneBox.y + zoneBox.height).toBe(true);
  });

  it('adds a card from the toolbar button into the goal the person picks, and the table groups it the same way', async () => {
    await anna.page.getByTestId('add-card').click();
    await anna.page.getByTestId('add-card-goal').selectOption('A2');
    await anna.page.getByTestId('add-card-confirm').click();
    await expect.poll(() => anna.page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('title');
    await anna.page.keyboard.type('Från verktygsraden');
    await anna.page.keyboard.press('Escape');
    expect(await editor(anna.page).count()).toBe(0);
    expect(await anna.page.getByTestId('card-notice').textContent()).toContain('A2');
    const card = anna.page.locator(cardSelector, { hasText: 'Från verktygsraden' });
    expect(await card.getAttribute('data-goal')).toBe('A2');
    const id = (await card.getAttribute('data-card-id')) ?? '';
    await bengt.page.locator(`.goal-table[data-goal="A2"] [data-card-id="${id}"]`).waitFor();
  });

  it('closes the editor with a message when someone else deletes the card being edited', async () => {
    await goToArea(anna.page, 'D');
    await anna.page.locator(`${cardSelector}[data-card-id="${cardId}"] [data-testid="open-card"]`).click();
    await editorField(anna.page, 'targetGroup').click();
    await anna.page.keyboard.type('Vuxna');
    bengt.page.once('dialog', (dialog) => dialog.accept());
    await row(bengt.page, cardId)
      .getByRole('button', { name: /Ta bort/ })
      .click();
    await expect.poll(() => anna.page.getByTestId('card-notice').textContent()).toContain('togs bort av någon annan');
    expect(await editor(anna.page).count()).toBe(0);
    expect(await anna.page.locator(`${cardSelector}[data-card-id="${cardId}"]`).count()).toBe(0);
    expect(await row(bengt.page, cardId).count()).toBe(0);
    // The focus went to a neighbouring row or the goal's add button, not to the top of the page.
    await expect
      .poll(() => bengt.page.evaluate(() => document.activeElement?.closest('.goal-table') !== null))
      .toBe(true);
  });

  it('raised no page errors and sent no request outside the origin', () => {
    expect([...anna.errors, ...bengt.errors]).toEqual([]);
    expect(foreignRequests(env.origin, [...anna.requests, ...bengt.requests])).toEqual([]);
  });
});

describe('a board with real plan rows', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2e();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('places imported cards in their goals and looks calm on the canvas and in the table', async () => {
    const board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    const picked = ['3.1-01', '3.1-03', '3.1-05', '3.2-01', '3.2-02', '4.1-01', '4.2-01', '5.1-01', '5.1-02', '5.1-03'];
    picked.push('5.2-01', '5.2-04');
    const rows = nsuRows().filter((r) => picked.some((p) => r.id.endsWith(p)));
    expect(rows).toHaveLength(12);
    await seedCards(env.origin, board.id, rows.map(cardFromRow));

    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'sv-SE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(shareLinkOf(env, board));
    await enterName(page, 'Anna Andersson');
    // Cards outside the view are in the page but not drawn.
    await page.locator(cardSelector).nth(11).waitFor({ state: 'attached' });
    // Every imported card got a shape inside its own goal's zone.
    for (const r of rows) {
      expect(await page.locator(`${cardSelector}[data-goal="${r.goalId}"]`).count()).toBeGreaterThan(0);
    }
    await zoomToAreas(page);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cards-board.png` });

    await page.getByRole('link', { name: 'Tabell' }).click();
    await page.locator('[data-testid="card-row"]').nth(11).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/cards-table.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});

/** Zooms the canvas (ctrl + wheel, as a person would) until cards are readable, then scrolls to the top left. */
async function zoomToAreas(page: Page): Promise<void> {
  const zone = page.locator('.zone--goal[data-zone="1.1"]');
  const scale = async () => ((await zone.boundingBox())?.width ?? 0) / 760;
  await page.mouse.move(600, 300);
  for (let i = 0; i < 30 && (await scale()) < 0.68; i++) {
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -40);
    await page.keyboard.up('Control');
  }
  const area = await page.locator('.zone--area[data-zone="1"]').boundingBox();
  if (!area) throw new Error('focus area 1 is not on screen');
  await page.mouse.wheel(area.x - 24, area.y - 72);
  await expect
    .poll(async () => Math.round((await page.locator('.zone--area[data-zone="1"]').boundingBox())?.x ?? 0))
    .toBe(24);
}
