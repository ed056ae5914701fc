/**
 * Follow-up rounds in real Chromium against the real server: the facilitator
 * starts a round through "Starta uppföljning" on an NSU board, two
 * participants (each in a browser context of their own) open the follow-up
 * view, fill in status and comment of two cards, and each sees the other's
 * edit and the area's status counts change live, the area's round comment too,
 * as does the facilitator's view (counts table and the chart's text
 * alternative). The facilitator downloads the round's Word report from the
 * report menu (its text and chart read from the file), and then finds the
 * entries in the card editor on the canvas, and makes the next plan from the
 * round ("Ny plan från den här"). Screenshots of the start dialog, the
 * follow-up view, the editor's section and the next-plan dialog go to
 * test-results/e2e/.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const row = (page: Page, cardId: string) => page.locator(`.follow-up-table tr[data-card-id="${cardId}"]`);
const areaOf = (page: Page, cardId: string) => row(page, cardId).locator('xpath=ancestor::section[@data-area]');
/** A status's count in the status summary of the area a card's row is in. */
const statusCount = (page: Page, cardId: string, status: string) =>
  areaOf(page, cardId).locator(`.status-summary__table tr[data-status="${status}"] td`).textContent();
const doneCount = (page: Page, cardId: string) => statusCount(page, cardId, 'done');
/** The text alternative of the status chart of the area a card's row is in. */
const chartText = (page: Page, cardId: string) =>
  areaOf(page, cardId).locator('.status-summary__chart img').getAttribute('alt');

/** 'closed', or what the open start dialog says (its error, or 'open'). */
async function dialogState(page: Page): Promise<string> {
  const dialog = page.getByTestId('start-round-dialog');
  if ((await dialog.count()) === 0) return 'closed';
  const error = dialog.getByTestId('start-round-error');
  return (await error.count()) > 0 ? `refused: ${await error.textContent()}` : 'open';
}

