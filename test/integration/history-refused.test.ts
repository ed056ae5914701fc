/**
 * A server edit the room refuses leaves nothing behind. Restores are made on a
 * warm document kept between tasks (server/sync/warm-docs.ts); a refused one
 * must not reach the next restore, its backup version or anyone's board.
 */
import { describe, expect, it } from 'vitest';
import type { VersionInfo } from '../../server/storage/store.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard } from '../../shared/card.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { bearer, createBoard, serverPerTest, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest({ autoVersionMs: 60 * 60_000, limits: { maxCardsPerBoard: 3 } });

const api = (path: string, boardId: string, init: RequestInit = {}) =>
  fetch(`${ctx.server.url}/api/boards/${boardId}${path}`, {
    ...init,
    headers: { ...bearer(boardId, 'facilitator'), 'content-type': 'application/json' },
  });

async function cardIdsOf(boardId: string, version: string): Promise<string[]> {
  const response = await api(`/export?format=json&version=${version}`, boardId);
  expect(response.status).toBe(200);
  const plan = (await response.json()) as PlanData;
  const ids = plan.focusAreas.flatMap((area) => area.goals.flatMap((goal) => goal.cards.map((card) => card.id)));
  return [...ids, ...plan.unplaced.map((card) => card.id)].sort();
}

const add = (doc: Parameters<typeof createCard>[0], id: string) =>
  createCard(doc, { id, goalId: 'A1', createdBy: 'Karin', fields: { title: `Aktivitet ${id}` } });

describe('a refused server edit', () => {
  it('is not in the next restore, its backup, or anyone’s board', async () => {
    const board = await createBoard(ctx.server.url);
    const client = ctx.client(board.id);
    const watcher = ctx.client(board.id, 'viewer');
    await Promise.all([client.synced, watcher.synced]);
    for (const id of ['a', 'b', 'c']) add(client.doc, id);
    await waitFor('seeded', () => cardsMap(watcher.doc).size === 3);
    const before = (await (await api('/versions', board.id, { method: 'POST', body: '{"name":"Tre"}' })).json()) as {
      id: string;
    };

    deleteCard(client.doc, 'b');
    await waitFor('trashed', () => !cardsMap(watcher.doc).has('b'));
    let trashed = false;
    for (let i = 0; i < 100 && !trashed; i++) {
      trashed = ((await (await api('/deleted-cards', board.id)).json()) as unknown[]).length === 1;
      if (!trashed) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(trashed).toBe(true);
    add(client.doc, 'd');
    await waitFor('full again', () => cardsMap(watcher.doc).size === 3);

    // The board holds its 3 cards: bringing "b" back is refused, and nothing of it is stored.
    const refused = await api('/deleted-cards/b/restore', board.id, { method: 'POST' });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/full/);

    // A restore right after: its backup is the board as stored (a, c, d), never with the refused "b".
    const restored = await api(`/versions/${before.id}/restore`, board.id, { method: 'POST' });
    expect(restored.status).toBe(200);
    const backup = (await restored.json()) as { backup: VersionInfo };
    expect(await cardIdsOf(board.id, backup.backup.id)).toEqual(['a', 'c', 'd']);
    await waitFor('restored live', () => cardsMap(watcher.doc).has('b') && !cardsMap(watcher.doc).has('d'));
    expect([...cardsMap(watcher.doc).keys()].sort()).toEqual(['a', 'b', 'c']);
  });
});
