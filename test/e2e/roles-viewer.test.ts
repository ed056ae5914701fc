/**
 * A viewer link, in real Chromium against the real server: the creator is
 * the facilitator and shares the viewer link from an accessible dialog; the
 * viewer sees a card typed live but can change nothing on the canvas or in
 * the table, and its page sends no document update at all (the server would
 * answer "permission denied") but exports the plan; the token never stays in the address bar; a
 * facilitator who tries the viewer link in their own browser stays facilitator;
 * a board nobody has opened on the canvas shows its zones and cards to a viewer.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeMany } from '../../server/sync/merge.ts';
import { canvasMap } from '../../shared/board-doc.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import {
  addCard,
  barrier,
  card,
  cardSelector,
  createBoardOnStartPage,
  editor,
  editorField,
  inGoal,
  myRole,
  permissionDenied,
  shareLinkFromDialog,
  showOverview,
  storedCards,
} from './helpers/board-page.ts';
import {
  type E2eEnv,
  foreignRequests,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const CARD_TITLE = 'Gemensam utbildning i tidiga insatser';

describe('a board shared with a viewer', () => {
  let env: E2eEnv;
  let anna: Person; // facilitator, creates the board
  let bengt: Person; // viewer
  let boardId: string;
  let cardId: string;

  beforeAll(async () => {
    env = await startE2e();
    [anna, bengt] = [await newPerson(env), await newPerson(env)];
  });

  afterAll(async () => {
    await env?.close();
  });

  it('makes the creator the facilitator, with the token out of the address bar', async () => {
    boardId = await createBoardOnStartPage(env, anna, 'Samverkansplan Östhammar 2025', 'Anna Andersson');
    expect(await myRole(anna.page)).toBe('facilitator');
    expect(await anna.page.evaluate(() => window.location.href)).toBe(`${env.origin}/b/${boardId}`);
  });

  it('shows the three links in an accessible share dialog, each saying what the role may do', async () => {
    await anna.page.getByTestId('share-button').click();
    const dialog = anna.page.getByRole('dialog', { name: 'Dela tavlan' });
    await dialog.waitFor();
    for (const role of ['facilitator', 'participant', 'viewer'] as const) {
      expect(await shareLinkFromDialog(anna.page, role)).toMatch(
        new RegExp(`^${env.origin}/b/${boardId}#token=[A-Za-z0-9_-]+$`),
      );
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
    const viewerLink = await shareLinkFromDialog(anna.page, 'viewer');
    await anna.page.keyboard.press('Escape');
    await openBoardAs(bengt.page, viewerLink, 'Bengt Berg');
    expect(await bengt.page.evaluate(() => window.location.href)).toBe(`${env.origin}/b/${boardId}`);
    expect(await myRole(bengt.page)).toBe('viewer');
    await bengt.page.getByTestId('viewer-notice').waitFor();
    await bengt.page.locator('.zone--goal').first().waitFor();
    expect(await bengt.page.getByTestId('add-card').count()).toBe(0);

    cardId = await addCard(anna.page, 'A1', CARD_TITLE);
    const seen = card(bengt.page, cardId);
    await expect.poll(() => seen.locator('.activity-card__title').textContent()).toBe(CARD_TITLE);

    // A double-click in a goal makes no card; the card opens read-only and typing into it does nothing.
    const spot = await inGoal(bengt.page, 'B1');
    await bengt.page.mouse.dblclick(spot.x, spot.y);
    await seen.getByTestId('open-card').click();
    await editor(bengt.page).getByText('Tavlan är skrivskyddad.').waitFor();
    expect(await editorField(bengt.page, 'title').getAttribute('readonly')).not.toBeNull();
    await editorField(bengt.page, 'title').click();
    await bengt.page.keyboard.type('Ändrat av läsaren');
    expect(await editorField(bengt.page, 'title').inputValue()).toBe(CARD_TITLE);
    expect(await editor(bengt.page).getByTestId('delete-card').count()).toBe(0);
    await editor(bengt.page).getByTestId('close-card-editor').click();
    // Delete does nothing, on the card or on everything.
    const box = await seen.boundingBox();
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
    await bengt.page.getByRole('link', { name: 'Tabell', exact: true }).click();
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

  it('lets the viewer export the plan', async () => {
    await bengt.page.getByTestId('export-button').click();
    const [download] = await Promise.all([
      bengt.page.waitForEvent('download'),
      bengt.page.getByRole('menuitem', { name: 'JSON (plandata)', exact: true }).click(),
    ]);
    const plan = JSON.parse((await readFile(await download.path())).toString('utf8')) as PlanData;
    const titles = plan.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards.map((c) => c.title)));
    expect(titles).toEqual([CARD_TITLE]);
  });

  it('shows the viewer a workshop board of 33 cards', async () => {
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

  it('shows a viewer the zones and cards of a board nobody has opened on the canvas, without storing any', async () => {
    const board = await createBoard(env.origin, { title: 'Importerad plan Heby', templateId: 'hsvo-2024-2026' });
    const goals = ['A1', 'A1', 'B2', 'C1', 'D1', 'D1'];
    await seedCards(
      env.origin,
      board.id,
      nsuRows()
        .slice(0, goals.length)
        .map((row, index) => ({ ...cardFromRow(row, index), goalId: goals[index] ?? null })),
    );
    const page = await bengt.context.newPage();
    await page.goto(shareLinkOf(env, board, 'viewer'));
    await expect.poll(() => page.locator(cardSelector).count(), { timeout: 10_000 }).toBe(goals.length);
    expect(await page.locator('.zone').count()).toBe(10);
    // Shapes outside the view are not drawn (no rectangle to measure): the whole board.
    await showOverview(page);
    const inZone = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="activity-card"]')].every((el) => {
        const zone = document.querySelector(`.zone--goal[data-zone="${el.getAttribute('data-goal')}"]`);
        const [c, z] = [el.getBoundingClientRect(), zone?.getBoundingClientRect()];
        const [x, y] = [c.x + c.width / 2, c.y + c.height / 2];
        return z !== undefined && x > z.x && x < z.x + z.width && y > z.y && y < z.y + z.height;
      }),
    );
    expect(inZone).toBe(true);
    // Shown from this page's own store: the board's canvas is as empty as before.
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(board.id)).updates));
    expect(canvasMap(doc).size).toBe(0);
    expect(permissionDenied(bengt)).toEqual([]);
    await page.close();
  });

  it('lets the facilitator try the viewer link in their own browser and stay facilitator there', async () => {
    const viewerLink = await shareLinkFromDialog(anna.page, 'viewer');
    await anna.page.keyboard.press('Escape');
    const page = await anna.context.newPage();
    await page.goto(viewerLink);
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await myRole(page)).toBe('viewer');
    await page.getByRole('link', { name: 'Samtavla' }).click();
    const entry = page.locator(`[data-testid="recent-boards"] [data-board-id="${boardId}"]`);
    expect(await entry.getByTestId('recent-role').textContent()).toBe('Facilitator');
    await entry.getByRole('link').click();
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await myRole(page)).toBe('facilitator');
    await page.close();
  });

  it('raised no page errors and sent no request outside the origin', () => {
    expect([...anna.errors, ...bengt.errors]).toEqual([]);
    expect(foreignRequests(env.origin, [...anna.requests, ...bengt.requests])).toEqual([]);
  });
});
