/**
 * What the role tests do on a board page: create a board on the start page
 * (so the creator's browser holds all three links), read the share dialog,
 * add a card, and read what the server stored.
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { mergeMany } from '../../../server/sync/merge.ts';
import { readCards } from '../../../shared/card.ts';
import type { BoardTokens, Role } from '../../../shared/roles.ts';
import { rememberBoard } from '../../helpers/server.ts';
import { type E2eEnv, enterName, type Person } from './harness.ts';

export const cardSelector = '[data-testid="activity-card"]';
export const editor = (page: Page) => page.getByTestId('card-editor');
export const editorField = (page: Page, field: string) => editor(page).locator(`[data-field="${field}"]`);
export const card = (page: Page, cardId: string) => page.locator(`${cardSelector}[data-card-id="${cardId}"]`);
export const myRole = (page: Page) => page.getByTestId('my-role').getAttribute('data-role');

/** y-websocket logs the server's "permission denied" answer to a refused update as a warning. */
export const permissionDenied = (person: Person) =>
  person.warnings.filter((text) => text.includes('Permission denied'));

/** The centre of the empty lower part of a goal zone, in screen pixels. */
export async function inGoal(page: Page, goalId: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(`.zone--goal[data-zone="${goalId}"]`).boundingBox();
  if (!box) throw new Error(`zone ${goalId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height * 0.78 };
}

export async function storedCards(env: E2eEnv, boardId: string) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(boardId)).updates));
  return readCards(doc);
}

/**
 * Creates an HSVO board through the start page form as `name` and returns its
 * id once the canvas shows. The creator's tokens are also handed to the test
 * helpers, so a seeding client can connect as facilitator.
 */
export async function createBoardOnStartPage(env: E2eEnv, person: Person, title: string, name: string) {
  const { page } = person;
  await page.goto(`${env.origin}/`);
  await page.getByTestId('board-title-input').fill(title);
  await page.getByTestId('create-board').click();
  await page.waitForURL(/\/b\/[A-Za-z0-9_-]{22}$/);
  const boardId = new URL(page.url()).pathname.split('/')[2] ?? '';
  await enterName(page, name);
  await page.locator('.zone--goal').first().waitFor();
  const tokens = await page.evaluate(
    (id) => JSON.parse(localStorage.getItem('samtavla.boardAccess') ?? '{}')[id].links as BoardTokens,
    boardId,
  );
  rememberBoard({ id: boardId, tokens });
  return boardId;
}

/** A role's link as the share dialog shows it (opening the dialog if needed; it stays open). */
export async function shareLinkFromDialog(page: Page, role: Role): Promise<string> {
  if ((await page.getByTestId('share-dialog').count()) === 0) await page.getByTestId('share-button').click();
  return page.getByTestId(`share-link-${role}`).inputValue();
}

/** Double-clicks an empty spot of a goal and types the new card's title; returns the card id (editor open). */
export async function addCard(page: Page, goalId: string, title: string): Promise<string> {
  const spot = await inGoal(page, goalId);
  await page.mouse.dblclick(spot.x, spot.y);
  const cardId = (await editor(page).getAttribute('data-card-id')) ?? '';
  await page.keyboard.type(title, { delay: 10 });
  return cardId;
}

/**
 * Waits until `watcher` sees a title the facilitator gives the card: the
 * others' earlier messages have reached the server by then (one socket each,
 * answered in order), so a refusal of anything they sent would have arrived too.
 */
export async function barrier(facilitator: Page, watcher: Page, cardId: string, title: string): Promise<void> {
  await editorField(facilitator, 'title').fill(title);
  await expect.poll(() => card(watcher, cardId).locator('.activity-card__title').textContent()).toBe(title);
}

/**
 * Shows a focus area with its navigation button (cards outside the view are not drawn, so a test
 * looks where a person would) and waits until the camera is there: the area's left edge 24 px
 * from the canvas's.
 */
export async function goToArea(page: Page, areaId: string): Promise<void> {
  await page.locator(`[data-testid="nav-area"][data-area="${areaId}"]`).click();
  const left = async () => {
    const canvas = await page.getByTestId('canvas').first().boundingBox();
    const area = await page.locator(`.zone--area[data-zone="${areaId}"]`).boundingBox();
    return canvas && area ? Math.round(area.x - canvas.x) : null;
  };
  await expect.poll(left).toBe(24);
}

/** Shows the whole board with "Översikt" and waits until the camera has stopped (two reads of the last area agree). */
export async function showOverview(page: Page): Promise<void> {
  await page.getByTestId('nav-overview').click();
  const last = page.locator('.zone--area').last();
  let previous = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await last.boundingBox());
      const still = now === previous && now !== 'null';
      previous = now;
      return still;
    })
    .toBe(true);
}
