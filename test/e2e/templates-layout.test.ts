/**
 * An own template in real Chromium: areas without goals are zones that take
 * cards, on the canvas and in the table; a layout edit by the facilitator
 * reaches the open page live. Saves screenshots of both views.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer } from '../helpers/server.ts';
import { createOwnBoard, ownTemplate } from '../helpers/templates.ts';
import { seedCards } from './cards-seed.ts';
import { showOverview } from './helpers/board-page.ts';
import { type E2eEnv, enterName, SCREENSHOT_DIR, shareLinkOf, startE2e } from './helpers/harness.ts';
import { inside, shapeBounds } from './helpers/layout-page.ts';

const AREAS = ['Trygg uppväxt', 'Psykisk hälsa', 'Äldres hälsa', 'Digital vård'];
const CARDS = [
  ['k1', 'area-1', 'Läxhjälp på biblioteket för barn i årskurs 4–6'],
  ['k2', 'area-1', 'Föräldraträffar om skärmtid och sömn'],
  ['k3', 'area-2', 'Samtalsstöd för unga på fritidsgårdarna'],
  ['k4', 'area-3', 'Seniorgympa i varje kommundel'],
  ['k5', 'area-3', 'Uppsökande hembesök hos personer över 80'],
  ['k6', 'area-3', 'Måltidsvänner mot ensamhet'],
  ['k7', 'area-3', 'Fallprevention i ordinärt boende'],
] as const;

describe('a board on an own template with areas without goals', () => {
  let env: E2eEnv;
  beforeAll(async () => {
    env = await startE2e();
  });
  afterAll(async () => {
    await env?.close();
  });

  it('draws each area as a zone with its cards inside, lists them in the table, and takes a layout edit live', async () => {
    const template = ownTemplate(AREAS);
    template.focusAreas[1]!.description = {
      sv: 'Fler unga mår bra och vet var de kan få stöd tidigt.',
      en: 'More young people feel well and know where to find early support.',
    };
    const board = await createOwnBoard(env.origin, template, 'Folkhälsoplan Tierp 2026');
    await seedCards(
      env.origin,
      board.id,
      CARDS.map(([id, goalId, title]) => ({ id, goalId, createdBy: 'Anna', fields: { title } })),
    );
    const context = await env.browser.newContext({ viewport: { width: 1600, height: 1000 }, locale: 'sv-SE' });
    const page = await context.newPage();
    await page.goto(shareLinkOf(env, board));
    await enterName(page, 'Anna Andersson');
    await page.locator('.zone--goal').first().waitFor();
    await showOverview(page);
    await page
      .locator('.tl-shape[data-shape-type="activity-card"]')
      .nth(CARDS.length - 1)
      .waitFor();
    const cards = await shapeBounds(page, 'activity-card');
    const zones = await shapeBounds(page, 'zone');
    for (const [id, goalId] of CARDS) {
      const zone = zones.find((z) => z.id === `shape:zone-${goalId}/cards`);
      const shape = cards.find((c) => c.id === `shape:card-${id}`);
      expect(zone && shape && inside(shape, zone), id).toBe(true);
    }
    await expect.poll(() => page.locator('.zone__area-description').count()).toBe(1);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/templates-own-canvas.png` });

    // The facilitator renames an area: the open page shows the new title without reloading.
    const renamed = structuredClone(template);
    renamed.focusAreas[3]!.title = { sv: 'E-hälsa och digital vård', en: 'E-health' };
    const answer = await fetch(`${env.origin}/api/boards/${board.id}/template`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', ...bearer(board.id) },
      body: JSON.stringify({ template: renamed }),
    });
    expect(answer.status).toBe(200);
    await page.getByText('E-hälsa och digital vård').first().waitFor();

    await page.goto(shareLinkOf(env, board, 'facilitator', 'table'));
    await page.getByTestId('table-view').waitFor();
    await expect.poll(() => page.locator('.goal-table').count()).toBe(4);
    await expect.poll(() => page.locator('.goal-table[data-goal="area-3"] tbody tr').count()).toBe(4);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/templates-own-table.png`, fullPage: true });
    await context.close();
  });
});
