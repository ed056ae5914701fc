/**
 * Undo, deleted cards and the board's history in real Chromium against the
 * real server, two people on an NSU board with all 34 plan rows: a
 * participant deletes a card with the Delete key and takes it back with
 * Ctrl+Z while the facilitator watches; undo never takes back the other
 * person's typing; the facilitator saves a named version, changes the board,
 * opens the version (table, canvas, compare) and restores it, and the
 * participant sees it live; the papperskorg restores a deleted card.
 * Screenshots of the history panel, the version view, the compare view and
 * the papperskorg go to test-results/e2e/.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { placedCards } from '../../shared/plan/compare.ts';
import type { PlanData } from '../../shared/plan/schema.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const card = (page: Page, cardId: string) => page.locator(`[data-testid="activity-card"][data-card-id="${cardId}"]`);
const row = (page: Page, cardId: string) => page.locator(`[data-testid="card-row"][data-card-id="${cardId}"]`);
const rowTitle = (page: Page, cardId: string) => row(page, cardId).locator('[data-field="title"]');
const cardsOnCanvas = (page: Page) => page.locator('[data-testid="activity-card"]').count();

/** Accepts the next confirm() the page shows (deleting in the table, restoring a version). */
function acceptNextDialog(page: Page): void {
  page.once('dialog', (dialog) => void dialog.accept());
}

