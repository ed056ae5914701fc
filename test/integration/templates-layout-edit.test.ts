/** PUT /api/boards/:id/template: the facilitator lays a board out anew, live for everyone connected. */
import { describe, expect, it } from 'vitest';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { createCard, readCards } from '../../shared/card.ts';
import type { Template } from '../../shared/template.ts';
import { bearer, serverPerTest, type TestClient, waitFor } from '../helpers/server.ts';
import { createOwnBoard, ownTemplate } from '../helpers/templates.ts';

const ctx = serverPerTest();

async function putTemplate(
  boardId: string,
  body: unknown,
  role: 'facilitator' | 'participant' | 'viewer' = 'facilitator',
) {
  const response = await fetch(`${ctx.server.url}/api/boards/${boardId}/template`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json', ...bearer(boardId, role) },
    body: JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

const goalsOf = (client: TestClient) => Object.fromEntries(readCards(client.doc).map((card) => [card.id, card.goalId]));

/** A board of two areas with two goals each, and cards on A1-goal-1 (two), area-2-goal-2 (one). */
async function boardWithCards() {
  const template = ownTemplate(['Trygg uppväxt', 'Psykisk hälsa'], 2);
  const board = await createOwnBoard(ctx.server.url, template);
  const facilitator = ctx.client(board.id);
  await facilitator.synced;
  for (const [id, goalId] of [
    ['k1', 'area-1-goal-1'],
    ['k2', 'area-1-goal-1'],
    ['k3', 'area-2-goal-2'],
  ] as const) {
    createCard(facilitator.doc, { id, goalId, createdBy: 'Anna', fields: { title: `Kort ${id}` } });
  }
  const watcher = ctx.client(board.id, 'viewer');
  await waitFor('the cards to reach the viewer', () => readCards(watcher.doc).length === 3);
  return { board, template, watcher };
}

describe('PUT /api/boards/:id/template', () => {
  it('renames an area and a goal and adds a goal: every card stays, and a connected client sees the change live', async () => {
    const { board, template, watcher } = await boardWithCards();
    const next: Template = structuredClone(template);
    next.focusAreas[0]!.title = { sv: 'Barn och unga', en: 'Children and young people' };
    next.focusAreas[1]!.goals[1]!.title = { sv: 'Färre i psykisk ohälsa', en: 'Less mental ill health' };
    next.focusAreas[1]!.goals.push({ id: 'area-2-goal-3', title: { sv: 'Nytt mål', en: 'New goal' } });
    const before = goalsOf(watcher);

    const { status, json } = await putTemplate(board.id, { template: next });
    expect(status, JSON.stringify(json)).toBe(200);
    await waitFor(
      'the new layout to reach the viewer',
      () => readBoardTemplate(watcher.doc)?.focusAreas[0]?.title.sv === 'Barn och unga',
    );
    expect(readBoardTemplate(watcher.doc)?.focusAreas[1]?.goals.map((g) => g.id)).toEqual([
      'area-2-goal-1',
      'area-2-goal-2',
      'area-2-goal-3',
    ]);
    expect(goalsOf(watcher)).toEqual(before);
    // The board keeps its template id; a version of the state before was saved.
    expect(readBoardTemplate(watcher.doc)?.id).toBe('egen-plan');
    const versions = (await (
      await fetch(`${ctx.server.url}/api/boards/${board.id}/versions`, { headers: bearer(board.id, 'viewer') })
    ).json()) as { id: string; name: string }[];
    expect(versions.find((v) => v.id === json.versionId)?.name).toBe('Före ändrad layout');
  });

  it('refuses to remove a goal that holds cards (409, naming it, nothing changed), then moves them as told', async () => {
    const { board, template, watcher } = await boardWithCards();
    const next: Template = structuredClone(template);
    next.focusAreas[0]!.goals.shift(); // area-1-goal-1 holds k1 and k2
    next.focusAreas[1]!.goals = []; // area-2-goal-2 holds k3; area-2 becomes a place itself

    const refused = await putTemplate(board.id, { template: next, moves: { 'area-1-goal-1': 'no-such-place' } });
    expect(refused.status).toBe(409);
    expect(refused.json.error).toMatch(/area-1-goal-1/);
    expect(refused.json.placesWithCards).toEqual([
      { id: 'area-1-goal-1', title: 'Trygg uppväxt: mål 1', cardCount: 2 },
      { id: 'area-2-goal-2', title: 'Psykisk hälsa: mål 2', cardCount: 1 },
    ]);
    const stored = await (
      await fetch(`${ctx.server.url}/api/boards/${board.id}/template`, { headers: bearer(board.id, 'viewer') })
    ).json();
    expect(stored).toEqual(template);

    const moved = await putTemplate(board.id, {
      template: next,
      moves: { 'area-1-goal-1': 'area-1-goal-2', 'area-2-goal-2': 'area-2' },
    });
    expect(moved.status, JSON.stringify(moved.json)).toBe(200);
    await waitFor('the moves to reach the viewer', () => goalsOf(watcher).k3 === 'area-2');
    expect(goalsOf(watcher)).toEqual({ k1: 'area-1-goal-2', k2: 'area-1-goal-2', k3: 'area-2' });
    // Moved last into their target, in the order they had.
    expect(
      readCards(watcher.doc)
        .filter((c) => c.goalId === 'area-1-goal-2')
        .map((c) => c.id),
    ).toEqual(['k1', 'k2']);
    expect(readBoardTemplate(watcher.doc)?.focusAreas[1]?.goals).toEqual([]);

    // Restoring the version saved before brings the old layout back with the cards where they were.
    const restored = await fetch(`${ctx.server.url}/api/boards/${board.id}/versions/${moved.json.versionId}/restore`, {
      method: 'POST',
      headers: bearer(board.id),
    });
    expect(restored.status).toBe(200);
    await waitFor(
      'the old layout to come back',
      () => readBoardTemplate(watcher.doc)?.focusAreas[1]?.goals.length === 2,
    );
    expect(readBoardTemplate(watcher.doc)).toEqual(template);
    expect(goalsOf(watcher)).toEqual({ k1: 'area-1-goal-1', k2: 'area-1-goal-1', k3: 'area-2-goal-2' });
  });

  it('is the facilitator’s: participant and viewer get 403, and a broken template 400', async () => {
    const { board, template } = await boardWithCards();
    for (const role of ['participant', 'viewer'] as const) {
      expect((await putTemplate(board.id, { template }, role)).status).toBe(403);
    }
    const broken = { ...template, focusAreas: [] };
    const answer = await putTemplate(board.id, { template: broken });
    expect(answer.status).toBe(400);
    expect(answer.json.error).toMatch(/template\.focusAreas/);
    expect((await putTemplate(board.id, { template, moves: { a: 7 } })).status).toBe(400);
  });
});
