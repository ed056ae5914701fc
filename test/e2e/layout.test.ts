/**
 * The board layout in real Chromium, two people on one board (issue #13):
 * 24 cards added to A1 at once by double-click, toolbar and table lie in a
 * grid inside A1 without overlapping; A1 grows; a card dragged within A1 is
 * reordered for the other person too; "+ Ny aktivitet" asks which goal and
 * says where the card went. Saves screenshots of A1 with its 24 cards and of
 * a full NSU board (34 real plan rows).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { layoutZones } from '../../shared/board-layout.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { editor, showOverview, storedCards } from './helpers/board-page.ts';
import {
  type E2eEnv,
  enterName,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';
import { gridOrder, inside, overlaps, shapeBounds, zoomToZone } from './helpers/layout-page.ts';

const cardSelector = '[data-testid="activity-card"]';
const TITLES = [
  'Gemensamma föräldraträffar om skärmtid och sömn för familjer med barn i förskoleåldern',
  'Samordnad individuell plan (SIP) när barnet har kontakt med både skola och psykiatri',
  'Uppsökande verksamhet bland unga vuxna som varken arbetar eller studerar',
  'Kompetensutveckling om tidiga tecken på psykisk ohälsa för elevhälsans personal',
];
const title = (who: string, i: number) => `${who} ${i + 1}: ${TITLES[i % TITLES.length]}`;

async function openBoard(person: Person, url: string, name: string): Promise<void> {
  await openBoardAs(person.page, url, name);
  await person.page.locator('.zone--goal').first().waitFor();
}

/** A spot in the goal's header band, which is always free of cards: a new card goes first in the goal. */
async function inHeader(page: Page, goalId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.zone--goal[data-zone="${goalId}"]`).boundingBox();
  if (!box) throw new Error(`zone ${goalId} is not on screen`);
  const scale = box.width / 760;
  return { x: box.x + box.width * 0.6, y: box.y + 40 * scale };
}

/**
 * tldraw counts clicks at one spot within its multi-click window (200 ms, `multiClickDurationMs`)
 * as one sequence: a double-click that soon after the last one is a quadruple click, which makes no
 * card. A person double-clicking twice leaves a gap; on a fast machine this loop would not.
 */
const MULTI_CLICK_GAP_MS = 300;

async function addByDoubleClick(page: Page, goalId: string, text: string): Promise<void> {
  const spot = await inHeader(page, goalId);
  await page.waitForTimeout(MULTI_CLICK_GAP_MS);
  await page.mouse.dblclick(spot.x, spot.y);
  await editor(page).waitFor();
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
  await expect.poll(() => editor(page).count()).toBe(0);
}

async function addFromToolbar(page: Page, goalId: string, text: string): Promise<void> {
  await page.getByTestId('add-card').click();
  await page.getByTestId('add-card-goal').selectOption(goalId);
  await page.getByTestId('add-card-confirm').click();
  await editor(page).waitFor();
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('title');
  await page.keyboard.insertText(text);
  await page.keyboard.press('Escape');
  await expect.poll(() => editor(page).count()).toBe(0);
}

async function addInTable(page: Page, goalId: string, text: string): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.locator(`.goal-table[data-goal="${goalId}"]`).getByTestId('table-add-card').click();
  // The others add cards meanwhile, so the new row is known by its focused, empty title.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('');
  await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-field'))).toBe('title');
  await page.keyboard.insertText(text);
}

/** No two card shapes overlap and every card of `goalId` lies inside that goal's zone. */
async function expectTidy(page: Page, goalId: string, count: number): Promise<void> {
  const cards = await shapeBounds(page, 'activity-card');
  const zone = (await shapeBounds(page, 'zone')).find((z) => z.id === `shape:zone-${goalId}`);
  if (!zone) throw new Error(`no zone ${goalId}`);
  const overlapping = cards.flatMap((a, i) =>
    cards
      .slice(i + 1)
      .filter((b) => overlaps(a, b))
      .map((b) => `${a.id}×${b.id}`),
  );
  expect(overlapping).toEqual([]);
  expect(cards.filter((card) => inside(card, zone))).toHaveLength(count);
}

describe('cards laid out in their goal, by two people', () => {
  let env: E2eEnv;
  let anna: Person;
  let bengt: Person;
  let boardId: string;

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    bengt = await newPerson(env);
    const board = await createBoard(env.origin, {
      title: 'Samverkansplan Enköping 2025',
      templateId: 'hsvo-2024-2026',
    });
    boardId = board.id;
    await openBoard(anna, shareLinkOf(env, board), 'Anna Andersson');
    await openBoard(bengt, shareLinkOf(env, board, 'participant'), 'Bengt Berg');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('puts 24 cards added at once in A1 (double-click, toolbar, table) in a grid inside A1, none on another', async () => {
    const hsvo = getTemplate('hsvo-2024-2026') as Template;
    const emptyA1 = layoutZones(hsvo).goals.find((g) => g.goalId === 'A1');
    await bengt.page.getByRole('link', { name: 'Tabell' }).click();
    await bengt.page.locator('.goal-table[data-goal="A1"]').waitFor();
    await Promise.all([
      (async () => {
        for (let i = 0; i < 8; i++) await addByDoubleClick(anna.page, 'A1', title('Dubbelklick', i));
        for (let i = 0; i < 8; i++) await addFromToolbar(anna.page, 'A1', title('Verktygsrad', i));
      })(),
      (async () => {
        for (let i = 0; i < 8; i++) await addInTable(bengt.page, 'A1', title('Tabell', i));
      })(),
    ]);
    await bengt.page.getByRole('link', { name: 'Tavla', exact: true }).click();
    for (const { page } of [anna, bengt]) {
      await expect.poll(() => page.locator(`${cardSelector}[data-goal="A1"]`).count(), { timeout: 20_000 }).toBe(24);
      await expectTidy(page, 'A1', 24);
      // A1 grew to hold them.
      const a1 = (await shapeBounds(page, 'zone')).find((z) => z.id === 'shape:zone-A1');
      expect(a1?.h).toBeGreaterThan(emptyA1?.h ?? 0);
    }
    // Both see one order, the table's and every export's.
    const order = (await storedCards(env, boardId)).filter((c) => c.goalId === 'A1').map((c) => c.id);
    await expect.poll(() => gridOrder(anna.page, 'A1')).toEqual(order);
    await expect.poll(() => gridOrder(bengt.page, 'A1')).toEqual(order);

    await zoomToZone(anna.page, 'A1');
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/layout-goal-24-cards.png` });
  }, 240_000);

  it('reorders a card dragged within A1, and the other person sees the new order', async () => {
    const before = await gridOrder(anna.page, 'A1');
    const moving = before[4] as string;
    const card = anna.page.locator(`${cardSelector}[data-card-id="${moving}"]`);
    const first = anna.page.locator(`${cardSelector}[data-card-id="${before[0]}"]`);
    const from = await card.boundingBox();
    const to = await first.boundingBox();
    if (!from || !to) throw new Error('cards not on screen');
    await anna.page.mouse.move(from.x + from.width / 2, from.y + from.height * 0.6);
    await anna.page.mouse.down();
    // The left edge of the first card: the dragged card goes before it.
    await anna.page.mouse.move(to.x + to.width * 0.15, to.y + to.height / 2, { steps: 15 });
    await anna.page.mouse.up();
    const expected = [moving, ...before.filter((id) => id !== moving)];
    await expect.poll(() => gridOrder(anna.page, 'A1')).toEqual(expected);
    await expect.poll(() => gridOrder(bengt.page, 'A1')).toEqual(expected);
    await expectTidy(bengt.page, 'A1', 24);
    const stored = (await storedCards(env, boardId)).filter((c) => c.goalId === 'A1').map((c) => c.id);
    expect(stored).toEqual(expected);
  });

  it('moves a card dragged into B1 there for both, inserted where it was dropped', async () => {
    const moving = (await gridOrder(anna.page, 'A1'))[0] as string;
    const card = anna.page.locator(`${cardSelector}[data-card-id="${moving}"]`);
    // B1 lies in another focus area: the person zooms out to the whole board to drag across.
    await showOverview(anna.page);
    const from = await card.boundingBox();
    const b1 = await anna.page.locator('.zone--goal[data-zone="B1"]').boundingBox();
    if (!from || !b1) throw new Error('card or zone not on screen');
    await anna.page.mouse.move(from.x + from.width / 2, from.y + from.height * 0.6);
    await anna.page.mouse.down();
    await anna.page.mouse.move(b1.x + b1.width / 2, b1.y + b1.height * 0.7, { steps: 15 });
    await anna.page.mouse.up();
    await expect
      .poll(() => bengt.page.locator(`${cardSelector}[data-card-id="${moving}"]`).getAttribute('data-goal'))
      .toBe('B1');
    await expect.poll(() => gridOrder(bengt.page, 'B1')).toEqual([moving]);
    await expectTidy(bengt.page, 'A1', 23);
  });

  it('"+ Ny aktivitet" asks which goal, offering the one in view, and says where the card went', async () => {
    const { page } = bengt;
    await page.getByTestId('add-card').click();
    const select = page.getByTestId('add-card-goal');
    // Some goal of the board is offered first: the one that covers most of the view.
    expect(await select.inputValue()).toMatch(/^[A-D][12]$/);
    await select.selectOption('C1');
    await page.getByTestId('add-card-confirm').click();
    await editor(page).waitFor();
    await page.keyboard.type('Vart tog den vägen?');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('card-notice').textContent()).toContain('C1');
    const card = anna.page.locator(cardSelector, { hasText: 'Vart tog den vägen?' });
    await expect.poll(() => card.getAttribute('data-goal')).toBe('C1');
    expect([...anna.errors, ...bengt.errors]).toEqual([]);
  });
});

