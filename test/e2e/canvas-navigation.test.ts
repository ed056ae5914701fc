/**
 * Legible at every zoom people use, in real Chromium on a 1440 × 900 screen:
 * the board opens with card titles of at least 12 CSS px and open buttons of
 * at least 24 × 24; "Översikt" and the area buttons move the camera and the
 * cards switch to their compact face; an opened card stays in sight beside
 * the editor panel (double-click, Enter, its button); a card deleted under
 * someone typing leaves their keys off the canvas tools; an agreed card that
 * lost a required field says so. Saves screenshots of the NSU plan (34 rows)
 * and of a goal with 24 cards.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CARD_SIZE } from '../../client/canvas/card/ActivityCardShape.ts';
import { layoutZones } from '../../shared/board-layout.ts';
import type { NewCard } from '../../shared/card.ts';
import { deleteCard } from '../../shared/card.ts';
import { getTemplate, type Template } from '../../shared/template.ts';
import { connectClient, createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { card, cardSelector, editor, editorField, goToArea, showOverview } from './helpers/board-page.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';
import { inside as insidePage, shapeBounds } from './helpers/layout-page.ts';

type Box = { x: number; y: number; width: number; height: number };

/** The canvas zoom, read off a card of standard size. */
async function zoomOf(page: Page, cardId: string): Promise<number> {
  const found = await card(page, cardId).boundingBox();
  if (!found) throw new Error(`card ${cardId} is not on screen`);
  return found.width / CARD_SIZE.w;
}

/** A card title's height on screen: its font size (page units) times the zoom. */
async function titlePx(page: Page, cardId: string): Promise<number> {
  const size = await card(page, cardId)
    .locator('.activity-card__title')
    .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
  return size * (await zoomOf(page, cardId));
}

const inside = (inner: Box, outer: Box) =>
  inner.x >= outer.x - 1 &&
  inner.y >= outer.y - 1 &&
  inner.x + inner.width <= outer.x + outer.width + 1 &&
  inner.y + inner.height <= outer.y + outer.height + 1;