describe('undo, deleted cards and history', () => {
  let env: E2eEnv;
  let anna: Person;
  let bengt: Person;
  let board: Awaited<ReturnType<typeof createBoard>>;
  const rows = nsuRows();
  const cards = rows.map(cardFromRow);
  const ids = cards.map((c) => c.id ?? '');

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    await seedCards(env.origin, board.id, cards);
    anna = await newPerson(env);
    bengt = await newPerson(env);
    await openBoardAs(anna.page, shareLinkOf(env, board), 'Anna Andersson');
    await openBoardAs(bengt.page, shareLinkOf(env, board, 'participant'), 'Bengt Berg');
    for (const person of [anna, bengt]) {
      await person.page
        .locator('[data-testid="activity-card"]')
        .nth(cards.length - 1)
        // In the page, though cards outside the view (the board opens on its first area) are not drawn.
        .waitFor({ state: 'attached', timeout: 15_000 });
    }
  });

  afterAll(async () => {
    expect([...(anna?.errors ?? []), ...(bengt?.errors ?? [])]).toEqual([]);
    await env?.close();
  });

  it('lets a participant delete a card with the Delete key, shows Ångra, and Ctrl+Z brings it back for everyone', async () => {
    const id = ids[0] ?? '';
    // tldraw hit-tests shapes itself (their HTML takes no pointer events): click where the card is.
    const box = await card(bengt.page, id).boundingBox();
    if (!box) throw new Error('the card is not on screen');
    await bengt.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await bengt.page.keyboard.press('Delete');
    await expect.poll(() => card(anna.page, id).count()).toBe(0);
    const toast = bengt.page.getByTestId('undo-toast');
    await toast.waitFor();
    expect(await toast.textContent()).toContain('togs bort');
    expect(await toast.getByRole('button', { name: 'Ångra' }).isVisible()).toBe(true);

    await bengt.page.keyboard.press('Control+z');
    await expect.poll(() => card(anna.page, id).count()).toBe(1);
    await expect.poll(() => card(bengt.page, id).count()).toBe(1);
    // Back with its content: the title shows on the other person's canvas.
    expect(await card(anna.page, id).locator('.activity-card__title').textContent()).toBe(cards[0]?.fields?.title);
    // And redo deletes it again, for everyone; undo once more for the next tests.
    await bengt.page.keyboard.press('Control+Shift+z');
    await expect.poll(() => card(anna.page, id).count()).toBe(0);
    await bengt.page.getByTestId('undo').click();
    await expect.poll(() => card(anna.page, id).count()).toBe(1);
  });

  it("never takes back the other person's typing", async () => {
    const id = ids[1] ?? '';
    const original = cards[1]?.fields?.title ?? '';
    await anna.page.getByRole('link', { name: 'Tabell' }).click();
    await bengt.page.getByRole('link', { name: 'Tabell' }).click();
    await rowTitle(anna.page, id).click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.type(' – Anna', { delay: 20 });
    await expect.poll(() => rowTitle(bengt.page, id).inputValue()).toBe(`${original} – Anna`);
    await rowTitle(bengt.page, id).click();
    await bengt.page.keyboard.press('Control+End');
    await bengt.page.keyboard.type(' och Bengt', { delay: 20 });
    await expect.poll(() => rowTitle(anna.page, id).inputValue()).toBe(`${original} – Anna och Bengt`);

    // Anna's Ctrl+Z, in her field, takes back her words only.
    await rowTitle(anna.page, id).press('Control+z');
    await expect.poll(() => rowTitle(anna.page, id).inputValue()).toBe(`${original} och Bengt`);
    await expect.poll(() => rowTitle(bengt.page, id).inputValue()).toBe(`${original} och Bengt`);
    // Bengt's own undo takes back his, and nothing of Anna's comes back.
    await bengt.page.getByTestId('undo').click();
    await expect.poll(() => rowTitle(anna.page, id).inputValue()).toBe(original);
  });

  it('restores a deleted card from the papperskorg, for everyone', async () => {
    const deleted = [ids[2], ids[10], ids[20]].map((id) => id ?? '');
    for (const id of deleted) {
      acceptNextDialog(bengt.page);
      await row(bengt.page, id).getByRole('button', { name: 'Ta bort' }).click();
      await expect.poll(() => row(anna.page, id).count()).toBe(0);
    }
    await bengt.page.getByTestId('open-trash').click();
    const panel = bengt.page.getByTestId('trash-panel');
    await expect.poll(() => panel.getByTestId('trash-item').count()).toBe(3);
    // Newest first, with who and when.
    expect(await panel.getByTestId('trash-item').first().getAttribute('data-card-id')).toBe(deleted[2]);
    expect(await panel.getByTestId('trash-item').first().textContent()).toContain('Borttagen');
    await bengt.page.screenshot({ path: `${SCREENSHOT_DIR}/history-trash.png` });

    await panel.locator(`[data-card-id="${deleted[1]}"]`).getByTestId('trash-restore').click();
    await expect.poll(() => panel.getByTestId('trash-item').count()).toBe(2);
    await expect.poll(() => row(anna.page, deleted[1] ?? '').count()).toBe(1);
    expect(await rowTitle(anna.page, deleted[1] ?? '').inputValue()).toBe(cards[10]?.fields?.title);
    await panel.getByTestId('close-panel').click();
  });

  it('saves a named version, shows and compares it, restores it, and the participant sees it live', async () => {
    const page = anna.page;
    const saveVersion = async (name: string) => {
      await page.getByTestId('open-history').click();
      await page.getByTestId('save-version').click();
      await page.getByTestId('version-name').fill(name);
      await page.getByTestId('save-version-submit').click();
      await page.getByTestId('history-status').filter({ hasText: name }).waitFor();
      await page.getByTestId('close-panel').click();
    };
    await saveVersion('Före workshop 10 mars');
    const changedId = ids[5] ?? '';
    await rowTitle(page, changedId).fill('Ny rubrik efter workshoppen');
    await saveVersion('Efter workshop 12 mars');

    // Changes after the named version: one card deleted, one card's title and responsible edited, one card added.
    const goneId = ids[7] ?? '';
    acceptNextDialog(page);
    await row(page, goneId).getByRole('button', { name: 'Ta bort' }).click();
    await rowTitle(page, changedId).fill('Rubrik som ska bort igen');
    await row(page, changedId).locator('[data-field="responsible"]').fill('Ledningsgruppen för närvård i Uppsala län');
    await page.getByRole('button', { name: /Lägg till aktivitet i 1\.1/ }).click();
    await page.keyboard.type('Gemensam övning i krisberedskap för alla kommuner');
    await expect.poll(() => rowTitle(bengt.page, changedId).inputValue()).toBe('Rubrik som ska bort igen');

    await page.getByTestId('open-history').click();
    const list = page.getByTestId('version-list');
    const named = list.getByTestId('version-item').filter({ hasText: 'Efter workshop 12 mars' });
    await named.waitFor();
    expect(await named.getByTestId('version-summary').textContent()).toContain('1 ändrad');
    await named.getByTestId('open-version').click();

    const banner = page.getByTestId('version-banner');
    await banner.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('version-banner');
    expect(await banner.textContent()).toMatch(
      /^"Efter workshop 12 mars", version från \d+ \S+ \d\d:\d\d — skrivskyddad$/,
    );
    // The version's table: read-only, with the card deleted since and the title as it was.
    await expect
      .poll(() => page.locator('[data-testid="version-view"] [data-testid="card-row"]').count())
      .toBe(cards.length - 2);
    expect(await rowTitle(page, changedId).inputValue()).toBe('Ny rubrik efter workshoppen');
    expect(await rowTitle(page, changedId).getAttribute('readonly')).not.toBeNull();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/history-version-table.png` });

    await page.getByTestId('version-mode-canvas').click();
    await expect.poll(() => cardsOnCanvas(page), { timeout: 15_000 }).toBe(cards.length - 2);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/history-version-canvas.png` });

    await page.getByTestId('version-mode-compare').click();
    const compare = page.getByTestId('compare-view');
    await compare.waitFor();
    // In the version, not on the board now: removed since; the new card: added.
    await compare.locator(`[data-testid="compare-removed"][data-card-id="${goneId}"]`).waitFor();
    await compare.locator('[data-testid="compare-added"]').filter({ hasText: 'Gemensam övning' }).waitFor();
    const changed = compare.locator(`[data-testid="compare-changed"][data-card-id="${changedId}"]`);
    await changed.waitFor();
    expect(await changed.textContent()).toContain('Ny rubrik efter workshoppen');
    expect(await changed.textContent()).toContain('Rubrik som ska bort igen');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/history-compare.png` });

    // The version view's export menu exports the version, not the board now.
    const versionView = page.getByTestId('version-view');
    await versionView.getByTestId('export-button').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      versionView.getByRole('menuitem', { name: 'JSON (plandata)', exact: true }).click(),
    ]);
    const exported = JSON.parse(await readFile(await download.path(), 'utf8')) as PlanData;
    const titles = placedCards(exported).map((placed) => placed.card.title);
    expect(titles).toHaveLength(cards.length - 2);
    expect(titles).toContain('Ny rubrik efter workshoppen');
    expect(titles).not.toContain('Gemensam övning i krisberedskap för alla kommuner');

    acceptNextDialog(page);
    await page.getByTestId('restore-version').click();
    await page.getByTestId('history-message').waitFor();
    // Bengt, who did nothing, sees the board as it was at the named version.
    await expect.poll(() => rowTitle(bengt.page, changedId).inputValue()).toBe('Ny rubrik efter workshoppen');
    await expect.poll(() => row(bengt.page, goneId).count()).toBe(1);
    await expect
      .poll(() =>
        bengt.page
          .locator('[data-field="title"]')
          .evaluateAll((els) => els.map((el) => (el as HTMLTextAreaElement).value)),
      )
      .not.toContain('Gemensam övning i krisberedskap för alla kommuner');
    await expect.poll(() => rowTitle(page, changedId).inputValue()).toBe('Ny rubrik efter workshoppen');

    // The history now holds the backup made just before the restore, newest first.
    await page.getByTestId('open-history').click();
    await expect.poll(() => list.getByTestId('version-item').count()).toBeGreaterThanOrEqual(3);
    expect(await list.getByTestId('version-item').first().textContent()).toContain('Före återställning');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/history-panel.png` });
    // Escape closes the panel and gives the focus back to the button that opened it.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('history-panel').count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('open-history');
  });

  it('lets a viewer open the history and a version, with no papperskorg, no restore and no undo', async () => {
    const carl = await newPerson(env);
    await openBoardAs(carl.page, shareLinkOf(env, board, 'viewer', 'table'), 'Carl Carlsson');
    await carl.page.getByTestId('open-history').waitFor();
    expect(await carl.page.getByTestId('open-trash').count()).toBe(0);
    expect(await carl.page.getByTestId('undo').count()).toBe(0);
    await carl.page.getByTestId('open-history').click();
    await carl.page.getByTestId('open-version').first().click();
    await carl.page.getByTestId('version-banner').waitFor();
    expect(await carl.page.getByTestId('restore-version').count()).toBe(0);
    expect(await carl.page.getByTestId('save-version').count()).toBe(0);
    await carl.page.getByTestId('version-back').click();
    await carl.page.getByTestId('table-view').waitFor();
    expect(carl.errors).toEqual([]);
    await carl.context.close();
  });
});
