/**
 * Decisions in real Chromium against the real server (README "Decisions"): in the agreement
 * phase the facilitator marks a card agreed with a note in the card editor; the participant's
 * page shows the decision on the card and in the decision log; the Word plan holds it.
 */
import { mkdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { bearer, createBoard } from '../helpers/server.ts';
import { seedCards } from './cards-seed.ts';
import { card, editor } from './helpers/board-page.ts';
import {
  type E2eEnv,
  newPerson,
  openBoardAs,
  type Person,
  SCREENSHOT_DIR,
  shareLinkOf,
  startE2e,
} from './helpers/harness.ts';

/** axe-core's WCAG 2.1 AA violations on the page, one line each (as test/e2e/accessibility.test.ts). */
async function violations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return violations.map((v) => `${v.id}: ${v.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const NOTE = 'Beslutat på arbetsmötet: start i mars, Region Uppsala sammankallar.';

describe('decisions in the agreement phase', () => {
  let env: E2eEnv;
  let anna: Person;
  let carin: Person;
  let board: CreatedBoard;

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan Heby 2025', templateId: 'hsvo-2024-2026' });
    await seedCards(env.origin, board.id, [
      {
        id: 'sip',
        goalId: 'A1',
        createdBy: 'Import',
        fields: {
          title: 'SIP i primärvården',
          activity: 'Samordnad individuell plan för fler.',
          indicator: 'Antal SIP',
          responsible: 'Vårdcentralen',
        },
      },
    ]);
    // The agreement phase is current: "Beslut", read-only for participants.
    const agenda = await fetch(`${env.origin}/api/boards/${board.id}/agenda`, {
      method: 'PUT',
      headers: { ...bearer(board.id), 'content-type': 'application/json' },
      body: JSON.stringify({ phases: [{ id: 'beslut', name: 'Beslut', restriction: 'locked' }] }),
    });
    expect(agenda.status).toBe(200);
    const current = await fetch(`${env.origin}/api/boards/${board.id}/agenda/current`, {
      method: 'POST',
      headers: { ...bearer(board.id), 'content-type': 'application/json' },
      body: JSON.stringify({ phaseId: 'beslut' }),
    });
    expect(current.status).toBe(200);
    [anna, carin] = [await newPerson(env), await newPerson(env)];
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator'), 'Anna Andersson');
    await openBoardAs(carin.page, shareLinkOf(env, board, 'participant'), 'Carin Cederlund');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('lets the facilitator decide in the card editor, and the participant sees it on the card and in the log', async () => {
    await card(anna.page, 'sip').getByTestId('open-card').click();
    const section = editor(anna.page).getByTestId('decision-section');
    // Offered first and open in the agreement phase.
    expect(await section.getAttribute('open')).not.toBeNull();
    await section.getByTestId('decision-agreed').check();
    await section.getByTestId('decision-note').fill(NOTE);
    await section.getByTestId('decision-save').click();
    await expect.poll(() => section.getByTestId('decision-message').textContent()).toBe('Beslutet är sparat.');
    expect(await violations(anna.page)).toEqual([]);

    // The participant has no "Besluta", but sees the decision, who took it and when.
    await card(carin.page, 'sip').getByTestId('open-card').click();
    const shown = editor(carin.page).getByTestId('card-decision');
    await expect.poll(() => shown.textContent()).toContain(NOTE);
    expect(await shown.textContent()).toMatch(/^Beslutat .+ av Anna Andersson/);
    expect(await editor(carin.page).getByTestId('decision-section').count()).toBe(0);
    await carin.page.keyboard.press('Escape');

    // The log, from the header, as a dialog with a table; Escape closes it and focus returns.
    await carin.page.getByTestId('decision-log-button').click();
    const log = carin.page.getByRole('dialog', { name: 'Beslutslogg' });
    await log.waitFor();
    const rows = log.getByTestId('decision-log-row');
    expect(await rows.count()).toBe(1);
    const row = await rows.first().textContent();
    expect(row).toContain('Anna Andersson');
    expect(row).toContain('SIP i primärvården');
    expect(row).toContain(NOTE);
    expect(await log.getByRole('rowheader', { name: 'SIP i primärvården' }).count()).toBe(1);
    expect(await violations(carin.page)).toEqual([]);
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/decisions-log.png` });
    await anna.page.screenshot({ path: `${SCREENSHOT_DIR}/decisions-editor.png` });
    await carin.page.keyboard.press('Escape');
    await expect.poll(() => log.isVisible()).toBe(false);
    expect(await carin.page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'decision-log-button',
    );
  });

  it('shows the decision in the table view, where the facilitator can decide again', async () => {
    await carin.page.getByRole('link', { name: 'Tabell' }).click();
    const carinRow = carin.page.locator('[data-testid="card-row"][data-card-id="sip"]');
    await expect.poll(() => carinRow.getByTestId('card-decision').textContent()).toContain(NOTE);
    expect(await carinRow.getByTestId('decision-section').count()).toBe(0);

    await anna.page.keyboard.press('Escape');
    await anna.page.getByRole('link', { name: 'Tabell' }).click();
    const annaRow = anna.page.locator('[data-testid="card-row"][data-card-id="sip"]');
    const section = annaRow.getByTestId('decision-section');
    // Folded in a row (the rows stay short), named after the card for screen readers.
    await section.locator('summary').click();
    expect(await section.locator('summary').textContent()).toContain('SIP i primärvården');
    await section.getByTestId('decision-agreed').uncheck();
    await section.getByTestId('decision-note').fill('Skjuts till hösten.');
    await section.getByTestId('decision-save').click();
    await expect.poll(() => carinRow.getByTestId('card-decision').textContent()).toContain('Skjuts till hösten.');
    await expect.poll(() => carinRow.getAttribute('class')).toContain('card-row--draft');
    expect(await violations(anna.page)).toEqual([]);
    await carin.page.screenshot({ path: `${SCREENSHOT_DIR}/decisions-table.png` });
  });

  it('puts the decision into the Word plan the facilitator downloads', async () => {
    await anna.page.getByTestId('export-button').click();
    const [download] = await Promise.all([
      anna.page.waitForEvent('download'),
      anna.page.getByRole('menuitem', { name: 'Word (.docx)', exact: true }).click(),
    ]);
    const zip = await JSZip.loadAsync(await readFile(await download.path()));
    const text = ((await zip.file('word/document.xml')?.async('string')) ?? '').replace(/<[^>]+>/g, '');
    // The card's latest decision, and both in the log.
    expect(text).toContain('Beslut ');
    expect(text).toContain('(Anna Andersson): Skjuts till hösten.');
    expect(text).toContain(NOTE);
    expect(text).toContain('Beslutslogg');
    expect(anna.errors).toEqual([]);
    expect(carin.errors).toEqual([]);
  });
});