async function box(page: Page, selector: string): Promise<Box> {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not on screen`);
  return found;
}

/** The card is on screen and clear of the editor panel (left of it). */
async function besideEditor(page: Page, cardId: string): Promise<boolean> {
  const cardBox = await card(page, cardId).boundingBox();
  const panel = await editor(page).boundingBox();
  const canvas = await box(page, '[data-testid="canvas"]');
  if (!cardBox || !panel) return false;
  return cardBox.x + cardBox.width <= panel.x && inside(cardBox, canvas);
}

const activeTool = (page: Page) =>
  page.locator('[data-testid^="tools."][aria-pressed="true"]').first().getAttribute('data-testid');

function hsvoCard(id: string, goalId: string, title: string, extra: Partial<NewCard['fields']> = {}): NewCard {
  return {
    id,
    goalId,
    createdBy: 'Test',
    createdAt: new Date(Date.UTC(2025, 0, 1)).toISOString(),
    status: 'agreed',
    fields: {
      title,
      priorityArea: '',
      activity: 'Gemensamma rutiner tas fram och prövas i två kommuner.',
      indicator: 'Rutin framtagen (Ja/Nej)\nAntal kommuner som använder rutinen',
      responsible: 'Tjänsteledning HSVO',
      targetGroup: '',
      period: '2025',
      ...extra,
    },
    parties: ['region-uppsala', 'tierp', 'heby'],
  };
}

describe('a workshop board on a 1440 × 900 screen', () => {
  let env: E2eEnv;
  let anna: Person;
  let boardId = '';

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    const board = await createBoard(env.origin, { title: 'Samverkansplan Tierp 2025', templateId: 'hsvo-2024-2026' });
    boardId = board.id;
    await seedCards(env.origin, board.id, [
      hsvoCard('a1-1', 'A1', 'Samordnad individuell plan för barn och unga med behov av insatser från flera huvudmän'),
      hsvoCard('a1-2', 'A1', 'Hälsosamtal för 40-åringar'),
      hsvoCard('a1-3', 'A1', 'Gemensam krisövning'),
      hsvoCard('d1-1', 'D1', 'Kompetensutveckling om våld i nära relationer för personal i hemtjänsten'),
    ]);
    await openBoardAs(anna.page, shareLinkOf(env, board), 'Anna Andersson');
    await card(anna.page, 'a1-1').waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('opens with card titles at least 12 CSS px tall and open buttons of at least 24 × 24 px', async () => {
    const { page } = anna;
    expect(await card(page, 'a1-1').getAttribute('data-face')).toBe('reading');
    for (const id of ['a1-1', 'a1-2', 'a1-3']) expect(await titlePx(page, id)).toBeGreaterThanOrEqual(12);
    const open = await card(page, 'a1-1').getByTestId('open-card').boundingBox();
    expect(open?.width).toBeGreaterThanOrEqual(24);
    expect(open?.height).toBeGreaterThanOrEqual(24);
    // The reading face: status, title up to three lines, responsible, parties, number of indicators.
    const face = card(page, 'a1-1');
    expect(await face.locator('.activity-card__status').textContent()).toBe('Överenskommen');
    expect(await face.locator('.activity-card__line').textContent()).toContain('Tjänsteledning HSVO');
    expect(await face.locator('.activity-card__chips li').allTextContents()).toEqual(['Region Uppsala', '+2']);
    expect(await face.getByTestId('card-indicators').textContent()).toBe('2 indikatorer');
    const title = await face.locator('.activity-card__title').boundingBox();
    const lineHeight = await face
      .locator('.activity-card__title')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).lineHeight));
    expect(Math.round((title?.height ?? 0) / (lineHeight * (await zoomOf(page, 'a1-1'))))).toBe(3);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-hsvo-opening.png` });
  });

  it('shows the whole board with one click on Översikt, with compact faces whose titles stay legible', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Översikt' }).click();
    const canvas = await box(page, '[data-testid="canvas"]');
    for (const area of ['A', 'B', 'C', 'D']) {
      await expect.poll(async () => inside(await box(page, `.zone--area[data-zone="${area}"]`), canvas)).toBe(true);
    }
    await expect.poll(() => card(page, 'a1-1').getAttribute('data-face')).toBe('compact');
    expect(await titlePx(page, 'a1-2')).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-hsvo-overview.png` });
  });

  it('opens a card from its compact face too, by an open button of at least 24 × 24 px', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Översikt' }).click();
    await expect.poll(() => card(page, 'a1-1').getAttribute('data-face')).toBe('compact');
    const open = card(page, 'a1-1').getByTestId('open-card');
    // Shown on the card under the pointer (and the selected one) only, so the other titles keep their width.
    expect(await open.isVisible()).toBe(false);
    const face = await card(page, 'a1-1').boundingBox();
    if (!face) throw new Error('card a1-1 is not on screen');
    await page.mouse.move(face.x + face.width / 3, face.y + face.height * 0.7);
    await expect.poll(() => open.isVisible()).toBe(true);
    const target = await open.boundingBox();
    expect(target?.width).toBeGreaterThanOrEqual(24);
    expect(target?.height).toBeGreaterThanOrEqual(24);
    expect(await open.getAttribute('aria-label')).toContain('Öppna');
    // The icon is drawn by CSS: the title's text is still the title alone.
    expect(await card(page, 'a1-1').locator('.activity-card__title').textContent()).not.toContain('↗');
    await open.click();
    await editor(page).waitFor();
    await editor(page).getByTestId('close-card-editor').click();
  });

  it('goes to one focus area with its button (keyboard too), at reading zoom from its top left', async () => {
    const { page } = anna;
    const areaB = page.getByRole('button', { name: /Zooma till fokusområde B/ });
    await areaB.focus();
    await page.keyboard.press('Enter');
    const canvas = await box(page, '[data-testid="canvas"]');
    // The free part of the screen starts 24 px from the left and 120 px from the top (tldraw's panels, our bars).
    await expect.poll(async () => Math.round((await box(page, '.zone--area[data-zone="B"]')).x - canvas.x)).toBe(24);
    const areaBox = await box(page, '.zone--area[data-zone="B"]');
    expect(Math.round(areaBox.y - canvas.y)).toBe(120);
    expect(areaBox.width / 816).toBeCloseTo(0.8, 2);
  });

  it('keeps a card of the right-hand column in sight beside the editor when it is double-clicked', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Översikt' }).click();
    // In the overview D1's card sits where the editor panel will open.
    await expect.poll(async () => (await card(page, 'd1-1').boundingBox())?.x ?? 0).toBeGreaterThan(950);
    await page.mouse.dblclick(...(await centreOf(page, 'd1-1')));
    await editor(page).waitFor();
    expect(await editor(page).getAttribute('data-card-id')).toBe('d1-1');
    await expect.poll(() => besideEditor(page, 'd1-1')).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-open-beside-editor.png` });
    await editor(page).getByTestId('close-card-editor').click();
    // Closing gives the keys back to the canvas.
    expect(await page.evaluate(() => document.activeElement?.closest('.tl-container') !== null)).toBe(true);
  });

  it('opens the selected card with Enter, beside the editor, with the focus in the panel', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Översikt' }).click();
    await expect.poll(async () => (await card(page, 'd1-1').boundingBox())?.x ?? 0).toBeGreaterThan(950);
    await page.mouse.click(...(await centreOf(page, 'd1-1')));
    await page.keyboard.press('Enter');
    await editor(page).waitFor();
    await expect.poll(() => besideEditor(page, 'd1-1')).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('card-editor');
    await page.keyboard.press('Escape');
    expect(await editor(page).count()).toBe(0);
  });

  it('opens a card at reading zoom with its button, and the card stays where it was when nothing covers it', async () => {
    const { page } = anna;
    // The area's button, and the camera at rest there (it animates): only then is "where it was" known.
    await goToArea(page, 'A');
    await centreOf(page, 'a1-1');
    const before = await card(page, 'a1-1').boundingBox();
    await card(page, 'a1-1').getByTestId('open-card').click();
    await editor(page).waitFor();
    expect(await besideEditor(page, 'a1-1')).toBe(true);
    expect(await card(page, 'a1-1').boundingBox()).toEqual(before);
    await editor(page).getByTestId('close-card-editor').click();
  });

  it('says "Överenskommen, men saknar: Ansvar" on an agreed card whose responsible is cleared', async () => {
    const { page } = anna;
    await page.getByRole('button', { name: 'Översikt' }).click();
    await expect.poll(() => card(page, 'a1-2').getAttribute('data-face')).toBe('compact');
    await page.mouse.dblclick(...(await centreOf(page, 'a1-2')));
    await editor(page).waitFor();
    await editorField(page, 'responsible').fill('');
    expect(await card(page, 'a1-2').getAttribute('class')).toContain('activity-card--incomplete');
    await editor(page).getByTestId('close-card-editor').click();
    // At reading zoom the card says it in words.
    await page.reload();
    await card(page, 'a1-2').waitFor();
    await expect
      .poll(() => card(page, 'a1-2').getByTestId('card-warning').textContent())
      .toBe('Överenskommen, men saknar: Ansvar');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-agreed-missing.png` });
  });

  it("gives the canvas the focus, without picking tools, when the card is deleted under someone's typing", async () => {
    const { page } = anna;
    await card(page, 'a1-3').getByTestId('open-card').click();
    await editorField(page, 'targetGroup').click();
    const other = connectClient(env.origin, boardId);
    await other.synced;
    // Keeps typing through the deletion: "Vuxna i Tierp och Heby, region och kommun" has r and n in it.
    const typing = page.keyboard.type('Vuxna i Tierp och Heby, region och kommun rn rn', { delay: 40 });
    await expect.poll(() => editorField(page, 'targetGroup').inputValue()).toContain('Vux');
    deleteCard(other.doc, 'a1-3');
    await typing;
    other.destroy();
    expect(await page.getByTestId('card-notice').textContent()).toContain('togs bort av någon annan');
    expect(await editor(page).count()).toBe(0);
    expect(await activeTool(page)).toBe('tools.select');
    expect(await page.evaluate(() => document.activeElement?.closest('.tl-container') !== null)).toBe(true);
    // Once the person stops and presses Escape, the canvas keys are theirs again.
    await page.keyboard.press('Escape');
    await page.keyboard.press('r');
    await expect.poll(() => activeTool(page)).not.toBe('tools.select');
    await page.keyboard.press('v');
    await expect.poll(() => activeTool(page)).toBe('tools.select');
    expect(anna.errors).toEqual([]);
  });
});

/** The card's centre on screen once the camera has stopped moving (two reads a frame apart agree). */
async function centreOf(page: Page, cardId: string): Promise<[number, number]> {
  const read = async () => JSON.stringify(await card(page, cardId).boundingBox());
  let last = '';
  await expect
    .poll(async () => {
      const now = await read();
      const still = now === last && now !== 'null';
      last = now;
      return still;
    })
    .toBe(true);
  const found = JSON.parse(last) as Box;
  return [found.x + found.width / 2, found.y + found.height / 2];
}

describe('the NSU plan and a full goal, for the eye', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2e();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('shows the 34 rows of the NSU 2019 plan at reading zoom, in the overview and in one area', async () => {
    const board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    const rows = nsuRows();
    expect(rows).toHaveLength(34);
    await seedCards(env.origin, board.id, rows.map(cardFromRow));
    const person = await newPerson(env);
    await openBoardAs(person.page, shareLinkOf(env, board), 'Anna Andersson');
    const { page } = person;
    await page.locator(`${cardSelector}[data-face="reading"]`).first().waitFor();
    const first =
      (await page.locator(`${cardSelector}[data-face="reading"]`).first().getAttribute('data-card-id')) ?? '';
    expect(await titlePx(page, first)).toBeGreaterThanOrEqual(12);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-nsu-reading.png` });
    // Screenshots once the camera is at rest (it animates).
    await showOverview(page);
    await expect.poll(() => page.locator(`${cardSelector}[data-face="compact"]`).count()).toBe(34);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-nsu-overview.png` });
    await goToArea(page, '1');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-nsu-area-1.png` });
    expect(person.errors).toEqual([]);
  });

  it('opens on the first area holding cards, from its top, when that area is area 3 with its tall goal 3.2', async () => {
    const board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    const rows = nsuRows().filter((row) => row.goalId.startsWith('3.'));
    expect(rows.filter((row) => row.goalId === '3.2').length).toBeGreaterThanOrEqual(10);
    await seedCards(env.origin, board.id, rows.map(cardFromRow));
    const person = await newPerson(env);
    await openBoardAs(person.page, shareLinkOf(env, board), 'Anna Andersson');
    const { page } = person;
    const firstCard = page.locator(`${cardSelector}[data-goal="3.1"]`).first();
    await firstCard.waitFor();
    const canvas = await box(page, '[data-testid="canvas"]');
    // Where area 3's button puts it: its top left in the free part of the screen, at reading zoom.
    await expect.poll(async () => Math.round((await box(page, '.zone--area[data-zone="3"]')).x - canvas.x)).toBe(24);
    expect(Math.round((await box(page, '.zone--area[data-zone="3"]')).y - canvas.y)).toBe(120);
    expect(await firstCard.getAttribute('data-face')).toBe('reading');
    // The zones are the grown ones (3.2, below the fold at this zoom, is read off its shape): 3.2 is
    // taller than it is empty and holds its cards.
    const empty32 = layoutZones(getTemplate('nsu-2019') as Template).goals.find((g) => g.goalId === '3.2');
    const zone32 = (await shapeBounds(page, 'zone')).find((z) => z.id === 'shape:zone-3.2');
    expect(zone32?.h).toBeGreaterThan(empty32?.h ?? Number.POSITIVE_INFINITY);
    const in32 = (await shapeBounds(page, 'activity-card')).filter((c) => zone32 && insidePage(c, zone32));
    expect(in32).toHaveLength(rows.filter((row) => row.goalId === '3.2').length);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-nsu-opening-area-3.png` });
    expect(person.errors).toEqual([]);
  });

  it('shows a goal with 24 cards with long Swedish titles', async () => {
    const board = await createBoard(env.origin, {
      title: 'Samverkansplan Enköping 2025',
      templateId: 'hsvo-2024-2026',
    });
    const cards = nsuRows()
      .slice(0, 24)
      .map((row, i) => ({ ...cardFromRow(row, i), goalId: 'A1' }));
    await seedCards(env.origin, board.id, cards);
    const person = await newPerson(env);
    await openBoardAs(person.page, shareLinkOf(env, board), 'Anna Andersson');
    const { page } = person;
    await page.locator(cardSelector).nth(5).waitFor();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-full-goal-reading.png` });
    await showOverview(page);
    await expect.poll(() => page.locator(`${cardSelector}[data-face="compact"]`).count()).toBe(24);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/nav-full-goal-overview.png` });
    expect(person.errors).toEqual([]);
  });
});
