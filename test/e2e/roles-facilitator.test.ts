/**
 * The facilitator's controls, in real Chromium against the real server:
 * locking turns a participant read-only live (a banner says so) and
 * unlocking gives editing back; a new title reaches everyone; a rotated
 * participant link shows the "no longer valid" page in the participant's
 * browser, and the new link works; a facilitator rotating their own link
 * stays on the board with the new one; the start page lists the board with the
 * role it opens with; deleting (after a confirmation naming the board) shows
 * the others that it is gone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addCard,
  card,
  createBoardOnStartPage,
  editor,
  editorField,
  myRole,
  permissionDenied,
  shareLinkFromDialog,
  storedCards,
} from './helpers/board-page.ts';
import {
  type E2eEnv,
  foreignRequests,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  startE2e,
} from './helpers/harness.ts';

const NEW_TITLE = 'Samverkansplan Tierp 2025–2026';

describe("the facilitator's controls", () => {
  let env: E2eEnv;
  let anna: Person; // facilitator
  let carin: Person; // participant
  let bengt: Person; // viewer, watching
  let boardId: string;
  let cardId: string;

  beforeAll(async () => {
    env = await startE2e();
    [anna, carin, bengt] = [await newPerson(env), await newPerson(env), await newPerson(env)];
    boardId = await createBoardOnStartPage(env, anna, 'Samverkansplan Tierp 2025', 'Anna Andersson');
    cardId = await addCard(anna.page, 'A1', 'Hälsosamtal för 40-åringar');
    await openBoardAs(carin.page, await shareLinkFromDialog(anna.page, 'participant'), 'Carin Cederlund');
    await openBoardAs(bengt.page, await shareLinkFromDialog(anna.page, 'viewer'), 'Bengt Berg');
    await anna.page.keyboard.press('Escape');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('turns a participant read-only live when the facilitator locks, and back when unlocked', async () => {
    expect(await myRole(carin.page)).toBe('participant');
    await card(carin.page, cardId).getByTestId('open-card').click();
    await editorField(carin.page, 'responsible').fill('Socialchef');
    await expect.poll(() => editorField(anna.page, 'responsible').inputValue()).toBe('Socialchef');

    await anna.page.getByTestId('lock-button').click();
    const banner = carin.page.getByTestId('locked-notice');
    await expect.poll(() => banner.textContent()).toContain('Tavlan är låst av facilitatorn');
    expect(await anna.page.getByTestId('lock-button').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => editorField(carin.page, 'responsible').getAttribute('readonly')).not.toBeNull();
    expect(await carin.page.getByTestId('add-card').count()).toBe(0);
    await editorField(carin.page, 'responsible').click();
    await carin.page.keyboard.type(' (låst)');
    expect(await editorField(carin.page, 'responsible').inputValue()).toBe('Socialchef');
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/roles-locked-banner.png` });
    // The facilitator is never locked out, and the participant still sees their edits live.
    expect(await anna.page.getByTestId('locked-notice').textContent()).toContain('Deltagarna kan inte ändra den');
    await editorField(anna.page, 'responsible').fill('Socialchef Tierp');
    await expect.poll(() => editorField(carin.page, 'responsible').inputValue()).toBe('Socialchef Tierp');
    // The participant's page tried to write nothing while locked: the server would have refused it.
    expect(permissionDenied(carin)).toEqual([]);

    await anna.page.getByTestId('lock-button').click();
    await expect.poll(() => banner.count()).toBe(0);
    await carin.page.getByTestId('add-card').waitFor();
    await editorField(carin.page, 'responsible').fill('Socialchef och skolchef');
    await expect.poll(() => editorField(anna.page, 'responsible').inputValue()).toBe('Socialchef och skolchef');
    await expect
      .poll(async () => (await storedCards(env, boardId)).find((c) => c.id === cardId)?.responsible)
      .toBe('Socialchef och skolchef');
    await editor(carin.page).getByTestId('close-card-editor').click();
  });

  it('renames the board for everyone', async () => {
    await anna.page.getByTestId('board-settings-button').click();
    await anna.page.getByRole('dialog', { name: 'Tavlans inställningar' }).waitFor();
    await anna.page.getByTestId('rename-input').fill(NEW_TITLE);
    await anna.page.getByTestId('rename-submit').click();
    for (const person of [anna, bengt, carin]) {
      await expect.poll(() => person.page.getByTestId('board-title').textContent()).toBe(NEW_TITLE);
    }
  });

  it('shows the "no longer valid" page to a participant whose link was rotated, and the new link works', async () => {
    const before = await shareLinkFromDialog(anna.page, 'participant');
    await anna.page.getByTestId('share-rotate-participant').click();
    await anna.page.getByTestId('share-rotate-confirm-participant').click();
    await expect.poll(() => shareLinkFromDialog(anna.page, 'participant')).not.toBe(before);
    const fresh = await shareLinkFromDialog(anna.page, 'participant');
    await anna.page.keyboard.press('Escape');

    await carin.page.getByTestId('link-not-valid').waitFor({ timeout: 10_000 });
    expect(await carin.page.getByRole('heading', { level: 1 }).textContent()).toBe('Länken gäller inte längre');
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/roles-link-not-valid.png` });
    // The refused token is forgotten: the board's address alone no longer opens it in this browser.
    await carin.page.goto(`${env.origin}/b/${boardId}`);
    await carin.page.getByTestId('link-not-valid').waitFor();
    // The new link, pasted over the same address; the name is remembered, so the page opens straight away.
    await carin.page.goto(fresh);
    await carin.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await myRole(carin.page)).toBe('participant');
    // Nobody else was disconnected.
    expect(await bengt.page.getByTestId('board-title').textContent()).toBe(NEW_TITLE);
  });

  it('keeps the facilitator on the board when they rotate their own link, working with the new one', async () => {
    const before = await shareLinkFromDialog(anna.page, 'facilitator');
    await anna.page.getByTestId('share-rotate-facilitator').click();
    await anna.page.getByTestId('share-rotate-confirm-facilitator').click();
    await expect.poll(() => shareLinkFromDialog(anna.page, 'facilitator')).not.toBe(before);
    await anna.page.keyboard.press('Escape');
    await anna.page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await anna.page.getByTestId('link-not-valid').count()).toBe(0);
    expect(await myRole(anna.page)).toBe('facilitator');
    // The REST calls use the new token too: the lock still works.
    await anna.page.getByTestId('lock-button').click();
    await carin.page.getByTestId('locked-notice').waitFor();
    await anna.page.getByTestId('lock-button').click();
    await expect.poll(() => carin.page.getByTestId('locked-notice').count()).toBe(0);
  });

  it('lists the board on the start page with its role, opening it with the stored token', async () => {
    const page = await carin.context.newPage();
    await page.goto(`${env.origin}/`);
    const entry = page.locator(`[data-testid="recent-boards"] [data-board-id="${boardId}"]`);
    await entry.waitFor();
    expect(await entry.textContent()).toContain(NEW_TITLE);
    expect(await entry.getByTestId('recent-role').textContent()).toBe('Deltagare');
    await entry.getByRole('link').click();
    await page.locator('[data-testid="connection-state"][data-state="connected"]').waitFor();
    expect(await myRole(page)).toBe('participant');
    await page.close();
  });

  it('deletes the board after a confirmation naming it; the others are told it is gone', async () => {
    await anna.page.getByTestId('board-settings-button').click();
    await anna.page.getByTestId('delete-board').click();
    const confirm = anna.page.getByRole('alertdialog');
    expect(await confirm.getByRole('heading').textContent()).toBe(`Ta bort "${NEW_TITLE}"?`);
    await anna.page.getByTestId('delete-board-confirm').click();
    await anna.page.getByTestId('board-deleted-notice').waitFor();
    expect(new URL(anna.page.url()).pathname).toBe('/');
    expect(await anna.page.locator(`[data-board-id="${boardId}"]`).count()).toBe(0);
    for (const person of [bengt, carin]) await person.page.getByTestId('board-deleted').waitFor({ timeout: 10_000 });
    expect(await env.server.store.getBoard(boardId)).toBeUndefined();
  });

  it('raised no page errors and sent no request outside the origin', () => {
    expect([...anna.errors, ...bengt.errors, ...carin.errors]).toEqual([]);
    expect(foreignRequests(env.origin, [...anna.requests, ...bengt.requests, ...carin.requests])).toEqual([]);
  });
});
