/**
 * The board's copy in the browser (README "Weak networks"), in real Chromium
 * profiles kept on disk: what a participant types offline survives closing the
 * browser and reaches the others when the board is next opened; the badge
 * counts it as waiting until then; a deleted board's copy is deleted; a copy
 * the server refuses for good is deleted instead of being sent on every open;
 * a viewer keeps none.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localCopyName } from '../../client/sync/local-copy.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { storedCards } from './helpers/board-page.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  diskProfile as profile,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const BOARD_CARD_LIMIT = 2;

const badge = (page: Page) => page.getByTestId('connection-state');
const titleOf = (page: Page, cardId: string) => page.locator(`[data-card-id="${cardId}"] [data-field="title"]`);

/** The IndexedDB databases of the page's origin. */
const databases = (page: Page): Promise<string[]> =>
  page.evaluate(async () => (await indexedDB.databases()).map((db) => db.name ?? ''));

async function boardWithCard(env: E2eEnv, title: string) {
  const board = await createBoard(env.origin, { title, templateId: 'nsu-2019' });
  // A draft: agreed cards are not edited in the table.
  const card = cardFromRow(nsuRows()[1]!, 0);
  await seedCards(env.origin, board.id, [card]);
  return { board, cardId: card.id! };
}

/** Opens the board's table as a participant, goes offline, and waits until the page knows it. */
async function goOffline(context: BrowserContext, page: Page) {
  await context.setOffline(true);
  await expect.poll(() => badge(page).getAttribute('data-state'), { timeout: 15_000 }).toBe('reconnecting');
}

