/**
 * Dot voting in real Chromium against the real server (README "Dot voting"): the facilitator
 * opens a round on the 2019 plan (34 cards), two participants vote — one on the canvas, one in
 * the table — and see only their own votes; nobody sees a total before the reveal; after it
 * everyone sees the totals and the table sorts by them.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CreatedBoard } from '../../shared/api.ts';
import { createBoard } from '../helpers/server.ts';
import { cardFromRow, nsuRows, seedCards } from './cards-seed.ts';
import { violations } from './helpers/axe.ts';
import { card, goToArea } from './helpers/board-page.ts';
import { type E2eEnv, newPerson, openBoardAs, type Person, shareLinkOf, startE2e } from './helpers/harness.ts';

const SHOTS = '/work/notes/shots';

describe('dot voting', () => {
  let env: E2eEnv;
  let anna: Person;
  let carin: Person;
  let bo: Person;
  let board: CreatedBoard;
  let cards: (ReturnType<typeof cardFromRow> & { id: string })[];

  beforeAll(async () => {
    env = await startE2e();
    board = await createBoard(env.origin, { title: 'Samverkansplan Uppsala 2019', templateId: 'nsu-2019' });
    cards = nsuRows().map((row, at) => ({ ...cardFromRow(row, at), id: cardFromRow(row, at).id as string }));
    await seedCards(env.origin, board.id, cards);
    [anna, carin, bo] = [await newPerson(env), await newPerson(env), await newPerson(env)];
    await openBoardAs(anna.page, shareLinkOf(env, board, 'facilitator'), 'Anna Andersson');
    await openBoardAs(carin.page, shareLinkOf(env, board, 'participant'), 'Carin Cederlund');
    await openBoardAs(bo.page, `${shareLinkOf(env, board, 'participant').replace('#', '/table#')}`, 'Bo Berg');
  });

  afterAll(async () => {
    await env?.close();
  });

  it('lets participants vote on the canvas and in the table, each seeing only their own votes', async () => {
    await anna.page.getByTestId('voting-button').click();
    await anna.page.getByTestId('voting-votes').fill('3');
    await anna.page.getByTestId('voting-open').click();
    await expect.poll(() => carin.page.getByTestId('voting-pill').textContent()).toBe('Röstning: 3 av 3 röster kvar');

    const first = cards[0] as (typeof cards)[number];
    const area = first.goalId?.split('.')[0] as string;
    await goToArea(carin.page, area);
    const onCanvas = card(carin.page, first.id);
    await onCanvas.getByTestId('vote-add').click();
    await onCanvas.getByTestId('vote-add').click();
    await expect.poll(() => onCanvas.getByTestId('vote-mine').textContent()).toBe('2');
    await expect.poll(() => carin.page.getByTestId('voting-pill').textContent()).toBe('Röstning: 1 av 3 röster kvar');

    const second = cards[5] as (typeof cards)[number];
    const row = bo.page.locator(`[data-testid="card-row"][data-card-id="${second.id}"]`);
    await row.getByTestId('vote-add').click();
    await row.getByTestId('vote-add').click();
    await expect.poll(() => row.getByTestId('vote-mine').textContent()).toBe('2');
    // Bo sees his own votes, not Carin's, and nobody sees a total yet.
    const boOnFirst = bo.page.locator(`[data-testid="card-row"][data-card-id="${first.id}"]`);
    expect(await boOnFirst.getByTestId('vote-mine').textContent()).toBe('0');
    for (const person of [anna, carin, bo]) expect(await person.page.getByTestId('vote-total').count()).toBe(0);
    // The third vote is Bo's last: every + on his page goes off.
    await boOnFirst.getByTestId('vote-add').click();
    await expect.poll(() => bo.page.getByTestId('voting-pill').textContent()).toBe('Röstning: 0 av 3 röster kvar');
    expect(await row.getByTestId('vote-add').isDisabled()).toBe(true);

    // The facilitator's panel, the vote buttons on cards and in rows: nothing for axe (WCAG 2.1 AA).
    for (const person of [anna, carin, bo]) expect(await violations(person.page)).toEqual([]);

    mkdirSync(SHOTS, { recursive: true });
    await carin.page.screenshot({ path: `${SHOTS}/voting-open-canvas.png` });
    await bo.page.screenshot({ path: `${SHOTS}/voting-open-table.png` });
    await anna.page.screenshot({ path: `${SHOTS}/voting-open-facilitator.png` });
  });

  it('shows the totals to everyone at the reveal and sorts the table by them', async () => {
    await anna.page.getByTestId('voting-reveal').click();
    const first = cards[0] as (typeof cards)[number];
    const second = cards[5] as (typeof cards)[number];
    await expect.poll(() => card(carin.page, first.id).getByTestId('vote-total').textContent()).toBe('3 röster');
    const row = (id: string) => bo.page.locator(`[data-testid="card-row"][data-card-id="${id}"]`);
    await expect.poll(() => row(second.id).getByTestId('vote-total').textContent()).toBe('2 röster');
    expect(await bo.page.getByTestId('voting-pill').textContent()).toBe('Röstningens resultat');

    await bo.page.getByTestId('sort-by-votes').check();
    // In the second card's goal it now comes first.
    const goalRows = bo.page.locator(`[data-testid="card-row"]`);
    const ids = await goalRows.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-card-id')));
    const inGoal = cards.filter((c) => c.goalId === second.goalId).map((c) => c.id);
    expect(ids.filter((id) => inGoal.includes(id as string))[0]).toBe(second.id);

    await anna.page.keyboard.press('Escape');
    for (const person of [carin, bo]) expect(await violations(person.page)).toEqual([]);
    await carin.page.screenshot({ path: `${SHOTS}/voting-revealed-canvas.png` });
    await bo.page.screenshot({ path: `${SHOTS}/voting-revealed-table.png` });
  });
});
