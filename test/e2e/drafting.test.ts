/**
 * Private drafting in real Chromium against the real server (README "Running
 * the workshop"): the facilitator starts a round; a participant writes two
 * drafts that neither the facilitator's page, the plan export, the server's
 * store nor the participant's own socket ever carries; the drafts survive the
 * participant's browser closed while offline; at the reveal both become cards,
 * exactly once, for everyone. The panel is keyboard-usable and axe-clean.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { bearer, createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { storedCards } from './helpers/board-page.ts';
import {
  diskProfile,
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const FIRST = 'Gemensam kompetensutveckling för elevhälsa och socialtjänst om tidiga tecken på psykisk ohälsa';
const SECOND = 'Samordnad individuell plan (SIP) erbjuds alla barn med insatser från både region och kommun';

/** axe-core's WCAG 2.1 AA violations on the page, one line each (as test/e2e/accessibility.test.ts). */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** How many times `text` is in the board's JSON plan as the server exports it now. */
async function inExport(env: E2eEnv, board: CreatedBoard, text: string): Promise<number> {
  const response = await fetch(`${env.origin}/api/boards/${board.id}/export?format=json`, {
    headers: bearer(board.id),
  });
  expect(response.status).toBe(200);
  return (await response.text()).split(text).length - 1;
}

const focusedIn = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    return active?.closest('[data-testid="drafts-panel"]')
      ? (active.getAttribute('data-testid') ?? active.tagName)
      : 'outside';
  });

