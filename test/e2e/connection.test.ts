/**
 * What people see when the connection or the server fails them, in real
 * Chromium against the real server: edits typed while the server is down
 * reach the other person once it is back; while storage cannot write, a
 * notice says the edits are kept and resent, and once it can they land; when
 * the board is full, the app says so, stops taking edits and offers a reload.
 */
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeMany } from '../../server/sync/merge.ts';
import { readCards } from '../../shared/card.ts';
import { type Fault, faultyStore } from '../helpers/faulty-store.ts';
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

const BOARD_CARD_LIMIT = 3;

const notice = (page: Page) => page.getByTestId('connection-notice');
const badge = (page: Page) => page.getByTestId('connection-state');

async function storedCard(env: E2eEnv, boardId: string, cardId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(boardId)).updates));
  return readCards(doc).find((card) => card.id === cardId);
}

describe('when the server is away or refuses edits', () => {
  let env: E2eEnv;
  let anna: Person;
  let fault: Fault = 'none';

  beforeAll(async () => {
    env = await startE2e({
      limits: { maxCardsPerBoard: BOARD_CARD_LIMIT },
      wrapStore: (inner) => faultyStore(inner, () => fault),
    });
    anna = await newPerson(env);
  });

  afterEach(() => {
    fault = 'none';
  });

  afterAll(async () => {
    await env?.close();
  });

  it('keeps what is typed while the server is down and delivers it to the other person when it is back', async () => {
    const board = await createBoard(env.origin, { title: 'Samverkansplan Enköping 2025', templateId: 'nsu-2019' });
    // A draft: agreed cards are not edited in the table.
    const card = cardFromRow(nsuRows()[1]!, 0);
    await seedCards(env.origin, board.id, [card]);
    // Two people of their own: Anna is asked her name in the tests below.
    const [carin, bengt] = [await newPerson(env), await newPerson(env)];
    const field = (person: Person) => person.page.locator(`[data-card-id="${card.id}"] [data-field="responsible"]`);
    for (const [person, name] of [
      [carin, 'Carin Cederlund'],
      [bengt, 'Bengt Berg'],
    ] as const) {
      await openBoardAs(person.page, shareLinkOf(env, board, 'participant', 'table'), name);
      await field(person).waitFor();
    }

    const startAgain = await env.stopServer();
    await expect.poll(() => badge(carin.page).getAttribute('data-state'), { timeout: 10_000 }).toBe('reconnecting');
    expect(await badge(carin.page).textContent()).toContain('Offline – återansluter');
    // The server said it restarts (1012), so the page says so, not only that it is offline.
    await expect.poll(() => notice(carin.page).getAttribute('data-problem')).toBe('restarting');
    expect(await notice(carin.page).textContent()).toContain('Servern startar om.');
    await field(carin).fill('Samordnare Enköping');
    // The badge counts what waits to be sent, and the page warns before it is left meanwhile.
    await expect.poll(async () => Number(await badge(carin.page).getAttribute('data-pending'))).toBeGreaterThan(0);
    expect(await badge(carin.page).textContent()).toMatch(/ändring(ar)? väntar/);
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/connection-offline.png` });

    await startAgain();
    for (const person of [carin, bengt]) {
      await expect.poll(() => badge(person.page).getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    }
    await expect.poll(() => field(bengt).inputValue(), { timeout: 10_000 }).toBe('Samordnare Enköping');
    expect(await badge(carin.page).getAttribute('data-pending')).toBe('0');
    await expect
      .poll(async () => (await storedCard(env, board.id, card.id!))?.responsible, { timeout: 10_000 })
      .toBe('Samordnare Enköping');
    expect([...carin.errors, ...bengt.errors]).toEqual([]);
    await Promise.all([carin.context.close(), bengt.context.close()]);
  });

  it('keeps the edits typed while storage is failing, says so, and stores them once it recovers', async () => {
    const board = await createBoard(env.origin, { title: 'Samverkansplan Heby 2025', templateId: 'nsu-2019' });
    const [first] = nsuRows();
    const card = cardFromRow(first!, 0);
    await seedCards(env.origin, board.id, [card]);
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator', 'table'), 'Anna Andersson');
    const responsible = anna.page.locator(`[data-card-id="${card.id}"] [data-field="responsible"]`);

    fault = 'full';
    await responsible.fill('Socialchef Heby');
    await expect.poll(() => notice(anna.page).getAttribute('data-problem'), { timeout: 10_000 }).toBe('storage');
    expect(await notice(anna.page).textContent()).toContain('Dina ändringar finns kvar i webbläsaren');
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/connection-storage.png` });
    // Refused, not stored, and still on the person's screen.
    expect((await storedCard(env, board.id, card.id!))?.responsible).toBe(card.fields?.responsible);
    expect(await responsible.inputValue()).toBe('Socialchef Heby');

    fault = 'none';
    await expect
      .poll(async () => (await storedCard(env, board.id, card.id!))?.responsible, { timeout: 15_000 })
      .toBe('Socialchef Heby');
    await expect.poll(() => notice(anna.page).count(), { timeout: 10_000 }).toBe(0);
    expect(await badge(anna.page).getAttribute('data-state')).toBe('connected');
  });

  it('says the board is full, stops taking edits and offers a reload when a card is refused', async () => {
    const board = await createBoard(env.origin, { title: 'Samverkansplan Tierp 2025', templateId: 'hsvo-2024-2026' });
    const cards = nsuRows()
      .slice(0, BOARD_CARD_LIMIT)
      .map((row, index) => ({ ...cardFromRow(row, index), goalId: 'A1' }));
    await seedCards(env.origin, board.id, cards);
    await anna.page.goto(shareLinkOf(env, board));
    await anna.page
      .locator('[data-testid="activity-card"]')
      .nth(BOARD_CARD_LIMIT - 1)
      .waitFor();
    await badge(anna.page).and(anna.page.locator('[data-state="connected"]')).waitFor();

    const zone = await anna.page.locator('.zone--goal[data-zone="B1"]').boundingBox();
    if (!zone) throw new Error('zone B1 is not on screen');
    await anna.page.mouse.dblclick(zone.x + zone.width / 2, zone.y + zone.height * 0.78);

    await expect.poll(() => notice(anna.page).getAttribute('data-problem'), { timeout: 10_000 }).toBe('board-full');
    expect(await notice(anna.page).getAttribute('role')).toBe('alert');
    expect(await notice(anna.page).textContent()).toContain('Tavlan är full');
    expect(await badge(anna.page).textContent()).toContain('Frånkopplad');
    await anna.page.getByRole('button', { name: 'Ladda om sidan' }).waitFor();
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/connection-board-full.png` });

    // The editor of the refused card turns read-only, and the server kept only the cards within the limit.
    await expect
      .poll(() => anna.page.getByTestId('card-editor').textContent(), { timeout: 10_000 })
      .toContain('Tavlan är skrivskyddad.');
    const doc = new Y.Doc();
    Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(board.id)).updates));
    expect(readCards(doc)).toHaveLength(BOARD_CARD_LIMIT);

    await anna.page.getByRole('button', { name: 'Ladda om sidan' }).click();
    await badge(anna.page).and(anna.page.locator('[data-state="connected"]')).waitFor();
    await expect
      .poll(() => anna.page.locator('[data-testid="activity-card"]').count(), { timeout: 15_000 })
      .toBe(BOARD_CARD_LIMIT);
    expect(anna.errors).toEqual([]);
  });
});
