/** "Ny plan från den här": a new board for the next period from a followed-up board. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../server/start.ts';
import { createCard } from '../../shared/card.ts';
import { setFollowUpStatus } from '../../shared/follow-up/follow-up-entry.ts';
import type { PlanData } from '../../shared/plan/schema.ts';
import {
  bearer,
  connectClient,
  createBoard,
  rememberBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  waitFor,
  withToken,
} from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
let boardId: string;

const post = (path: string, body: unknown, headers: Record<string, string>) =>
  fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  boardId = (await createBoard(server.url, { title: 'Plan Enköping', templateId: 'hsvo-2024-2026' })).id;
  const started = await post(`/api/boards/${boardId}/rounds`, { label: 'Uppföljning 2025' }, bearer(boardId));
  expect(started.status).toBe(201);
  const client = connectClient(server.url, boardId);
  await client.synced;
  await waitFor('round seen', () => client.doc.getMap('meta').get('currentRound') === 'Uppföljning 2025');
  const made = (title: string) => createCard(client.doc, { goalId: 'A1', createdBy: 'Karin', fields: { title } });
  setFollowUpStatus(client.doc, made('Klart arbete'), 'Uppföljning 2025', 'done', 'Karin');
  setFollowUpStatus(client.doc, made('Pågående arbete'), 'Uppföljning 2025', 'ongoing', 'Karin');
  setFollowUpStatus(client.doc, made('Avslutat arbete'), 'Uppföljning 2025', 'cancelled', 'Karin');
  made('Inte uppföljt');
  const observer = connectClient(server.url, boardId);
  await waitFor('cards stored', () => observer.doc.getMap('cards').size === 4);
  client.destroy();
  observer.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const exported = async (id: string): Promise<PlanData> =>
  (await fetch(withToken(`${server.url}/api/boards/${id}/export?format=json`, id))).json() as Promise<PlanData>;
const titles = (plan: PlanData) =>
  plan.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards.map((card) => card.title)));

describe('POST /api/boards/:id/next-plan', () => {
  it('copies the cards not done or ended, as drafts without follow-up, one period on, naming its source', async () => {
    const response = await post(`/api/boards/${boardId}/next-plan`, {}, bearer(boardId));
    expect(response.status).toBe(201);
    const created = rememberBoard(await response.json());
    const source = await exported(boardId);
    const next = await exported(created.id);
    expect(titles(next).sort()).toEqual(['Inte uppföljt', 'Pågående arbete']);
    expect(next.rounds).toEqual([]);
    const cards = next.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards));
    expect(cards.every((card) => card.status === 'draft' && card.followUp.length === 0)).toBe(true);
    expect(next.board.source).toEqual({ id: boardId, title: 'Plan Enköping' });
    expect(next.template.id).toBe(source.template.id);
    const span = Number(source.board.planPeriod.to.slice(0, 4)) - Number(source.board.planPeriod.from.slice(0, 4)) + 1;
    expect(Number(next.board.planPeriod.from.slice(0, 4))).toBe(
      Number(source.board.planPeriod.from.slice(0, 4)) + span,
    );
    // The source board is untouched.
    expect(titles(source)).toHaveLength(4);
  });

  it('takes exactly the cards chosen, under the title given', async () => {
    const source = await exported(boardId);
    const done = source.focusAreas
      .flatMap((a) => a.goals.flatMap((g) => g.cards))
      .find((c) => c.title === 'Klart arbete');
    const response = await post(
      `/api/boards/${boardId}/next-plan`,
      { title: 'Plan Enköping 2027', cardIds: [done?.id] },
      bearer(boardId),
    );
    expect(response.status).toBe(201);
    const created = rememberBoard(await response.json());
    expect(created.title).toBe('Plan Enköping 2027');
    expect(titles(await exported(created.id))).toEqual(['Klart arbete']);
  });

  it('is for the facilitator only, and refuses an unknown round and a bad body', async () => {
    for (const role of ['participant', 'viewer'] as const) {
      expect((await post(`/api/boards/${boardId}/next-plan`, {}, bearer(boardId, role))).status).toBe(403);
    }
    const unknown = await post(`/api/boards/${boardId}/next-plan`, { round: 'Uppföljning 1999' }, bearer(boardId));
    expect(unknown.status).toBe(404);
    const bad = await post(`/api/boards/${boardId}/next-plan`, { cardIds: 'all' }, bearer(boardId));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBeTruthy();
  });
});