describe('a full board', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2e();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('lays out all 34 rows of the NSU 2019 plan in their goals, none overlapping', async () => {
    const board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    const rows = nsuRows();
    expect(rows.length).toBeGreaterThanOrEqual(30);
    await seedCards(env.origin, board.id, rows.map(cardFromRow));
    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(shareLinkOf(env, board));
    await enterName(page, 'Anna Andersson');
    // The board opens on its first area; the overview draws every card.
    await page.locator('.zone--goal').first().waitFor();
    await showOverview(page);
    await page
      .locator(`.tl-shape[data-shape-type="activity-card"] ${cardSelector}`)
      .nth(rows.length - 1)
      .waitFor();
    const cards = await shapeBounds(page, 'activity-card');
    const zones = await shapeBounds(page, 'zone');
    for (const row of rows) {
      const zone = zones.find((z) => z.id === `shape:zone-${row.goalId}`);
      const shape = cards.find((c) => c.id === `shape:card-${row.id.replace(/\./g, '-')}`);
      expect(zone && shape && inside(shape, zone), row.id).toBe(true);
    }
    expect(cards.flatMap((a, i) => cards.slice(i + 1).filter((b) => overlaps(a, b)))).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/layout-full-board.png` });
    await context.close();
  });

  it('heads the strip of unplaced cards below the board, above its cards', async () => {
    const board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    const rows = nsuRows().slice(0, 3);
    await seedCards(env.origin, board.id, [
      ...rows.map(cardFromRow),
      { ...cardFromRow(rows[0] as (typeof rows)[number], 0), id: 'loose', goalId: null },
    ]);
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(shareLinkOf(env, board));
    await enterName(page, 'Anna Andersson');
    await page.locator('.zone--goal').first().waitFor();
    await showOverview(page);
    const heading = page.getByTestId('unplaced-heading');
    await expect.poll(() => heading.locator('h2').textContent()).toBe('Ej placerade aktiviteter');
    const loose = page.locator(`${cardSelector}[data-card-id="loose"]`);
    await loose.waitFor();
    const headingBox = await heading.boundingBox();
    const cardBox = await loose.boundingBox();
    const boardBottom = Math.max(
      ...(await page.locator('.zone--area').evaluateAll((areas) => areas.map((a) => a.getBoundingClientRect().bottom))),
    );
    if (!headingBox || !cardBox) throw new Error('the heading or the unplaced card is not on screen');
    // Below the board, above the strip's card and over its left edge.
    expect(headingBox.y).toBeGreaterThan(boardBottom);
    expect(headingBox.y + headingBox.height).toBeLessThanOrEqual(cardBox.y + 1);
    expect(Math.abs(headingBox.x - cardBox.x)).toBeLessThan(2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/layout-unplaced-heading.png` });
    await context.close();
  });
});
