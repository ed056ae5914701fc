/** A restore is one update: a server killed with SIGKILL during it leaves the old state or the new, never a mix. */
import { afterEach, describe, expect, it } from 'vitest';
import { cardsMap } from '../../shared/board-doc.ts';
import { createCard, setCardText } from '../../shared/card.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { prng, seedFor } from '../helpers/random.ts';
import {
  bearer,
  connectClient,
  createBoard,
  removeDir,
  type TestClient,
  tempDataDir,
  waitFor,
} from '../helpers/server.ts';
import { type ChildServer, freePort, sleep, startChildServer } from './reliability-support.ts';

const CARDS = 40;
let server: ChildServer | undefined;
let dataDir: string | undefined;
const clients: TestClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.destroy();
  server?.child.kill('SIGKILL');
  await server?.exited;
  if (dataDir) removeDir(dataDir);
});

const titles = (plan: PlanData): string[] =>
  plan.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards.map((c) => c.title))).sort();

describe('a restore interrupted by SIGKILL', () => {
  it('leaves either the state before it or the restored version, whole', async () => {
    const seed = seedFor('restore kill', 20_261_201);
    const random = prng(seed);
    dataDir = tempDataDir();
    const port = await freePort();
    server = await startChildServer(dataDir, port);
    const board = await createBoard(server.url);
    const api = (path: string, init: RequestInit = {}) =>
      fetch(`${server?.url}/api/boards/${board.id}${path}`, {
        ...init,
        headers: { ...bearer(board.id), 'content-type': 'application/json' },
      });
    const planNow = async () => (await (await api('/export?format=json')).json()) as PlanData;

    let writer = connectClient(server.url, board.id);
    clients.push(writer);
    await writer.synced;
    writer.doc.transact(() => {
      for (let i = 0; i < CARDS; i++) {
        createCard(writer.doc, { id: `c${i}`, goalId: 'A1', createdBy: 'K', fields: { title: `Version ${i}` } });
      }
    });
    const version = (await (await api('/versions', { method: 'POST', body: '{"name":"Utgångsläge"}' })).json()) as {
      id: string;
    };
    const versionTitles = titles(await planNow());

    for (let round = 0; round < 2; round++) {
      // Change every card, and wait until it is stored (relayed back to a second client).
      const stamp = `Ändrad ${round}`;
      writer.doc.transact(() => {
        for (let i = 0; i < CARDS; i++) setCardText(writer.doc, `c${i}`, 'title', `${stamp} ${i}`);
      });
      const observer = connectClient(server.url, board.id);
      clients.push(observer);
      await waitFor(
        'changes stored',
        () => cardsMap(observer.doc).get('c0')?.get('title')?.toString() === `${stamp} 0`,
      );
      const changedTitles = titles(await planNow());

      void api(`/versions/${version.id}/restore`, { method: 'POST' }).catch(() => {});
      await sleep(random() * 40);
      server.child.kill('SIGKILL');
      await server.exited;
      server = await startChildServer(dataDir, port);

      const after = titles(await planNow());
      expect([versionTitles, changedTitles], `seed ${seed}, round ${round}: all or nothing`).toContainEqual(after);
      for (const c of clients.splice(0)) c.destroy();
      writer = connectClient(server.url, board.id);
      clients.push(writer);
      await writer.synced;
    }
  }, 60_000);
});
