/**
 * The workshop in real Chromium against the real server (README "Running the
 * workshop"): the facilitator starts a two-minute timer from the workshop
 * panel and the participant's page counts down; advancing to a locked phase
 * makes the participant's page read-only and shows the phase.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { card, editorField } from './helpers/board-page.ts';
import { type E2eEnv, newPerson, openBoardAs, type Person, shareLinkOf, startE2e } from './helpers/harness.ts';

const SHOTS = '/work/notes/shots';

describe('the workshop timer and phases', () => {
  let env: E2eEnv;
  let anna: Person;
  let carin: Person;
  let board: CreatedBoard;
  let cardId: string;

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan Uppsala 2019', templateId: 'nsu-2019' });
    const cards = nsuRows().slice(0, 30).map(cardFromRow);
    cardId = cards[0]?.id as string;
    await seedCards(env.origin, board.id, cards);
    [anna, carin] = [await newPerson(env), await newPerson(env)];
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator'), 'Anna Andersson');
    await openBoardAs(carin.page, shareLinkOf(env, board, 'participant'), 'Carin Cederlund');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('shows the facilitator’s two-minute timer on the participant’s page', async () => {
    await anna.page.getByTestId('workshop-button').click();
    await anna.page.getByTestId('workshop-minutes').fill('2');
    await anna.page.getByTestId('workshop-start').click();
    const timer = carin.page.getByTestId('workshop-timer');
    await timer.waitFor();
    expect(await timer.getAttribute('data-state')).toBe('running');
    expect(await timer.textContent()).toMatch(/^Tid kvar: [12]:\d\d$/);
  });

  it('makes the participant read-only in a locked phase and shows the phase', async () => {
    await anna.page.getByRole('button', { name: 'Föreslå faser' }).click();
    await anna.page.getByTestId('workshop-save').click();
    // Idéer, Diskussion, Prioritering, then Beslut (locked).
    for (let i = 0; i < 4; i++) {
      const before = await anna.page
        .getByTestId('workshop-phase')
        .textContent()
        .catch(() => null);
      await anna.page.getByTestId('workshop-next').click();
      await expect.poll(() => anna.page.getByTestId('workshop-phase').textContent()).not.toBe(before);
    }
    const phase = carin.page.getByTestId('workshop-phase');
    await expect.poll(() => phase.textContent()).toBe('Fas: Beslut (4/4)');
    await carin.page.getByTestId('phase-notice').waitFor();
    await card(carin.page, cardId).getByTestId('open-card').click();
    await expect.poll(() => editorField(carin.page, 'responsible').getAttribute('readonly')).not.toBeNull();
    await carin.page.keyboard.press('Escape');
    await anna.page.keyboard.press('Escape');
    mkdirSync(SHOTS, { recursive: true });
    await carin.page.screenshot({ path: `${SHOTS}/workshop-participant.png` });
    await anna.page.screenshot({ path: `${SHOTS}/workshop-facilitator.png` });
  });
});
