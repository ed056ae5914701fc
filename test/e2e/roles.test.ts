/**
 * Sharing a board by role, in real Chromium against the real server: the
 * creator is the facilitator and shares the viewer link; the viewer sees a
 * card typed live but can change nothing on the canvas or in the table, and
 * its page sends no document update at all; locking turns a participant
 * read-only live and unlocking gives editing back; a rotated participant
 * link shows the "no longer valid" page; tokens never stay in the address
 * bar; the start page lists the board with its role; rename and delete reach
 * everyone.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeMany } from '../../server/sync/merge.ts';
import { readCards } from '../../shared/card.ts';
import type { BoardTokens } from '../../shared/roles.ts';
import { rememberBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import {
  type E2eEnv,
  enterName,
  foreignRequests,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  startE2e,
} from './helpers/harness.ts';

const BOARD_TITLE = 'Samverkansplan Östhammar 2025';
const CARD_TITLE = 'Gemensam utbildning i tidiga insatser';
const cardSelector = '[data-testid="activity-card"]';
const editor = (page: Page) => page.getByTestId('card-editor');
const editorField = (page: Page, field: string) => editor(page).locator(`[data-field="${field}"]`);
const permissionDenied = (person: Person) => person.warnings.filter((text) => text.includes('Permission denied'));

async function inGoal(page: Page, goalId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.zone--goal[data-zone="${goalId}"]`).boundingBox();
  if (!box) throw new Error(`zone ${goalId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.78 };
}

async function storedCards(env: E2eEnv, boardId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(boardId)).updates));
  return readCards(doc);
}

/** The share dialog's link for a role, opening the dialog first. */
async function shareLink(page: Page, role: string): Promise<string> {
  if ((await page.getByTestId('share-dialog').count()) === 0) await page.getByTestId('share-button').click();
  return page.getByTestId(`share-link-${role}`).inputValue();
}

/**
 * Waits until `watcher` sees a title the facilitator gives the card: the
 * others' earlier messages have reached the server by then (one socket each,
 * answered in order), so a refusal of anything they sent would have arrived too.
 */
async function barrier(facilitator: Page, watcher: Page, cardId: string, title: string): Promise<void> {
  await editorField(facilitator, 'title').fill(title);
  await expect
    .poll(() => watcher.locator(`${cardSelector}[data-card-id="${cardId}"] .activity-card__title`).textContent())
    .toBe(title);
}

