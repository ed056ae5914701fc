/**
 * History (#12) on a real server with stock y-websocket clients: versions,
 * restore as live edits, the trash of deleted cards, and what survives a restart.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import type { VersionInfo } from '../../server/storage/store.ts';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, deleteCard, moveCard, readCard, setCardText } from '../../shared/card.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import type { Role } from '../../shared/roles.ts';
import { bearer, createBoard, docContent, serverPerTest, waitFor } from '../helpers/server.ts';

const ctx = serverPerTest({ autoVersionMs: 60 * 60_000 });

async function api(path: string, boardId: string, role: Role = 'facilitator', init: RequestInit = {}) {
  return fetch(`${ctx.server.url}/api/boards/${boardId}${path}`, {
    ...init,
    headers: { ...bearer(boardId, role), 'content-type': 'application/json', ...init.headers },
  });
}

async function planOf(boardId: string, version?: string): Promise<PlanData> {
  const response = await api(`/export?format=json${version ? `&version=${version}` : ''}`, boardId);
  expect(response.status).toBe(200);
  const plan = (await response.json()) as PlanData;
  return { ...plan, exportedAt: '' } as PlanData;
}

async function saveVersion(boardId: string, name: string): Promise<VersionInfo> {
  const response = await api('/versions', boardId, 'facilitator', { method: 'POST', body: JSON.stringify({ name }) });
  expect(response.status).toBe(201);
  return (await response.json()) as VersionInfo;
}

function seed(doc: Y.Doc, count: number): void {
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      createCard(doc, {
        id: `card-${i}`,
        goalId: ['A1', 'B1', 'C1', 'D1'][i % 4] as string,
        createdBy: 'Karin',
        fields: { title: `Aktivitet ${i}`, activity: `Vad vi gör ${i}`, responsible: 'Heby kommun' },
        parties: ['heby'],
      });
    }
  });
}

/** Shows a name in presence, as the board page does (`user`, set in client/presence/usePeople.ts). */
const showName = (
  client: { provider: { awareness: { setLocalStateField(k: string, v: unknown): void } } },
  name: string,
) => client.provider.awareness.setLocalStateField('user', { id: 'u1', name, color: '#123456' });
describe('versions and restore', () => {
  it('restores a named version as live edits: plan data equal to the version, a backup saved first', async () => {
    const board = await createBoard(ctx.server.url);
    const facilitator = ctx.client(board.id);
    const participant = ctx.client(board.id, 'participant');
    await Promise.all([facilitator.synced, participant.synced]);
    seed(facilitator.doc, 8);
    await waitFor('seeded', () => cardsMap(participant.doc).size === 8);
    const version = await saveVersion(board.id, 'Efter workshop 12 mars');
    expect(version).toMatchObject({ name: 'Efter workshop 12 mars', auto: false, cardCount: 8 });
    const atVersion = await planOf(board.id);

    setCardText(participant.doc, 'card-1', 'title', 'Ändrad titel');
    moveCard(participant.doc, 'card-2', 'D1');
    deleteCard(participant.doc, 'card-3');
    createCard(participant.doc, { id: 'new', goalId: 'A1', createdBy: 'Per', fields: { title: 'Ny aktivitet' } });
    await waitFor(
      'edits stored',
      () => cardsMap(facilitator.doc).has('new') && !cardsMap(facilitator.doc).has('card-3'),
    );
    const beforeRestore = await planOf(board.id);
    expect(beforeRestore).not.toEqual(atVersion);

    const restore = await api(`/versions/${version.id}/restore`, board.id, 'facilitator', { method: 'POST' });
    expect(restore.status).toBe(200);
    const { backup } = (await restore.json()) as { restored: VersionInfo; backup: VersionInfo };
    expect(backup.name).toMatch(/Före återställning till Efter workshop 12 mars/);

    await waitFor(
      'restore seen live',
      () => readCard(participant.doc, 'card-3') !== undefined && !cardsMap(participant.doc).has('new'),
    );
    expect(await planOf(board.id)).toEqual(atVersion);
    expect(await planOf(board.id, backup.id)).toEqual(beforeRestore);
    expect(await planOf(board.id, version.id)).toEqual(atVersion);
    await waitFor('both clients converge', () => docContent(facilitator.doc) === docContent(participant.doc));

    const list = (await (await api('/versions', board.id, 'viewer')).json()) as VersionInfo[];
    expect(list.map((v) => v.id)).toEqual([backup.id, version.id]);
    expect(list[0]?.summary).toMatchObject({ added: 1, removed: 1, changed: 2 });
  });

  it('keeps concurrent typing through a restore, and both typists converge', async () => {
    const board = await createBoard(ctx.server.url);
    const a = ctx.client(board.id);
    const b = ctx.client(board.id, 'participant');
    await Promise.all([a.synced, b.synced]);
    seed(a.doc, 4);
    await waitFor('seeded', () => cardsMap(b.doc).size === 4);
    const version = await saveVersion(board.id, 'Utgångsläge');
    setCardText(a.doc, 'card-0', 'title', 'Ersätts av återställningen');

    let typing = true;
    const typed: string[] = [];
    const typeLoop = async (client: typeof a, field: 'activity' | 'responsible', cardId: string) => {
      for (let i = 0; typing; i++) {
        const text = readCard(client.doc, cardId)?.[field] ?? '';
        setCardText(client.doc, cardId, field, `${text}·${i}`);
        typed.push(`${cardId}:${i}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    };
    const loops = [typeLoop(a, 'activity', 'card-1'), typeLoop(b, 'responsible', 'card-2')];
    await new Promise((resolve) => setTimeout(resolve, 50));
    const restore = await api(`/versions/${version.id}/restore`, board.id, 'facilitator', { method: 'POST' });
    expect(restore.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 50));
    typing = false;
    await Promise.all(loops);

    await waitFor('converged', () => docContent(a.doc) === docContent(b.doc));
    expect(readCard(a.doc, 'card-0')?.title, 'what the restore replaced').toBe('Aktivitet 0');
    // Typing that went on during the restore is still there on both.
    expect(readCard(b.doc, 'card-1')?.activity).toMatch(/·\d+$/);
    expect(readCard(a.doc, 'card-2')?.responsible).toMatch(/·\d+$/);
    expect(typed.length).toBeGreaterThan(4);
  });

  it('lets only the facilitator save and restore; unknown versions are 404', async () => {
    const board = await createBoard(ctx.server.url);
    const version = await saveVersion(board.id, 'Första');
    for (const role of ['participant', 'viewer'] as const) {
      expect((await api(`/versions/${version.id}/restore`, board.id, role, { method: 'POST' })).status).toBe(403);
      expect((await api('/versions', board.id, role, { method: 'POST', body: '{"name":"x"}' })).status).toBe(403);
      expect((await api('/versions', board.id, role)).status).toBe(200);
    }
    expect((await api('/versions/nope/restore', board.id, 'facilitator', { method: 'POST' })).status).toBe(404);
    expect((await api('/versions/nope/state', board.id, 'viewer')).status).toBe(404);
    expect((await api('/export?format=json&version=nope', board.id, 'viewer')).status).toBe(404);
    expect((await api('/versions', board.id, 'facilitator', { method: 'POST', body: '{"name":""}' })).status).toBe(400);
    const state = await api(`/versions/${version.id}/state`, board.id, 'viewer');
    expect(state.headers.get('content-type')).toBe('application/octet-stream');
    expect((await state.arrayBuffer()).byteLength).toBeGreaterThan(10);
  });

  it('saves automatic versions while people edit and when the last one leaves, with who edited', async () => {
    await ctx.restart({ autoVersionMs: 0 });
    const board = await createBoard(ctx.server.url);
    const client = ctx.client(board.id, 'participant');
    await client.synced;
    showName(client, 'Per Persson');
    await new Promise((resolve) => setTimeout(resolve, 100));
    seed(client.doc, 3);
    let versions: VersionInfo[] = [];
    for (let i = 0; i < 100 && versions.length === 0; i++) {
      versions = (await (await api('/versions', board.id)).json()) as VersionInfo[];
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(versions[0]).toMatchObject({ auto: true, name: '', cardCount: 3, editors: ['Per Persson'] });
    expect(versions[0]?.summary).toMatchObject({ added: 3, areas: { A: { added: 1 } } });

    await ctx.restart({ autoVersionMs: 60 * 60_000 });
    const fresh = await createBoard(ctx.server.url);
    const count = async () => ((await (await api('/versions', fresh.id)).json()) as VersionInfo[]).length;
    /** One person comes, deletes a card and leaves; resolves with the number of versions after. */
    const visit = async (cardId: string) => {
      const later = ctx.client(fresh.id, 'participant');
      await later.synced;
      if (cardId === 'card-0') seed(later.doc, 3);
      deleteCard(later.doc, cardId);
      const observer = ctx.client(fresh.id);
      await waitFor(
        'delete stored',
        () => observer.doc.getMap('cards').size > 0 && !cardsMap(observer.doc).has(cardId),
      );
      const before = await count();
      later.destroy();
      observer.destroy();
      let after = before;
      for (let i = 0; i < 60 && after === before; i++) {
        await new Promise((resolve) => setTimeout(resolve, 30));
        after = await count();
      }
      return { before, after };
    };
    const first = await visit('card-0');
    expect(first.after, 'a version when the last person left').toBe(first.before + 1);
    // Coming back within a minute to edit and leave again does not store the whole board once more.
    const second = await visit('card-1');
    expect(second.after).toBe(second.before);
  });
});

describe('deleted cards', () => {
  it('lists who deleted what, restores a card with every field for everyone, and survives a restart', async () => {
    const board = await createBoard(ctx.server.url);
    const per = ctx.client(board.id, 'participant');
    const other = ctx.client(board.id, 'participant');
    await Promise.all([per.synced, other.synced]);
    showName(per, 'Per Persson');
    seed(per.doc, 3);
    await waitFor('seeded', () => cardsMap(other.doc).size === 3);
    const original = readCard(per.doc, 'card-1');
    await new Promise((resolve) => setTimeout(resolve, 100));
    deleteCard(per.doc, 'card-1');
    await waitFor('deleted for others', () => !cardsMap(other.doc).has('card-1'));

    let trash: { cardId: string; title: string; goalId: string; deletedBy: string; deletedAt: string }[] = [];
    for (let i = 0; i < 100 && trash.length === 0; i++) {
      trash = await (await api('/deleted-cards', board.id, 'participant')).json();
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(trash).toEqual([
      { cardId: 'card-1', title: 'Aktivitet 1', goalId: 'B1', deletedBy: 'Per Persson', deletedAt: expect.any(String) },
    ]);
    expect((await api('/deleted-cards', board.id, 'viewer')).status).toBe(403);

    await ctx.restart();
    const after = (await (await api('/deleted-cards', board.id, 'participant')).json()) as unknown[];
    expect(after).toHaveLength(1);

    const watcher = ctx.client(board.id, 'viewer');
    await watcher.synced;
    const restored = await api('/deleted-cards/card-1/restore', board.id, 'participant', { method: 'POST' });
    expect(restored.status).toBe(200);
    await waitFor('card back live', () => cardsMap(watcher.doc).has('card-1'));
    expect(readCard(watcher.doc, 'card-1')).toEqual(original);
    expect(await (await api('/deleted-cards', board.id, 'participant')).json()).toEqual([]);
    expect((await api('/deleted-cards/card-1/restore', board.id, 'participant', { method: 'POST' })).status).toBe(404);
    expect((await api('/deleted-cards/card-1/restore', board.id, 'viewer', { method: 'POST' })).status).toBe(403);
  });
});

describe('history after a restart', () => {
  it('keeps versions, and exports them', async () => {
    const board = await createBoard(ctx.server.url);
    const client = ctx.client(board.id);
    await client.synced;
    seed(client.doc, 2);
    const observer = ctx.client(board.id, 'viewer');
    await waitFor('seeded', () => cardsMap(observer.doc).size === 2);
    const version = await saveVersion(board.id, 'Före omstart');
    const plan = await planOf(board.id, version.id);
    await ctx.restart();
    const list = (await (await api('/versions', board.id, 'viewer')).json()) as VersionInfo[];
    expect(list.map((v) => v.name)).toContain('Före omstart');
    expect(await planOf(board.id, version.id)).toEqual(plan);
    const docx = await api(`/export?format=docx&version=${version.id}`, board.id, 'viewer');
    expect(docx.status).toBe(200);
  });
});

describe('races and repeats', () => {
  it('runs two restores at once one after the other: the board ends as one of the versions, never a mix', async () => {
    const board = await createBoard(ctx.server.url);
    const client = ctx.client(board.id);
    await client.synced;
    const observer = ctx.client(board.id, 'viewer');
    const put = async (ids: string[]) => {
      client.doc.transact(() => {
        for (const id of [...cardsMap(client.doc).keys()]) deleteCard(client.doc, id);
        for (const id of ids) createCard(client.doc, { id, goalId: 'A1', createdBy: 'K', fields: { title: id } });
      });
      await waitFor('stored', () => [...cardsMap(observer.doc).keys()].sort().join() === ids.join());
    };
    await put(['a', 'b']);
    const one = await saveVersion(board.id, 'Ett');
    await put(['c', 'd']);
    const two = await saveVersion(board.id, 'Två');
    await put(['e']);
    const restore = (v: VersionInfo) => api(`/versions/${v.id}/restore`, board.id, 'facilitator', { method: 'POST' });
    const [first, second] = await Promise.all([restore(one), restore(two)]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const plan = await planOf(board.id);
    const ids = plan.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards.map((c) => c.id))).sort();
    expect([
      ['a', 'b'],
      ['c', 'd'],
    ]).toContainEqual(ids);
    // The two requests may reach the server in either order; the one that ran last is the one the
    // board shows, and its backup is the state the other left (2 cards), the other's the 1-card board.
    const backups = await Promise.all(
      [first, second].map(async (answer) => ((await answer.json()) as { backup: VersionInfo }).backup.cardCount),
    );
    const lastRan = ids.join() === 'a,b' ? 0 : 1;
    expect(backups[lastRan]).toBe(2);
    expect(backups[1 - lastRan]).toBe(1);
  });

  it('keeps one trash entry a card, and leaves out a deletion that was undone', async () => {
    const board = await createBoard(ctx.server.url);
    const per = ctx.client(board.id, 'participant');
    await per.synced;
    seed(per.doc, 2);
    const observer = ctx.client(board.id);
    await waitFor('seeded', () => cardsMap(observer.doc).size === 2);
    const card = readCard(per.doc, 'card-0');
    const trash = async () =>
      (await (await api('/deleted-cards', board.id, 'participant')).json()) as { cardId: string }[];
    for (let round = 0; round < 2; round++) {
      deleteCard(per.doc, 'card-0');
      await waitFor('deleted', () => !cardsMap(observer.doc).has('card-0'));
      for (let i = 0; i < 100 && (await trash()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      // "Undo": the card comes back under its id, as the page's undo brings it.
      if (card)
        createCard(per.doc, {
          id: card.id,
          goalId: card.goalId,
          createdBy: card.createdBy,
          fields: { title: card.title },
        });
      await waitFor('back', () => cardsMap(observer.doc).has('card-0'));
    }
    expect(await trash(), 'a card back on the board is not in the trash').toEqual([]);
    expect((await api('/deleted-cards/card-0/restore', board.id, 'participant', { method: 'POST' })).status).toBe(409);
    deleteCard(per.doc, 'card-0');
    await waitFor('deleted again', () => !cardsMap(observer.doc).has('card-0'));
    for (let i = 0; i < 100 && (await trash()).length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    expect((await trash()).map((d) => d.cardId)).toEqual(['card-0']);
  });
});