describe('private drafting', () => {
  let env: E2eEnv;
  let anna: Person;
  let board: CreatedBoard;
  const carin = diskProfile();

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan Uppsala 2019', templateId: 'nsu-2019' });
    // The whole 2019 plan (34 cards, long Swedish titles): the panel is seen on a board in use.
    await seedCards(env.origin, board.id, nsuRows().map(cardFromRow));
    anna = await newPerson(env);
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator'), 'Anna Andersson');
  });

  afterAll(async () => {
    await env?.close();
    carin.remove();
  });

  it('keeps drafts in the participant’s browser only, through a closed browser, and publishes them once at the reveal', async () => {
    const first = await carin.open();
    const sent: string[] = [];
    first.page.on('websocket', (socket) =>
      socket.on('framesent', ({ payload }) => sent.push(Buffer.from(payload as Buffer | string).toString('utf8'))),
    );
    await openBoardAs(first.page, shareLinkOf(env, board, 'participant'), 'Carin Cederlund');
    expect(await first.page.getByTestId('drafts-panel').count()).toBe(0);

    await anna.page.getByTestId('workshop-button').click();
    await anna.page.getByTestId('drafting-start').click();
    await anna.page.getByTestId('drafting-reveal').waitFor();
    await first.page.getByTestId('drafting-notice').waitFor();
    expect(await first.page.getByTestId('drafting-notice').textContent()).toBe(
      'Enskilt skrivande pågår – dina utkast syns bara för dig',
    );

    // Two drafts by keyboard: the new draft's title takes the focus.
    const panel = first.page.getByTestId('drafts-panel');
    await panel.getByTestId('draft-add').click();
    await expect.poll(() => focusedIn(first.page)).toBe('draft-title');
    await first.page.keyboard.type(FIRST);
    await panel.getByTestId('draft-goal').first().selectOption('3.3');
    await panel.getByTestId('draft-add').focus();
    await first.page.keyboard.press('Enter');
    await expect.poll(() => focusedIn(first.page)).toBe('draft-title');
    await first.page.keyboard.type(SECOND);
    await panel.getByTestId('draft-goal').nth(1).selectOption('2.1');
    // A third, deleted again: the focus goes to its neighbour, not to the top of the page.
    await panel.getByTestId('draft-add').click();
    await panel.getByTestId('draft-remove').nth(2).click();
    await expect.poll(() => panel.getByTestId('draft').count()).toBe(2);
    await expect.poll(() => focusedIn(first.page)).toBe('draft-title');

    expect(await violations(first.page)).toEqual([]);
    await first.page.screenshot({ path: `${SCREENSHOT_DIR}/drafting-participant.png` });
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/drafting-facilitator.png` });

    // Nowhere but in Carin's browser: not on Anna's page, not in the export or the store, never on the socket.
    for (const title of [FIRST, SECOND]) {
      expect(await anna.page.getByText(title).count()).toBe(0);
      expect(await inExport(env, board, title)).toBe(0);
      expect(sent.some((frame) => frame.includes(title.slice(0, 40)))).toBe(false);
    }
    expect((await storedCards(env, board.id)).some((card) => [FIRST, SECOND].includes(card.title))).toBe(false);

    // The facilitator drafts too, in the table view as well: the panel is there and axe-clean.
    await anna.page.goto(`${env.origin}/b/${board.id}/table`);
    await anna.page.getByTestId('table-view').waitFor();
    await anna.page.getByTestId('drafts-panel').getByTestId('draft-add').click();
    await expect.poll(() => focusedIn(anna.page)).toBe('draft-title');
    await anna.page.keyboard.type('Facilitatorns eget utkast');
    expect(await violations(anna.page)).toEqual([]);
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/drafting-table.png` });
    await anna.page.getByTestId('draft-remove').click();
    await expect.poll(() => focusedIn(anna.page)).toBe('draft-add');
    // Folded and opened again by keyboard: the focus stays on what replaced the button pressed.
    await anna.page.getByTestId('drafts-hide').press('Enter');
    await expect
      .poll(() => anna.page.evaluate(() => document.activeElement?.getAttribute('data-testid')))
      .toBe('drafts-show');
    await anna.page.keyboard.press('Enter');
    await expect.poll(() => focusedIn(anna.page)).toBe('H2');

    // Offline, the browser closed; opened again later: the drafts are still there.
    await first.context.setOffline(true);
    await expect
      .poll(() => first.page.getByTestId('connection-state').getAttribute('data-state'), { timeout: 15_000 })
      .toBe('reconnecting');
    await first.context.close();
    const again = await carin.open();
    await again.page.goto(`${env.origin}/b/${board.id}`);
    const titles = again.page.getByTestId('draft-title');
    await expect.poll(() => titles.count(), { timeout: 15_000 }).toBe(2);
    expect(await titles.evaluateAll((inputs) => inputs.map((input) => (input as HTMLTextAreaElement).value))).toEqual([
      FIRST,
      SECOND,
    ]);

    // The reveal: both drafts become cards for everyone, exactly once, and leave the panel.
    await anna.page.getByTestId('workshop-button').click();
    await anna.page.getByTestId('drafting-reveal').click();
    await again.page.getByTestId('drafts-published').waitFor({ timeout: 15_000 });
    expect(await again.page.getByTestId('drafts-panel').count()).toBe(0);
    await again.page.screenshot({ path: `${SCREENSHOT_DIR}/drafting-published.png` });
    for (const title of [FIRST, SECOND]) {
      await expect.poll(() => inExport(env, board, title), { timeout: 15_000 }).toBe(1);
    }
    await anna.page.getByTestId('workshop-button').click();
    await expect
      .poll(
        () =>
          anna.page
            .locator(`textarea, input`)
            .evaluateAll(
              (inputs, wanted) => inputs.filter((input) => (input as HTMLInputElement).value === wanted).length,
              FIRST,
            ),
        { timeout: 15_000 },
      )
      .toBe(1);
    const stored = await storedCards(env, board.id);
    expect(stored.filter((card) => card.title === FIRST).map((card) => [card.goalId, card.createdBy])).toEqual([
      ['3.3', 'Carin Cederlund'],
    ]);
    expect(stored.filter((card) => card.title === SECOND).map((card) => card.goalId)).toEqual(['2.1']);

    // Opened once more while the round is still revealed: nothing is published twice.
    await again.page.reload();
    await again.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await again.page.getByTestId('drafts-panel').count()).toBe(0);
    expect(await inExport(env, board, FIRST)).toBe(1);
    expect((await storedCards(env, board.id)).length).toBe(nsuRows().length + 2);
    expect([...again.errors, ...anna.errors]).toEqual([]);
    await again.context.close();
  });

  it('keeps the drafts and says why when the board is locked at the reveal, and publishes them once it opens', async () => {
    const locked = await createBoard(env.origin, { title: 'Samverkansplan Knivsta 2019', templateId: 'nsu-2019' });
    await seedCards(env.origin, locked.id, nsuRows().slice(0, 3).map(cardFromRow));
    const facilitator = (path: string, method: string, body: unknown) =>
      fetch(`${env.origin}/api/boards/${locked.id}${path}`, {
        method,
        headers: { ...bearer(locked.id), 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const olle = await newPerson(env);
    await openBoardAs(olle.page, shareLinkOf(env, locked, 'participant', 'table'), 'Olle Östlund');
    expect((await facilitator('/drafting', 'POST', { action: 'start', by: 'Anna' })).status).toBe(200);
    // A viewer is told about the round but gets no drafts panel: they never write.
    const vera = await newPerson(env);
    await openBoardAs(vera.page, shareLinkOf(env, locked, 'viewer', 'table'), 'Vera Viklund');
    await vera.page.getByTestId('drafting-notice').waitFor();
    expect(await vera.page.getByTestId('drafts-panel').count()).toBe(0);
    const panel = olle.page.getByTestId('drafts-panel');
    await panel.getByTestId('draft-add').click();
    await expect.poll(() => focusedIn(olle.page)).toBe('draft-title');
    await olle.page.keyboard.type(SECOND);

    expect((await facilitator('', 'PATCH', { locked: true })).status).toBe(200);
    expect((await facilitator('/drafting', 'POST', { action: 'reveal' })).status).toBe(200);
    await expect.poll(() => panel.getByTestId('drafts-note').textContent()).toMatch(/kunde inte läggas på tavlan/);
    expect(await panel.getByTestId('draft-title').inputValue()).toBe(SECOND);
    expect(await violations(olle.page)).toEqual([]);
    await olle.page.screenshot({ path: `${SCREENSHOT_DIR}/drafting-refused.png` });
    expect((await storedCards(env, locked.id)).some((card) => card.title === SECOND)).toBe(false);
    // In English, the panel speaks English (and stays axe-clean).
    await olle.page.getByTestId('language-toggle').click();
    await expect.poll(() => panel.getByRole('heading').textContent()).toBe('My drafts (1)');
    expect(await panel.getByTestId('drafts-note').textContent()).toMatch(/could not go on the board/);
    expect(await violations(olle.page)).toEqual([]);
    await olle.page.screenshot({ path: `${SCREENSHOT_DIR}/drafting-refused-en.png` });

    expect((await facilitator('', 'PATCH', { locked: false })).status).toBe(200);
    await olle.page.getByTestId('drafts-published').waitFor({ timeout: 15_000 });
    await expect
      .poll(async () => (await storedCards(env, locked.id)).filter((card) => card.title === SECOND).length, {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await panel.count()).toBe(0);
    expect(olle.errors).toEqual([]);
  });
});
