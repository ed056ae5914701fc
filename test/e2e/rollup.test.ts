/**
 * The regional roll-up page in real Chromium against the real server: three
 * boards with cards and statuses in round "2025", their share links pasted on
 * /rollup, combined: each board's counts per goal and the area's chart with
 * its text alternative; a link with a wrong token gets the server's refusal.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCard, setFollowUp } from '../../shared/card.ts';
import type { FollowUpStatus } from '../../shared/card-schema.ts';
import { connectClient, createBoard, waitFor } from '../helpers/server.ts';
import { type E2eEnv, newPerson, type Person, SCREENSHOT_DIR, shareLinkOf, startE2e } from './helpers/harness.ts';

const STATUSES: (FollowUpStatus | null)[] = ['done', 'ongoing', 'not-started', 'ongoing', 'cancelled', null, 'done'];
const GOALS = ['A1', 'A2', 'B1', 'C1'];

/** A board with `count` cards spread over goals and statuses in round "2025". */
async function seedBoard(env: E2eEnv, title: string, count: number, shift: number) {
  const board = await createBoard(env.origin, { title, templateId: 'hsvo-2024-2026' });
  const client = connectClient(env.origin, board.id);
  await client.synced;
  for (let i = 0; i < count; i++) {
    const card = createCard(client.doc, {
      goalId: GOALS[(i + shift) % GOALS.length] ?? 'A1',
      createdBy: 'Karin',
      fields: { title: `${title} ${i + 1}` },
      parties: [title],
    });
    const status = STATUSES[(i + shift) % STATUSES.length] ?? null;
    if (status) setFollowUp(client.doc, card, '2025', { status, comment: '', effect: '', updatedBy: 'Karin' });
  }
  const observer = connectClient(env.origin, board.id);
  await waitFor('cards stored', () => observer.doc.getMap('cards').size === count);
  client.destroy();
  observer.destroy();
  return board;
}

describe('the roll-up page', () => {
  let env: E2eEnv;
  let person: Person;
  let boards: Awaited<ReturnType<typeof seedBoard>>[];

  beforeAll(async () => {
    env = await startE2e();
    boards = [
      await seedBoard(env, 'Heby', 8, 0),
      await seedBoard(env, 'Tierp', 7, 2),
      await seedBoard(env, 'Östhammar', 6, 4),
    ];
    person = await newPerson(env);
  });

  afterAll(async () => {
    expect(person?.errors ?? []).toEqual([]);
    await env?.close();
  });

  it('combines pasted share links into counts per board and a chart per area, and shows a refusal', async () => {
    const page = person.page;
    await page.goto(`${env.origin}/`);
    await page.getByRole('link', { name: 'Regional sammanställning av flera tavlor' }).click();
    const paste = page.getByLabel('Delningslänk till en tavla');
    for (const board of boards) {
      await paste.fill(shareLinkOf(env, board, 'viewer'));
      await page.getByRole('button', { name: 'Lägg till' }).click();
    }
    await page.getByLabel('Omgång (valfri)').fill('2025');
    await page.getByRole('button', { name: 'Sammanställ' }).click();
    const a1 = page.locator('[data-rollup-place="A1"] table');
    await a1.waitFor();
    // Heby's cards 1 and 5 are on A1: done and cancelled.
    const heby = a1.locator('tbody tr', { hasText: 'Heby' });
    expect(await heby.locator('td').allTextContents()).toEqual(['2', '0', '0', '1', '1', '0']);
    expect(await a1.locator('tbody tr th').allTextContents()).toEqual(['Heby', 'Tierp', 'Östhammar']);
    const chart = page.locator('[data-chart-area="A"] img');
    expect(await chart.getAttribute('alt')).toMatch(/^Heby: .*\. Tierp: .*\. Östhammar: /);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/rollup.png`, fullPage: true });

    // The first board again, now with a token that is not its own: the server's refusal names it.
    const [first] = boards;
    await page.getByRole('button', { name: `Ta bort ${first?.id}` }).click();
    await paste.fill(`${env.origin}/b/${first?.id}#token=${'x'.repeat(43)}`);
    await page.getByRole('button', { name: 'Lägg till' }).click();
    await page.getByRole('button', { name: 'Sammanställ' }).click();
    const alert = page.getByTestId('rollup-error');
    await alert.waitFor();
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toMatch(/^Sammanställningen misslyckades: boards\[2\]/);
  });
});
