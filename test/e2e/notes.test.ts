/**
 * Brainstorm to plan in real Chromium against the real server: a participant
 * puts a sticky note in goal A1 (the note records A1), turns it into an
 * activity card with the toolbar button, the facilitator's table lists the
 * card in A1, and one undo brings the note back. Then an NSU board with 34
 * real plan rows, one agreed card having lost its Ansvar: the table says so
 * (screenshot table-warning.png).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { mergeMany } from '../../server/sync/merge.ts';
import { canvasMap } from '../../shared/board-doc.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { inGoal, storedCards } from './helpers/board-page.ts';
import {
  type E2eEnv,
  enterName,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

const row = (page: Page, cardId: string) => page.locator(`[data-testid="card-row"][data-card-id="${cardId}"]`);

/** Polls an asynchronous check (the server's store) until it holds. */
async function waitFor(what: string, check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The note records the server stored for a board, as `[id, meta]`. */
async function storedNotes(env: E2eEnv, boardId: string): Promise<[string, unknown][]> {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, mergeMany((await env.server.store.loadBoard(boardId)).updates));
  return [...canvasMap(doc).entries()]
    .filter(([, value]) => (value as { type?: string }).type === 'note')
    .map(([key, value]) => [key, (value as { meta?: unknown }).meta]);
}

describe('a sticky note turned into an activity card', () => {
  let env: E2eEnv;
  let anna: Person;
  let bengt: Person;
  let boardId: string;
  let tokens: Awaited<ReturnType<typeof createBoard>>['tokens'];

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
    bengt = await newPerson(env);
    const board = await createBoard(env.origin, { title: 'Samverkansplan Tierp 2025', templateId: 'hsvo-2024-2026' });
    boardId = board.id;
    tokens = board.tokens;
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator', 'table'), 'Anna Andersson');
    await openBoardAs(bengt.page, shareLinkOf(env, board, 'participant'), 'Bengt Berg');
    await bengt.page.locator('.zone--goal').first().waitFor();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('records the goal of a new note, turns it into a card of that goal, and the table lists the card', async () => {
    const { page } = bengt;
    const spot = await inGoal(page, 'A1');
    await page.keyboard.press('n');
    await page.mouse.click(spot.x, spot.y);
    // The note opens its text editor on creation; typing before it has focus would lose the first letters.
    await page.waitForFunction(() => document.activeElement?.getAttribute('contenteditable') === 'true');
    await page.keyboard.type('Gemensam föräldrautbildning i alla kommuner', { delay: 5 });
    await page.keyboard.press('Escape');
    await waitFor('the note with its goal on the server', async () => {
      const notes = await storedNotes(env, boardId);
      return notes.length === 1 && (notes[0]?.[1] as { goalId?: string } | undefined)?.goalId === 'A1';
    });

    await page.getByTestId('note-to-card').click();
    await waitFor('the card on the server and the note gone', async () => {
      const cards = await storedCards(env, boardId);
      return cards.length === 1 && (await storedNotes(env, boardId)).length === 0;
    });
    const [card] = await storedCards(env, boardId);
    expect(card).toMatchObject({ goalId: 'A1', title: 'Gemensam föräldrautbildning i alla kommuner' });
    expect(card?.createdBy).toBe('Bengt Berg');

    // The facilitator's table shows the new card in A1.
    const inTable = row(anna.page, card?.id ?? '');
    await inTable.waitFor();
    expect(await inTable.locator('[data-field="title"]').inputValue()).toBe(
      'Gemensam föräldrautbildning i alla kommuner',
    );
    const section = anna.page.locator('.goal-table[data-goal="A1"]', { has: inTable });
    expect(await section.count()).toBe(1);
  });

  it('takes the whole conversion back with one undo', async () => {
    const { page } = bengt;
    await page.keyboard.press('Control+z');
    await waitFor('the note back and the card gone', async () => {
      const cards = await storedCards(env, boardId);
      const notes = await storedNotes(env, boardId);
      return cards.length === 0 && notes.length === 1;
    });
  });

  it('offers the conversion in the context menu and on Shift+A, but not to a viewer', async () => {
    const viewer = await newPerson(env);
    await openBoardAs(viewer.page, shareLinkOf(env, { id: boardId, tokens }, 'viewer'), 'Vera Viewer');
    const viewerNote = viewer.page.locator('.tl-shape[data-shape-type="note"]');
    await viewerNote.click();
    await viewer.page.keyboard.press('Shift+A');
    expect(await viewer.page.getByTestId('note-to-card').count()).toBe(0);

    const { page } = bengt;
    const note = page.locator('.tl-shape[data-shape-type="note"]');
    await note.click({ button: 'right' });
    await page.screenshot({ path: `${SCREENSHOT_DIR}/note-context-menu.png` });
    await page.getByRole('menuitem', { name: 'Gör till aktivitet' }).waitFor({ timeout: 5000 });
    // Escape closes the menu and leaves the note selected (a second click would start editing its text).
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+A');
    await waitFor('the card made by the shortcut', async () => (await storedCards(env, boardId)).length === 1);
    // The viewer's attempt changed nothing: one card, from Bengt.
    expect((await storedCards(env, boardId))[0]?.createdBy).toBe('Bengt Berg');
    expect(bengt.errors).toEqual([]);
    expect(anna.errors).toEqual([]);
    expect(viewer.errors).toEqual([]);
    await viewer.context.close();
  });
});

describe('an agreed card that lost a required field', () => {
  let env: E2eEnv;

  beforeAll(async () => {
    env = await startE2e();
  });

  afterAll(async () => {
    await env?.close();
  });

  it('is marked in the table with what it lacks', async () => {
    const board = await createBoard(env.origin, { title: 'Verksamhetsplan NSU 2019', templateId: 'nsu-2019' });
    const cards = nsuRows().map(cardFromRow);
    expect(cards.length).toBeGreaterThanOrEqual(30);
    const lost = cards.find((c) => c.status === 'agreed' && c.goalId === '3.1');
    if (!lost) throw new Error('no agreed card in 3.1');
    lost.fields = { ...lost.fields, responsible: '' };
    await seedCards(env.origin, board.id, cards);

    const context = await env.browser.newContext({ viewport: { width: 1920, height: 1080 }, locale: 'sv-SE' });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(shareLinkOf(env, board, 'facilitator', 'table'));
    await enterName(page, 'Anna Andersson');
    const warned = row(page, lost.id ?? '');
    await warned.waitFor();
    expect(await warned.getAttribute('class')).toContain('card-row--warning');
    expect(await warned.getByTestId('agreed-missing').textContent()).toBe('Överenskommen, men saknar: Ansvar');
    expect(await page.getByTestId('agreed-missing').count()).toBe(1);
    await warned.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/table-warning.png` });
    expect(errors).toEqual([]);
    await context.close();
  });
});
