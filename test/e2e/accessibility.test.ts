/**
 * axe-core (WCAG 2.1 A and AA rules) on every view in real Chromium, with a
 * realistic board: the 34 cards of the NSU 2019 plan, a follow-up round, and
 * a second person on the board. Each view is checked as its user sees it:
 * the start page, the roll-up page, the canvas, the card editor open, the
 * table, the follow-up view, the share dialog and the history panel, in
 * Swedish, and the table in English. A test fails on any violation and names the rule and the elements,
 * so a regression says what broke. README "Accessibility" lists what is tested.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { violations } from './helpers/axe.ts';
import { cardSelector, editor, editorField } from './helpers/board-page.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

describe('accessibility of every view (axe-core, WCAG 2.1 AA)', () => {
  let env: E2eEnv;
  let karin: Person;
  let olle: Person;
  let board: Awaited<ReturnType<typeof createBoard>>;
  const cards = nsuRows().map(cardFromRow);

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan NSU 2019', templateId: 'nsu-2019' });
    await seedCards(env.origin, board.id, cards);
    const started = await fetch(`${env.origin}/api/boards/${board.id}/rounds`, {
      method: 'POST',
      headers: { ...bearer(board.id), 'Content-Type': 'application/json' },
      body: JSON.stringify({ label: 'Uppföljning 2026', by: 'Karin' }),
    });
    expect(started.status).toBe(201);
    karin = await newPerson(env);
    olle = await newPerson(env);
    await openBoardAs(karin.page, shareLinkOf(env, board), 'Karin (facilitator)');
    await openBoardAs(olle.page, shareLinkOf(env, board, 'participant'), 'Olle Östlund');
  });

  afterAll(async () => {
    expect([...(karin?.errors ?? []), ...(olle?.errors ?? [])]).toEqual([]);
    await env?.close();
  });

  it('finds nothing on the start page', async () => {
    const page = (await newPerson(env)).page;
    await page.goto(`${env.origin}/`);
    await page.getByTestId('create-board').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('finds nothing on the roll-up page, before and after combining', async () => {
    const page = (await newPerson(env)).page;
    await page.goto(`${env.origin}/rollup`);
    await page.locator('main.rollup h1').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Delningslänk till en tavla').fill(shareLinkOf(env, board, 'viewer'));
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('button', { name: 'Sammanställ' }).click();
    await page.getByTestId('rollup-result').waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('finds nothing on the canvas page, nor with the card editor open', async () => {
    const page = karin.page;
    await page.locator(cardSelector).first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.locator(`${cardSelector} [data-testid="open-card"]`).first().click();
    await editor(page).waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('close-card-editor').click();
  });

  it('finds nothing in the share dialog and the history panel', async () => {
    const page = karin.page;
    await page.getByTestId('share-button').click();
    await page.getByTestId('share-dialog').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByTestId('open-history').click();
    await page.getByTestId('history-panel').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Escape');
  });

  it('finds nothing in the table view, in Swedish and in English', async () => {
    const page = olle.page;
    await page.goto(shareLinkOf(env, board, 'participant', 'table'));
    await page.locator('tr[data-card-id]').first().waitFor();
    expect(await violations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/a11y-table.png` });
    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
    expect(await violations(page)).toEqual([]);
    await page.getByTestId('language-toggle').click();
  });

  it('announces in the table’s live region what another person changed', async () => {
    const first = cards[0];
    await olle.page.goto(shareLinkOf(env, board, 'participant', 'table'));
    await olle.page.locator('tr[data-card-id]').first().waitFor();
    await karin.page.locator(`${cardSelector}[data-card-id="${first?.id}"] [data-testid="open-card"]`).click();
    await editorField(karin.page, 'title').click();
    await karin.page.keyboard.press('End');
    await karin.page.keyboard.type(' (reviderad)');
    const live = olle.page.getByTestId('table-announcement');
    // The first keystroke is announced at once, the rest at most every five seconds.
    await expect.poll(() => live.textContent(), { timeout: 12_000 }).toContain('(reviderad)”.');
    expect(await live.textContent()).toMatch(/^Ändrat av andra: ”/);
    await karin.page.getByTestId('close-card-editor').click();
  });

  it('finds nothing in the follow-up view', async () => {
    const page = olle.page;
    await page.goto(`${env.origin}/b/${board.id}/follow-up#token=${board.tokens.participant}`);
    await page.getByTestId('follow-up-view').waitFor();
    await page.locator('.follow-up-table tr[data-card-id]').first().waitFor();
    expect(await violations(page)).toEqual([]);
  });
});
