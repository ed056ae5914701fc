/**
 * The people list, following and summoning in real Chromium against the real
 * server (README "Following and summoning"): both people listed with their
 * roles; the facilitator's "Samla alla hit" moves the participant's view to
 * the facilitator's; the participant follows the facilitator from the avatar
 * and Escape stops it. The views are compared by where a focus area lies on
 * each page's canvas (both windows are the same size).
 */

import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { goToArea } from './helpers/board-page.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

/**
 * The canvas point at the middle of a page's view, relative to an area's zone and in its widths
 * (rounded to 2 %): the same on two pages that show the same part of the board, whatever each
 * canvas's size (the participant's page has a notice above its canvas) and so its zoom.
 */
async function viewCentre(page: Page, areaId: string): Promise<string> {
  const canvas = await page.getByTestId('canvas').first().boundingBox();
  const area = await page.locator(`.zone--area[data-zone="${areaId}"]`).boundingBox();
  if (!canvas || !area) return 'not drawn';
  const x = (canvas.x + canvas.width / 2 - area.x) / area.width;
  const y = (canvas.y + canvas.height / 2 - area.y) / area.width;
  return [x, y].map((n) => Math.round(n * 50) / 50).join(',');
}

describe('the people list, following and summoning', () => {
  let env: E2eEnv;
  let anna: Person;
  let carin: Person;
  let board: CreatedBoard;
  let areas: string[];

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan Uppsala 2019', templateId: 'nsu-2019' });
    // The whole 2019 plan (34 cards, long Swedish titles), so the screenshots show a board in use.
    await seedCards(env.origin, board.id, nsuRows().map(cardFromRow));
    [anna, carin] = [await newPerson(env), await newPerson(env)];
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator'), 'Anna Andersson');
    await openBoardAs(carin.page, shareLinkOf(env, board, 'participant'), 'Carin Cederlund');
    await anna.page.locator('[data-testid="nav-area"]').first().waitFor();
    areas = await anna.page
      .locator('[data-testid="nav-area"]')
      .evaluateAll((buttons) => buttons.map((b) => (b as HTMLElement).dataset.area ?? ''));
  });

  afterAll(async () => {
    await env?.close();
  });

  it('lists both people with their roles, marking oneself', async () => {
    await carin.page.getByTestId('people-open').click();
    const rows = carin.page.getByTestId('people-row');
    await expect.poll(() => rows.count()).toBe(2);
    const texts = await rows.allTextContents();
    expect(texts.find((row) => row.includes('Anna Andersson'))).toContain('Facilitator');
    expect(texts.find((row) => row.includes('Carin Cederlund'))).toMatch(/\(du\).*Deltagare/);
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/people-list.png` });
    await carin.page.keyboard.press('Escape');
  });

  it('moves the participant’s view to the facilitator’s when the facilitator summons everyone', async () => {
    const target = areas[2] as string;
    await goToArea(anna.page, target);
    expect(await viewCentre(carin.page, target)).not.toBe(await viewCentre(anna.page, target));
    await anna.page.getByTestId('people-open').click();
    await anna.page.getByTestId('summon').click();
    await carin.page.getByTestId('summon-notice').waitFor();
    expect(await carin.page.getByTestId('summon-notice').textContent()).toContain('Anna Andersson samlade alla hit');
    const facilitatorView = await viewCentre(anna.page, target);
    await expect.poll(() => viewCentre(carin.page, target)).toBe(facilitatorView);
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/people-summoned.png` });
  });

  it('follows the facilitator from the avatar until Escape', async () => {
    await carin.page.getByTestId('avatar').click();
    const bar = carin.page.getByTestId('follow-bar');
    await bar.waitFor();
    expect(await bar.textContent()).toContain('Du följer Anna Andersson');
    const next = areas[0] as string;
    await goToArea(anna.page, next);
    const facilitatorView = await viewCentre(anna.page, next);
    await expect.poll(() => viewCentre(carin.page, next)).toBe(facilitatorView);
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/people-following.png` });
    await carin.page
      .getByTestId('canvas')
      .first()
      .click({ position: { x: 5, y: 400 } });
    await carin.page.keyboard.press('Escape');
    await bar.waitFor({ state: 'detached' });
  });

  it('tells a participant in the table view of a summon and opens the canvas at the facilitator’s view', async () => {
    await carin.page.getByRole('link', { name: 'Tabell' }).click();
    await expect.poll(() => carin.page.getByTestId('canvas').count()).toBe(0);
    const target = areas[1] as string;
    await goToArea(anna.page, target);
    await anna.page.getByTestId('people-open').click();
    await anna.page.getByTestId('summon').click();
    const toCanvas = carin.page.getByTestId('summon-to-canvas');
    await toCanvas.waitFor();
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/people-summoned-table.png` });
    await toCanvas.click();
    const facilitatorView = await viewCentre(anna.page, target);
    await expect.poll(() => viewCentre(carin.page, target)).toBe(facilitatorView);
  });

  it('makes the participant follow the facilitator with "Följ mig" until they stop', async () => {
    // The participant is on the canvas since the summon before (its notice's link).
    await carin.page.getByTestId('canvas').first().waitFor();
    await anna.page.getByTestId('people-open').click();
    await anna.page.getByTestId('follow-me').click();
    const bar = carin.page.getByTestId('follow-bar');
    await bar.waitFor();
    expect(await carin.page.getByTestId('summon-notice').textContent()).toContain('Anna Andersson bad alla följa med');
    const next = areas[2] as string;
    await goToArea(anna.page, next);
    const facilitatorView = await viewCentre(anna.page, next);
    await expect.poll(() => viewCentre(carin.page, next)).toBe(facilitatorView);
    await bar.getByRole('button', { name: 'Sluta följa' }).click();
    await bar.waitFor({ state: 'detached' });
  });
});