describe('follow-up rounds', () => {
  let env: E2eEnv;
  let facilitator: Person;
  let anna: Person;
  let bengt: Person;
  let board: Awaited<ReturnType<typeof createBoard>>;
  const cards = nsuRows().slice(0, 4).map(cardFromRow);
  const cardId = cards[0]?.id ?? '';
  /** Bengt's card: same goal as the first (NSU 1.1), so both count in one area. */
  const secondId = cards[1]?.id ?? '';
  const label = `Uppföljning ${new Date().getFullYear()}`;

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan NSU 2019', templateId: 'nsu-2019' });
    await seedCards(env.origin, board.id, cards);
    facilitator = await newPerson(env);
    anna = await newPerson(env);
    bengt = await newPerson(env);
  });

  afterAll(async () => {
    expect([...(facilitator?.errors ?? []), ...(anna?.errors ?? []), ...(bengt?.errors ?? [])]).toEqual([]);
    await env?.close();
  });

  it('lets the facilitator start a round from the follow-up view, offered as "Uppföljning <year>"', async () => {
    const page = facilitator.page;
    await openBoardAs(page, shareLinkOf(env, board), 'Fia Facilitator');
    await page.getByTestId('follow-up-link').click();
    await page.getByTestId('follow-up-view').waitFor();
    await page.getByTestId('start-round-button').click();
    const dialog = page.getByTestId('start-round-dialog');
    await dialog.waitFor();
    expect(await dialog.getByTestId('round-label').inputValue()).toBe(label);
    expect(await dialog.getByTestId('round-date').inputValue()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/follow-up-start-dialog.png` });
    await dialog.getByTestId('start-round-submit').click();
    // Closed once the server started the round; a refusal stays in the dialog and fails here with its words.
    await expect.poll(() => dialogState(page), { timeout: 10_000 }).toBe('closed');

    const current = page.locator('[data-testid="rounds-list"] li[aria-current="true"]');
    await current.waitFor();
    expect(await current.textContent()).toContain(label);
    expect(await page.getByTestId('round-picker').inputValue()).toBe(label);
  });

  it('refuses a second round with the same label in words', async () => {
    const page = facilitator.page;
    await page.getByTestId('start-round-button').click();
    const dialog = page.getByTestId('start-round-dialog');
    await dialog.getByTestId('round-label').fill(label);
    await dialog.getByTestId('start-round-submit').click();
    const error = dialog.getByTestId('start-round-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('redan en omgång');
    await dialog.getByRole('button', { name: 'Avbryt' }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('shows two participants each other’s status and comment on one card, live', async () => {
    const url = `${env.origin}/b/${board.id}/follow-up#token=${board.tokens.participant}`;
    await openBoardAs(anna.page, url, 'Anna Andersson');
    await openBoardAs(bengt.page, url, 'Bengt Berg');
    for (const person of [anna, bengt]) await row(person.page, cardId).waitFor();
    // Participants see the rounds but may not make another one current or start one.
    expect(await anna.page.getByTestId('start-round-button').count()).toBe(0);
    expect(await anna.page.getByTestId('make-round-current').count()).toBe(0);
    expect(await doneCount(anna.page, cardId)).toBe('0');

    await row(anna.page, cardId).getByTestId('follow-up-status').selectOption('done');
    await row(bengt.page, cardId).locator('[data-follow-up="comment"]').click();
    await bengt.page.keyboard.type('Två skolor har börjat.');

    await expect
      .poll(() => row(bengt.page, cardId).getByTestId('follow-up-status').inputValue(), { timeout: 10_000 })
      .toBe('done');
    await expect
      .poll(() => row(anna.page, cardId).locator('[data-follow-up="comment"]').inputValue(), { timeout: 10_000 })
      .toBe('Två skolor har börjat.');
    for (const person of [anna, bengt]) {
      await expect.poll(() => doneCount(person.page, cardId), { timeout: 10_000 }).toBe('1');
    }
    // Bengt follows up a second card of the same area, status and comment.
    await row(bengt.page, secondId).getByTestId('follow-up-status').selectOption('ongoing');
    await row(bengt.page, secondId).locator('[data-follow-up="comment"]').fill('Planen är på remiss.');
    await expect.poll(() => statusCount(anna.page, secondId, 'ongoing'), { timeout: 10_000 }).toBe('1');
    // The facilitator's view of the same round follows too: the entries, the counts and the chart.
    const fia = facilitator.page;
    await expect
      .poll(() => row(fia, cardId).locator('[data-follow-up="comment"]').inputValue(), { timeout: 10_000 })
      .toBe('Två skolor har börjat.');
    await expect
      .poll(() => row(fia, secondId).locator('[data-follow-up="comment"]').inputValue(), { timeout: 10_000 })
      .toBe('Planen är på remiss.');
    await expect.poll(() => doneCount(fia, cardId), { timeout: 10_000 }).toBe('1');
    expect(await statusCount(fia, cardId, 'ongoing')).toBe('1');
    await expect.poll(() => chartText(fia, cardId), { timeout: 10_000 }).toMatch(/1 pågående, 1 genomförd/);
    // A round comment on the card's focus area, written by one, read by the other.
    const areaComment = (page: Page) =>
      row(page, cardId).locator('xpath=ancestor::section[@data-area]').locator('.round-comment textarea').first();
    await areaComment(bengt.page).fill('Bra start i fokusområdet.');
    await expect.poll(() => areaComment(anna.page).inputValue(), { timeout: 10_000 }).toBe('Bra start i fokusområdet.');
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/follow-up-view.png`, fullPage: true });
  });

  it('downloads the round’s Word report from the report menu, with the entries and a chart', async () => {
    const page = facilitator.page;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.report-menu button[data-report="docx"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.docx$/);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const words of [label, cards[0]?.fields?.title ?? '?', 'Två skolor har börjat.', 'Genomförd', 'Pågående']) {
      expect(xml).toContain(words);
    }
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    const png = media.find((name) => name.endsWith('.png'));
    expect(png, media.join(', ')).toBeDefined();
    const bytes = await zip.file(png as string)?.async('uint8array');
    expect([...(bytes ?? []).slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });

  it('shows the round in the card editor on the canvas, with the participants’ entries', async () => {
    const page = facilitator.page;
    await page.locator('.view-toggle').getByRole('link', { name: 'Tavla' }).click();
    await page.locator(`[data-testid="activity-card"][data-card-id="${cardId}"]`).getByTestId('open-card').click();
    const section = page.getByTestId('card-editor').getByTestId('follow-up-section');
    await section.waitFor();
    expect(await section.getByTestId('follow-up-status').inputValue()).toBe('done');
    expect(await section.locator('[data-follow-up="comment"]').inputValue()).toBe('Två skolor har börjat.');
    await section.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOT_DIR}/follow-up-card-editor.png` });
  });

  it('makes the next plan from the round: the done card left out, one more unticked, the rest on a new board', async () => {
    const page = facilitator.page;
    await page.locator('.view-toggle').getByRole('link', { name: 'Uppföljning' }).click();
    await page.getByTestId('next-plan-button').click();
    const dialog = page.getByTestId('next-plan-dialog');
    await dialog.waitFor();
    const box = (id: string) => dialog.locator(`input[data-card-id="${id}"]`);
    // Offered as the server would choose: the done card stays behind, the ongoing one goes on.
    expect(await box(cardId).isChecked()).toBe(false);
    expect(await box(secondId).isChecked()).toBe(true);
    const dropped = cards[2]?.id ?? '';
    await box(dropped).uncheck();
    await dialog.getByTestId('next-plan-title').fill('Samverkansplan NSU 2020');
    await page.screenshot({ path: `${SCREENSHOT_DIR}/follow-up-next-plan.png` });
    const [answer] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith('/next-plan') && r.request().method() === 'POST'),
      dialog.getByTestId('next-plan-submit').click(),
    ]);
    expect(answer.status()).toBe(201);
    const created = (await answer.json()) as { id: string; cardCount: number; tokens: { facilitator: string } };
    expect(created.cardCount).toBe(2);
    // The facilitator is taken to the new board, named as asked.
    await page.waitForURL((url) => url.pathname === `/b/${created.id}`);
    await expect.poll(() => page.locator('h1').first().textContent(), { timeout: 10_000 }).toContain('NSU 2020');
    const exported = await fetch(`${env.origin}/api/boards/${created.id}/export?format=json`, {
      headers: { authorization: `Bearer ${created.tokens.facilitator}` },
    });
    const plan = (await exported.json()) as {
      board: { source: { id: string } | null };
      focusAreas: { goals: { cards: { title: string; followUp: unknown[] }[] }[] }[];
    };
    const titles = plan.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards.map((c) => c.title)));
    expect(titles.sort()).toEqual([cards[1]?.fields?.title, cards[3]?.fields?.title].sort());
    expect(plan.board.source?.id).toBe(board.id);
  });
});