describe('a board shared by role', () => {
  let env: E2eEnv;
  let anna: Person; // facilitator, creates the board
  let bengt: Person; // viewer
  let carin: Person; // participant
  let boardId: string;
  let cardId: string;
  let participantLink: string;

  beforeAll(async () => {
    env = await startE2e();
    [anna, bengt, carin] = [await newPerson(env), await newPerson(env), await newPerson(env)];
  });

  afterAll(async () => {
    await env?.close();
  });

  it('makes the creator the facilitator and takes the token out of the address bar at once', async () => {
    await anna.page.goto(`${env.origin}/`);
    await anna.page.getByTestId('board-title-input').fill(BOARD_TITLE);
    await anna.page.getByTestId('create-board').click();
    await anna.page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/);
    boardId = new URL(anna.page.url()).pathname.split('/')[2] ?? '';
    await enterName(anna.page, 'Anna Andersson');
    await anna.page.locator('.zone--goal').first().waitFor();
    expect(await anna.page.getByTestId('my-role').getAttribute('data-role')).toBe('facilitator');
    expect(await anna.page.evaluate(() => window.location.href)).not.toContain('token');
  });

  it('shows the three links in an accessible share dialog, each saying what the role may do', async () => {
    await anna.page.getByTestId('share-button').click();
    const dialog = anna.page.getByRole('dialog', { name: 'Dela tavlan' });
    await dialog.waitFor();
    for (const role of ['facilitator', 'participant', 'viewer']) {
      expect(await shareLink(anna.page, role)).toMatch(new RegExp(`^${env.origin}/b/${boardId}#token=[A-Za-z0-9_-]+$`));
    }
    expect(await dialog.getByTestId('share-viewer').textContent()).toContain('inte ändra något');
    expect(await dialog.getByTestId('share-participant').textContent()).toContain('Inte när tavlan är låst');
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/roles-share-dialog.png` });
    // Escape closes it and gives the focus back to the button that opened it.
    await anna.page.keyboard.press('Escape');
    expect(await anna.page.getByTestId('share-dialog').count()).toBe(0);
    expect(await anna.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('share-button');
  });

  it('lets the viewer watch a card being typed live, and change nothing on the canvas', async () => {
    const viewerLink = await shareLink(anna.page, 'viewer');
    participantLink = await shareLink(anna.page, 'participant');
    await anna.page.keyboard.press('Escape');
    await openBoardAs(bengt.page, viewerLink, 'Bengt Berg');
    expect(await bengt.page.evaluate(() => window.location.href)).toBe(`${env.origin}/b/${boardId}`);
    expect(await bengt.page.getByTestId('my-role').getAttribute('data-role')).toBe('viewer');
    await bengt.page.getByTestId('viewer-notice').waitFor();
    await bengt.page.locator('.zone--goal').first().waitFor();
    expect(await bengt.page.getByTestId('add-card').count()).toBe(0);

    const spot = await inGoal(anna.page, 'A1');
    await anna.page.mouse.dblclick(spot.x, spot.y);
    cardId = (await editor(anna.page).getAttribute('data-card-id')) ?? '';
    await anna.page.keyboard.type(CARD_TITLE, { delay: 10 });
    const card = bengt.page.locator(`${cardSelector}[data-card-id="${cardId}"]`);
    await expect.poll(() => card.locator('.activity-card__title').textContent()).toBe(CARD_TITLE);

    // A double-click in a goal makes no card; the card opens read-only and typing into it does nothing.
    const viewerSpot = await inGoal(bengt.page, 'B1');
    await bengt.page.mouse.dblclick(viewerSpot.x, viewerSpot.y);
    await card.getByTestId('open-card').click();
    await editor(bengt.page).getByText('Tavlan är skrivskyddad.').waitFor();
    expect(await editorField(bengt.page, 'title').getAttribute('readonly')).not.toBeNull();
    await editorField(bengt.page, 'title').click();
    await bengt.page.keyboard.type('Ändrat av läsaren');
    expect(await editorField(bengt.page, 'title').inputValue()).toBe(CARD_TITLE);
    expect(await editor(bengt.page).getByTestId('delete-card').count()).toBe(0);
    await editor(bengt.page).getByTestId('close-card-editor').click();
    // Delete does nothing, on the card or on everything.
    const box = await card.boundingBox();
    if (!box) throw new Error('the card is not on the viewer’s screen');
    await bengt.page.mouse.click(box.x + box.width / 2, box.y + box.height * 0.6);
    await bengt.page.keyboard.press('Delete');
    await bengt.page.keyboard.press('Control+a');
    await bengt.page.keyboard.press('Backspace');

    await barrier(anna.page, bengt.page, cardId, `${CARD_TITLE}.`);
    expect(await bengt.page.locator(cardSelector).count()).toBe(1);
    expect(await anna.page.locator(cardSelector).count()).toBe(1);
    expect((await storedCards(env, boardId)).map((c) => c.title)).toEqual([`${CARD_TITLE}.`]);
    expect(await bengt.page.locator('.zone').count()).toBe(10);
    // The viewer's page sent the server no update at all: it would have answered "permission denied".
    expect(permissionDenied(bengt)).toEqual([]);
  });

  it('shows the viewer the table read-only: no typing, no new row, no delete', async () => {
    await bengt.page.getByRole('link', { name: 'Tabell' }).click();
    const row = bengt.page.locator(`[data-testid="card-row"][data-card-id="${cardId}"]`);
    await row.waitFor();
    const responsible = row.locator('[data-field="responsible"]');
    expect(await responsible.getAttribute('readonly')).not.toBeNull();
    await responsible.click();
    await bengt.page.keyboard.type('Läsaren skriver');
    expect(await responsible.inputValue()).toBe('');
    expect(await bengt.page.getByTestId('table-add-card').count()).toBe(0);
    expect(await row.getByRole('button', { name: /Ta bort/ }).count()).toBe(0);
    expect(await row.getByTestId('goal-select').isDisabled()).toBe(true);
    // The barrier, in the table: a change of the facilitator's arrives after anything the viewer sent.
    await editorField(anna.page, 'title').fill(CARD_TITLE);
    await expect.poll(() => row.locator('[data-field="title"]').inputValue()).toBe(CARD_TITLE);
    expect((await storedCards(env, boardId))[0]?.responsible).toBe('');
    expect(permissionDenied(bengt)).toEqual([]);
    await bengt.page.getByRole('link', { name: 'Tavla', exact: true }).click();
  });

  it('shows the viewer a workshop board of 33 cards', async () => {
    // The tokens from the creator's browser, where the share dialog finds them, for the seeding client.
    rememberBoard({ id: boardId, tokens: await allTokens(anna.page, boardId) });
    // As many as each goal zone holds in rows (A1 has the facilitator's card already, A2 a tall header).
    const perGoal: Record<string, number> = { A1: 4, A2: 3, B1: 6, B2: 6, C1: 7, D1: 6 };
    const goals = Object.entries(perGoal).flatMap(([goal, count]) => Array<string>(count).fill(goal));
    const cards = nsuRows()
      .slice(0, goals.length)
      .map((row, index) => ({ ...cardFromRow(row, index), goalId: goals[index] ?? null }));
    await seedCards(env.origin, boardId, cards);
    // The facilitator's open canvas draws the new cards' shapes; the viewer's page only shows them.
    await expect.poll(() => bengt.page.locator(cardSelector).count(), { timeout: 20_000 }).toBe(33);
    await editor(anna.page).getByTestId('close-card-editor').click();
    await bengt.page.screenshot({ path: `${SCREENSHOT_DIR}/roles-viewer-board.png` });
    expect(permissionDenied(bengt)).toEqual([]);
  });

  it('turns a participant read-only live when the facilitator locks, and back when unlocked', async () => {
    await openBoardAs(carin.page, participantLink, 'Carin Cederlund');
    expect(await carin.page.getByTestId('my-role').getAttribute('data-role')).toBe('participant');
    const card = carin.page.locator(`${cardSelector}[data-card-id="${cardId}"]`);
    await card.getByTestId('open-card').click();
    await editorField(carin.page, 'responsible').fill('Socialchef');
    await anna.page.locator(`${cardSelector}[data-card-id="${cardId}"]`).getByTestId('open-card').click();
    await expect.poll(() => editorField(anna.page, 'responsible').inputValue()).toBe('Socialchef');

    await anna.page.getByTestId('lock-button').click();
    const banner = carin.page.getByTestId('locked-notice');
    await expect.poll(() => banner.textContent()).toContain('Tavlan är låst av facilitatorn');
    expect(await anna.page.getByTestId('lock-button').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => editorField(carin.page, 'responsible').getAttribute('readonly')).not.toBeNull();
    expect(await carin.page.getByTestId('add-card').count()).toBe(0);
    await editorField(carin.page, 'responsible').click();
    await carin.page.keyboard.type(' (låst)');
    expect(await editorField(carin.page, 'responsible').inputValue()).toBe('Socialchef');
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/roles-locked-banner.png` });
    // The facilitator is never locked out, and the participant still sees their edits live.
    await editorField(anna.page, 'responsible').fill('Socialchef Östhammar');
    await expect.poll(() => editorField(carin.page, 'responsible').inputValue()).toBe('Socialchef Östhammar');
    expect(permissionDenied(carin)).toEqual([]);

    await anna.page.getByTestId('lock-button').click();
    await expect.poll(() => banner.count()).toBe(0);
    await carin.page.getByTestId('add-card').waitFor();
    await editorField(carin.page, 'responsible').fill('Socialchef och skolchef');
    await expect.poll(() => editorField(anna.page, 'responsible').inputValue()).toBe('Socialchef och skolchef');
    await expect
      .poll(async () => (await storedCards(env, boardId)).find((c) => c.id === cardId)?.responsible)
      .toBe('Socialchef och skolchef');
  });

  it('renames the board for everyone', async () => {
    await anna.page.getByTestId('board-settings-button').click();
    await anna.page.getByTestId('rename-input').fill('Samverkansplan Östhammar 2025–2026');
    await anna.page.getByTestId('rename-submit').click();
    for (const person of [bengt, carin]) {
      await expect
        .poll(() => person.page.getByTestId('board-title').textContent())
        .toBe('Samverkansplan Östhammar 2025–2026');
    }
  });

  it('shows the "no longer valid" page to a participant whose link was rotated, and the new link works', async () => {
    await anna.page.getByTestId('share-button').click();
    const before = await shareLink(anna.page, 'participant');
    await anna.page.getByTestId('share-rotate-participant').click();
    await anna.page.getByTestId('share-rotate-confirm-participant').click();
    await expect.poll(() => shareLink(anna.page, 'participant')).not.toBe(before);
    const fresh = await shareLink(anna.page, 'participant');
    await anna.page.keyboard.press('Escape');

    await carin.page.getByTestId('link-not-valid').waitFor({ timeout: 10_000 });
    expect(await carin.page.getByRole('heading', { level: 1 }).textContent()).toBe('Länken gäller inte längre');
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/roles-link-not-valid.png` });
    // The refused token is forgotten: the board's address alone no longer opens it in this browser.
    await carin.page.goto(`${env.origin}/b/${boardId}`);
    await carin.page.getByTestId('link-not-valid').waitFor();
    // The name is remembered in this browser, so the page opens straight away.
    await carin.page.goto(fresh);
    await carin.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await carin.page.getByTestId('my-role').getAttribute('data-role')).toBe('participant');
  });

  it('lists the board on the start page with its role, opening it with the stored token', async () => {
    const page = await bengt.context.newPage();
    await page.goto(`${env.origin}/`);
    const entry = page.locator(`[data-testid="recent-boards"] [data-board-id="${boardId}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain('Samverkansplan Östhammar 2025–2026');
    expect(await entry.getByTestId('recent-role').textContent()).toBe('Läsare');
    await entry.getByRole('link').click();
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await page.getByTestId('my-role').getAttribute('data-role')).toBe('viewer');
    await page.close();
  });

  it('deletes the board after a confirmation naming it; the others are told it is gone', async () => {
    await anna.page.getByTestId('board-settings-button').click();
    await anna.page.getByTestId('delete-board').click();
    const confirm = anna.page.getByRole('alertdialog');
    expect(await confirm.getByRole('heading').textContent()).toBe('Ta bort "Samverkansplan Östhammar 2025–2026"?');
    await anna.page.getByTestId('delete-board-confirm').click();
    await anna.page.getByTestId('board-deleted-notice').waitFor();
    expect(new URL(anna.page.url()).pathname).toBe('/');
    expect(await anna.page.locator(`[data-board-id="${boardId}"]`).count()).toBe(0);
    await bengt.page.getByTestId('board-deleted').waitFor({ timeout: 10_000 });
    await carin.page.getByTestId('board-deleted').waitFor({ timeout: 10_000 });
  });

  it('raised no page errors and sent no request outside the origin', () => {
    expect([...anna.errors, ...bengt.errors, ...carin.errors]).toEqual([]);
    expect(foreignRequests(env.origin, [...anna.requests, ...bengt.requests, ...carin.requests])).toEqual([]);
  });
});

/** The three tokens the creator's browser keeps (the share dialog's source). */
async function allTokens(page: Page, boardId: string) {
  return page.evaluate((id) => {
    const all = JSON.parse(localStorage.getItem('samtavla.boardAccess') ?? '{}');
    return all[id].links as BoardTokens;
  }, boardId);
}
