/**
 * What tldraw's own tools do with activity cards, in real Chromium against the
 * real server: Ctrl+G on a card and a note leaves no group of one shape in the
 * board's canvas (a card keeps its slot and is never a group's child), and an
 * arrow drawn to a card does not point at nothing once the card is deleted.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeMany } from '../../server/sync/merge.ts';
import { canvasMap } from '../../shared/board-doc.ts';
import { deleteCard } from '../../shared/card.ts';
import { connectClient, createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { card } from './helpers/board-page.ts';
import { type E2eEnv, newPerson, openBoardAs, type Person, shareLinkOf, startE2e } from './helpers/harness.ts';

type StoredRecord = { id: string; typeName: string; type?: string; parentId?: string; fromId?: string; toId?: string };

/** The canvas records the server stored for a board. */
async function storedCanvas(env: E2eEnv, boardId: string): Promise<StoredRecord[]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(boardId)).updates));
  return [...canvasMap(doc).values()] as StoredRecord[];
}

async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function centre(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** A sticky note at a point, its text typed and left. */
async function addNote(page: Page, at: { x: number; y: number }, text: string): Promise<void> {
  await page.keyboard.press('n');
  await page.mouse.click(at.x, at.y);
  await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
  await page.keyboard.type(text, { delay: 5 });
  await page.keyboard.press('Escape');
  await page.keyboard.press('Escape');
}

describe('tldraw tools on activity cards', () => {
  let env: E2eEnv;
  let anna: Person;
  let boardId: string;

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    const board = await createBoard(env.origin, { title: 'Samverkansplan Tierp 2025', templateId: 'nsu-2019' });
    boardId = board.id;
    const rows = nsuRows();
    await seedCards(
      env.origin,
      board.id,
      [0, 1].map((i) => ({ ...cardFromRow(rows[i] as (typeof rows)[number], i), id: `c-${i}` })),
    );
    await openBoardAs(anna.page, shareLinkOf(env, board), 'Anna Andersson');
    await card(anna.page, 'c-0').waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('leaves no group of one shape when a card and a note are grouped with Ctrl+G', async () => {
    const { page } = anna;
    const goal = (await card(page, 'c-0').getAttribute('data-goal')) ?? '';
    // Beside the goal's two cards, where its grid has room.
    const second = await card(page, 'c-1').boundingBox();
    if (!second) throw new Error('card c-1 is not on screen');
    await addNote(page, { x: second.x + second.width + 110, y: second.y + second.height + 120 }, 'Idé');
    await waitFor('the note on the server', async () =>
      (await storedCanvas(env, boardId)).some((r) => r.type === 'note'),
    );
    const firstNote = (await storedCanvas(env, boardId)).find((r) => r.type === 'note')?.id;
    // Everything that can be selected: the two cards and the note (zones are locked).
    await page.mouse.click(5, 500);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+g');
    // A later write from this page as a barrier: once it is stored, so is all the grouping wrote.
    await page.keyboard.press('Escape');
    const cardBox = await card(page, 'c-1').boundingBox();
    if (!cardBox) throw new Error('card c-1 is not on screen');
    await addNote(page, { x: cardBox.x + 60, y: cardBox.y + cardBox.height + 120 }, 'Barriär');
    await waitFor('the second note on the server', async () =>
      (await storedCanvas(env, boardId)).some((r) => r.type === 'note' && r.id !== firstNote),
    );
    const records = await storedCanvas(env, boardId);
    for (const group of records.filter((r) => r.type === 'group')) {
      expect(records.filter((r) => r.parentId === group.id).length).toBeGreaterThanOrEqual(2);
    }
    expect(records.find((r) => r.id === firstNote)?.parentId).toMatch(/^page:/);
    // The card stays in its slot, in its goal.
    expect(await card(page, 'c-0').getAttribute('data-goal')).toBe(goal);
  });

  it('leaves no arrow bound to a card that is deleted', async () => {
    const { page } = anna;
    await page.keyboard.press('Escape');
    const from = await centre(page, '[data-card-id="c-1"]');
    const to = await centre(page, '.tl-shape[data-shape-type="note"]');
    await page.keyboard.press('a');
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await waitFor('the arrow bound to the card on the server', async () =>
      (await storedCanvas(env, boardId)).some((r) => r.typeName === 'binding' && r.toId === 'shape:card-c-1'),
    );
    // Someone else deletes the card (from the table, say): this page only sees its shape go.
    const other = connectClient(env.origin, boardId);
    await other.synced;
    deleteCard(other.doc, 'c-1');
    await card(page, 'c-1').waitFor({ state: 'detached' });
    await waitFor('no binding to the deleted card on the server', async () =>
      (await storedCanvas(env, boardId)).every((r) => r.typeName !== 'binding' || r.toId !== 'shape:card-c-1'),
    );
    other.destroy();
    const records = await storedCanvas(env, boardId);
    const ids = new Set(records.map((r) => r.id));
    for (const binding of records.filter((r) => r.typeName === 'binding')) {
      expect(ids.has(binding.fromId ?? '')).toBe(true);
      expect(ids.has(binding.toId ?? '')).toBe(true);
    }
  });
});