describe('the board kept in the browser', () => {
  let env: E2eEnv;
  const profiles: ReturnType<typeof profile>[] = [];

  beforeAll(async () => {
    env = await startE2e({ limits: { maxCardsPerBoard: BOARD_CARD_LIMIT } });
  });

  afterAll(async () => {
    await env?.close();
    for (const each of profiles) each.remove();
  });

  it('keeps what is typed offline through a closed browser and sends it when the board is next opened', async () => {
    const { board, cardId } = await boardWithCard(env, 'Samverkansplan Tierp 2025');
    const carin = profile();
    profiles.push(carin);
    const first = await carin.open();
    await openBoardAs(first.page, shareLinkOf(env, board, 'participant', 'table'), 'Carin Cederlund');
    await titleOf(first.page, cardId).waitFor();

    await goOffline(first.context, first.page);
    await titleOf(first.page, cardId).fill('Gemensam rutin för tidiga insatser');
    await expect.poll(async () => Number(await badge(first.page).getAttribute('data-pending'))).toBeGreaterThan(0);
    expect(await databases(first.page)).toContain(localCopyName(board.id));
    await first.context.close();
    // Nothing reached the server: the text lives only in Carin's profile.
    expect((await storedCards(env, board.id)).find((card) => card.id === cardId)?.title).not.toBe(
      'Gemensam rutin för tidiga insatser',
    );

    // The browser is started again, online; the board opens from the token the profile kept.
    const again = await carin.open();
    await again.page.goto(`${env.origin}/b/${board.id}/table`);
    await expect
      .poll(() => titleOf(again.page, cardId).inputValue(), { timeout: 15_000 })
      .toBe('Gemensam rutin för tidiga insatser');
    await expect
      .poll(async () => (await storedCards(env, board.id)).find((card) => card.id === cardId)?.title, {
        timeout: 15_000,
      })
      .toBe('Gemensam rutin för tidiga insatser');
    await expect.poll(() => badge(again.page).getAttribute('data-pending')).toBe('0');

    // The other person sees it; a viewer's page keeps no copy of the board.
    const david = await newPerson(env);
    await openBoardAs(david.page, shareLinkOf(env, board, 'viewer', 'table'), 'David Dahl');
    await expect
      .poll(() => titleOf(david.page, cardId).inputValue(), { timeout: 15_000 })
      .toBe('Gemensam rutin för tidiga insatser');
    expect(await databases(david.page)).not.toContain(localCopyName(board.id));
    expect([...again.errors, ...david.errors]).toEqual([]);
    await Promise.all([again.context.close(), david.context.close()]);
  });

  it('counts the kept changes as waiting after a reopen until the connection has synced', async () => {
    const { board, cardId } = await boardWithCard(env, 'Samverkansplan Älvkarleby 2025');
    const erik = profile();
    profiles.push(erik);
    const first = await erik.open();
    await openBoardAs(first.page, shareLinkOf(env, board, 'participant', 'table'), 'Erik Ek');
    await titleOf(first.page, cardId).waitFor();
    await goOffline(first.context, first.page);
    await titleOf(first.page, cardId).fill('Samordnad individuell plan');
    await expect.poll(async () => Number(await badge(first.page).getAttribute('data-pending'))).toBeGreaterThan(0);
    const waiting = Number(await badge(first.page).getAttribute('data-pending'));
    await first.context.close();

    // Back online, but the board's socket cannot get through yet (a proxy that drops it).
    const again = await erik.open();
    let blocked = true;
    await again.context.routeWebSocket(/\/ws\//, (socket) => {
      // 4500, a server fault, is one the page reconnects after.
      if (blocked) void socket.close({ code: 4500 });
      else socket.connectToServer();
    });
    await again.page.goto(`${env.origin}/b/${board.id}/table`);
    await expect.poll(() => badge(again.page).getAttribute('data-pending'), { timeout: 15_000 }).toBe(String(waiting));
    await expect.poll(() => badge(again.page).textContent(), { timeout: 15_000 }).toMatch(/ändring(ar)? väntar/);

    blocked = false;
    await expect.poll(() => badge(again.page).getAttribute('data-state'), { timeout: 20_000 }).toBe('connected');
    await expect.poll(() => badge(again.page).getAttribute('data-pending')).toBe('0');
    await expect
      .poll(async () => (await storedCards(env, board.id)).find((card) => card.id === cardId)?.title, {
        timeout: 15_000,
      })
      .toBe('Samordnad individuell plan');
    await again.context.close();
  });

  it('deletes the copy of a board that was deleted while the browser was closed', async () => {
    const { board, cardId } = await boardWithCard(env, 'Samverkansplan Knivsta 2025');
    const fia = profile();
    profiles.push(fia);
    const first = await fia.open();
    await openBoardAs(first.page, shareLinkOf(env, board, 'participant', 'table'), 'Fia Fors');
    await titleOf(first.page, cardId).waitFor();
    await goOffline(first.context, first.page);
    await titleOf(first.page, cardId).fill('Utkast som aldrig skickades');
    await expect.poll(async () => Number(await badge(first.page).getAttribute('data-pending'))).toBeGreaterThan(0);
    expect(await databases(first.page)).toContain(localCopyName(board.id));
    await first.context.close();

    const deleted = await fetch(`${env.origin}/api/boards/${board.id}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${board.tokens.facilitator}` },
    });
    expect(deleted.ok).toBe(true);

    const again = await fia.open();
    await again.page.goto(`${env.origin}/b/${board.id}/table`);
    await again.page.getByTestId('board-not-found').waitFor();
    await expect.poll(() => databases(again.page), { timeout: 10_000 }).not.toContain(localCopyName(board.id));
    await again.context.close();
  });

  it('deletes a copy the server refuses for good instead of sending it on every open, and says so', async () => {
    const { board } = await boardWithCard(env, 'Samverkansplan Östhammar 2025');
    const gun = profile();
    profiles.push(gun);
    const first = await gun.open();
    await openBoardAs(first.page, shareLinkOf(env, board, 'participant', 'table'), 'Gun Gran');
    await first.page.getByTestId('card-row').first().waitFor();
    await goOffline(first.context, first.page);
    // The second card the board may hold, made offline…
    await first.page.getByTestId('table-add-card').first().click();
    await expect.poll(() => first.page.getByTestId('card-row').count()).toBe(2);
    await first.context.close();
    // …while someone else fills the board: Gun's card will not fit when she is back.
    await seedCards(env.origin, board.id, [cardFromRow(nsuRows()[2]!, 1)]);

    const again = await gun.open();
    await again.page.goto(`${env.origin}/b/${board.id}/table`);
    const notice = again.page.getByTestId('connection-notice');
    await expect.poll(() => notice.getAttribute('data-problem'), { timeout: 15_000 }).toBe('board-full');
    await again.page.getByTestId('local-copy-discarded').waitFor();
    await expect.poll(() => databases(again.page), { timeout: 10_000 }).not.toContain(localCopyName(board.id));

    // Reloaded, the board opens with what the server has, and nothing is refused again.
    await again.page.reload();
    await expect.poll(() => badge(again.page).getAttribute('data-state'), { timeout: 15_000 }).toBe('connected');
    await expect.poll(() => again.page.getByTestId('card-row').count()).toBe(BOARD_CARD_LIMIT);
    expect(await badge(again.page).getAttribute('data-pending')).toBe('0');
    expect(await notice.count()).toBe(0);
    expect((await storedCards(env, board.id)).length).toBe(BOARD_CARD_LIMIT);
    await again.context.close();
  });
});
