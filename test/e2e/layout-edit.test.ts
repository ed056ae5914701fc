/**
 * "Upplägg" on the board page, in real Chromium against the real server: the
 * facilitator renames a focus area, adds a goal and removes one that holds
 * cards; the server's 409 turns the dialog into "where do these cards go",
 * the save is sent again with the moves, and a participant's open page shows
 * the new layout live, with the cards in their new goal. The participant has
 * no "Upplägg" button, but downloads the board's template from the export menu.
 */
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import type { Template } from '../../shared/template.ts';
import { createBoard } from '../helpers/server.ts';
import { createOwnBoard, ownTemplate } from '../helpers/templates.ts';
import { seedCards } from './cards-seed.ts';
import { showOverview, storedCards } from './helpers/board-page.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const NEW_TITLE = 'Förebyggande arbete och hälsofrämjande insatser för alla åldrar i hela länet';
const AREA_TITLES = ['Barn och unga', 'Äldres hälsa', 'Psykisk hälsa'];
const NEW_GOAL = 'Krisberedskapen övas gemensamt av region och kommuner varje år';

describe('editing the layout of an open board', () => {
  let env: E2eEnv;
  let anna: Person;
  let bengt: Person;
  let board: CreatedBoard;

  beforeAll(async () => {
    env = await startE2e();
    [anna, bengt] = await Promise.all([newPerson(env), newPerson(env)]);
    board = await createBoard(env.origin, { title: 'Samverkansplan Knivsta 2025', templateId: 'hsvo-2024-2026' });
    await seedCards(env.origin, board.id, [
      { id: 'a2-first', goalId: 'A2', createdBy: 'Anna', fields: { title: 'Fysisk aktivitet på recept' } },
      { id: 'a2-second', goalId: 'A2', createdBy: 'Anna', fields: { title: 'Levnadsvanor i skolan' } },
    ]);
    await Promise.all([
      openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator'), 'Anna Andersson'),
      openBoardAs(bengt.page, shareLinkOf(env, board, 'participant'), 'Bengt Berg'),
    ]);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('shows "Upplägg" to the facilitator only', async () => {
    await anna.page.getByTestId('layout-button').waitFor();
    expect(await bengt.page.getByTestId('layout-button').count()).toBe(0);
  });

  it('renames an area, adds a goal, asks where the removed goal’s cards go, and the participant sees it live', async () => {
    const { page } = anna;
    await page.getByTestId('layout-button').click();
    const dialog = page.getByTestId('layout-dialog');
    await dialog.getByTestId('template-designer').waitFor();
    const areas = dialog.getByTestId('designer-area');
    expect(await areas.count()).toBe(4);

    await areas.nth(0).getByTestId('area-title').locator('[data-lang="sv"]').fill(NEW_TITLE);
    // Remove goal A2, which holds two cards.
    await areas.nth(0).getByTestId('designer-goal').nth(1).getByTestId('designer-remove').click();
    await areas.nth(3).getByTestId('add-goal').click();
    await areas
      .nth(3)
      .getByTestId('designer-goal')
      .last()
      .getByTestId('goal-title')
      .locator('[data-lang="sv"]')
      .fill(NEW_GOAL);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/layout-dialog.png` });
    await dialog.getByTestId('designer-submit').click();

    const moves = dialog.getByTestId('card-moves');
    await moves.waitFor();
    expect(await moves.textContent()).toMatch(/Målet ”[^”]+” har 2 aktiviteter – flytta dem till:/);
    await dialog.screenshot({ path: `${SCREENSHOT_DIR}/layout-409-moves.png` });
    await moves.getByTestId('card-moves-target').selectOption('D2');
    await moves.getByTestId('card-moves-submit').click();
    await dialog.waitFor({ state: 'detached' });

    // The participant's page, untouched, redraws from the document's new template.
    const other = bengt.page;
    await expect
      .poll(() => other.locator('.zone--area[data-zone="A"] .zone__area-title').textContent(), { timeout: 15_000 })
      .toBe(NEW_TITLE);
    // Shapes outside the view are not drawn: look at the whole board, as a person would.
    await showOverview(other);
    await other.locator('.zone--goal[data-zone="D2"]').waitFor();
    expect(await other.locator('.zone--goal[data-zone="A2"]').count()).toBe(0);
    await expect
      .poll(async () => (await storedCards(env, board.id)).filter((card) => card.goalId === 'D2').length, {
        timeout: 15_000,
      })
      .toBe(2);
    await other.screenshot({ path: `${SCREENSHOT_DIR}/layout-after-edit-participant.png` });
  });

  it('lets the participant download the board’s template, with the new layout', async () => {
    const { page } = bengt;
    await page.getByTestId('export-button').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('menuitem', { name: 'Ladda ner mallen (JSON)', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const template = JSON.parse((await readFile(await download.path())).toString('utf8')) as Template;
    expect(template.focusAreas[0]?.title.sv).toBe(NEW_TITLE);
    expect(template.focusAreas[3]?.goals.map((goal) => goal.id)).toEqual(['D1', 'D2']);
    expect([...anna.errors, ...bengt.errors]).toEqual([]);
  });

  it('asks where the cards of a removed area without goals go, in the singular for one card', async () => {
    const own = await createOwnBoard(env.origin, ownTemplate(AREA_TITLES), 'Folkhälsoplan Heby 2026');
    await seedCards(env.origin, own.id, [
      { id: 'aldre-1', goalId: 'area-2', createdBy: 'Anna', fields: { title: 'Trygg hemgång från sjukhus' } },
    ]);
    const { page } = anna;
    // Anna's browser knows her name from the first board: no name dialog this time.
    await page.goto(shareLinkOf(env, own, 'facilitator'));
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    await page.getByTestId('layout-button').click();
    const dialog = page.getByTestId('layout-dialog');
    await dialog.getByTestId('template-designer').waitFor();
    await dialog.getByTestId('designer-area').nth(1).getByTestId('designer-remove').first().click();
    await dialog.getByTestId('designer-submit').click();
    const moves = dialog.getByTestId('card-moves');
    await moves.waitFor();
    expect(await moves.locator('[data-place="area-2"] span').textContent()).toBe(
      `Området ”${AREA_TITLES[1]}” har 1 aktivitet – flytta den till:`,
    );
    await moves.getByTestId('card-moves-target').selectOption('area-3');
    await moves.getByTestId('card-moves-submit').click();
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(async () => (await storedCards(env, own.id)).map((card) => card.goalId), { timeout: 15_000 })
      .toEqual(['area-3']);
  });
});
