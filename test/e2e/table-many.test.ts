/**
 * The table view of a big board in real Chromium: the first render mounts a
 * screenful of rows and light placeholders for the rest (the title as row
 * header), the rest mount on their own, and a placeholder that gets focus
 * hands it to its row's first control (its last when tabbing backwards), so
 * keyboard use is the same as with every row rendered.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { type E2eEnv, newPerson, SCREENSHOT_DIR, shareLinkOf, startE2e } from './helpers/harness.ts';

const CARDS = 300;

type FirstFocus = 'none' | 'forward' | 'backward';

/**
 * Runs in the page: at the first render that shows the cards (before any idle
 * time), notes what it mounted and, for `focus`, focuses the last placeholder
 * as Tab (or Shift+Tab from its goal's add button) would.
 */
function atFirstRender({ count, focus }: { count: number; focus: FirstFocus }) {
  const observer = new MutationObserver(() => {
    const view = document.querySelector(`[data-testid="table-view"][data-card-count="${count}"]`);
    if (!view) return;
    observer.disconnect();
    const placeholders = view.querySelectorAll<HTMLElement>('[data-testid="card-row-placeholder"]');
    const last = placeholders[placeholders.length - 1];
    Object.assign(document.documentElement.dataset, {
      firstRows: String(view.querySelectorAll('[data-testid="card-row"]').length),
      firstPlaceholders: String(placeholders.length),
      lastPlaceholderCard: last?.dataset.cardId ?? '',
      lastPlaceholderHeader: last?.querySelector('th[scope="row"]')?.textContent ?? '',
    });
    if (focus === 'none' || !last) return;
    if (focus === 'backward')
      last.closest('.goal-table')?.querySelector<HTMLElement>('[data-testid="table-add-card"]')?.focus();
    last.querySelector<HTMLElement>('th[scope="row"]')?.focus();
  });
  observer.observe(document, { childList: true, subtree: true });
}

const firstRender = (page: Page) => page.evaluate(() => ({ ...document.documentElement.dataset }));

/** Where focus is: the card of its row and the control (its field, or a button's text). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement as HTMLElement | null;
    return {
      card: active?.closest('tr')?.getAttribute('data-card-id') ?? null,
      control: active?.getAttribute('data-field') ?? active?.tagName.toLowerCase() ?? null,
      text: active?.textContent ?? '',
    };
  });

describe('the table view of a 300-card board', () => {
  let env: E2eEnv;
  let board: CreatedBoard;
  const titles = new Map<string, string>();
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan Uppsala 2019', templateId: 'nsu-2019' });
    const rows = nsuRows();
    const cards = Array.from({ length: CARDS }, (_, i) => ({
      ...cardFromRow(rows[i % rows.length] as (typeof rows)[number], i),
      id: `many-${i}`,
    }));
    for (const card of cards) titles.set(card.id ?? '', card.fields?.title ?? '');
    await seedCards(env.origin, board.id, cards);
  });

  afterAll(async () => {
    for (const context of contexts) await context.close();
    await env?.close();
  });

  async function openTable(focus: FirstFocus): Promise<Page> {
    const person = await newPerson(env);
    contexts.push(person.context);
    await person.context.addInitScript(() => localStorage.setItem('samtavla.personName', 'Anna Andersson'));
    await person.context.addInitScript(atFirstRender, { count: CARDS, focus });
    await person.page.goto(shareLinkOf(env, board, 'facilitator', 'table'));
    await person.page.getByTestId('table-view').waitFor();
    expect(person.errors).toEqual([]);
    return person.page;
  }

  it('renders a screenful of rows first, placeholders titled as their cards for the rest, then every row', async () => {
    const page = await openTable('none');
    const first = await firstRender(page);
    const mounted = Number(first.firstRows);
    expect(mounted).toBeGreaterThan(0);
    expect(mounted).toBeLessThan(CARDS / 4);
    expect(Number(first.firstPlaceholders)).toBe(CARDS - mounted);
    // A placeholder is still a row with its activity as row header, for screen readers and find-in-page.
    expect(first.lastPlaceholderHeader).toBe(titles.get(first.lastPlaceholderCard ?? ''));

    await expect
      .poll(() => page.locator('[data-testid="card-row"]').count(), { timeout: 60_000, interval: 500 })
      .toBe(CARDS);
    expect(await page.getByTestId('card-row-placeholder').count()).toBe(0);
    // Once mounted, Tab runs from one row's last control into the next row's first.
    const rows = page.locator('.goal-table').first().getByTestId('card-row');
    const secondCard = await rows.nth(1).getAttribute('data-card-id');
    await rows
      .nth(0)
      .getByRole('button', { name: /Ta bort/ })
      .focus();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toMatchObject({ card: secondCard, control: 'title' });
  });

  it('mounts a row whose placeholder gets focus and puts focus in its first control', async () => {
    const page = await openTable('forward');
    const { lastPlaceholderCard } = await firstRender(page);
    expect(lastPlaceholderCard).toMatch(/^many-/);
    await expect.poll(() => focused(page)).toMatchObject({ card: lastPlaceholderCard, control: 'title' });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/table-many-focused-row.png` });
  });

  it('puts focus in the row’s last control when it comes from further down (Shift+Tab)', async () => {
    const page = await openTable('backward');
    const { lastPlaceholderCard } = await firstRender(page);
    await expect.poll(() => focused(page)).toMatchObject({ card: lastPlaceholderCard, control: 'button' });
    expect((await focused(page)).text).toContain('Ta bort');
  });
});
