/**
 * Exports and imports of one board cannot delay another's (server/plans/plan-pool.ts):
 * a pool of at least two threads, one job at a time per board with a bounded
 * queue (429 + Retry-After), and a time limit per job (503, the worker replaced).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storeNewBoard } from '../../server/boards/board-docs.ts';
import type { RunningServer } from '../../server/start.ts';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { rememberBoard, removeDir, startTestServer, tempDataDir, withToken } from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
let large: string;
let small: string;

/** A board stored directly, with `cards` cards of some text each (a full board makes a slow Word export). */
async function storedBoard(target: RunningServer, title: string, cards: number): Promise<string> {
  const doc = new Y.Doc();
  initBoardDoc(doc, { title, templateId: 'hsvo-2024-2026', templateVersion: '1.0.0', createdAt: '2025-01-01' });
  for (let i = 0; i < cards; i++) {
    createCard(doc, {
      goalId: 'A1',
      createdBy: 't',
      fields: { title: `Aktivitet ${i}`, activity: 'Text som fyller kortet. '.repeat(40), indicator: 'Antal\nAndel' },
    });
  }
  const board = rememberBoard(await storeNewBoard(target.store, doc));
  doc.destroy();
  return board.id;
}

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  large = await storedBoard(server, 'Stor plan', 2_000);
  small = await storedBoard(server, 'Liten plan', 2);
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const exportOf = (target: RunningServer, boardId: string, format = 'docx') =>
  fetch(withToken(`${target.url}/api/boards/${boardId}/export?format=${format}`, boardId));

describe('plan jobs of different boards', () => {
  it("finishes a small board's export while a large board's Word export is still running", async () => {
    const finished: string[] = [];
    const job = (name: string, boardId: string) =>
      exportOf(server, boardId).then(async (response) => {
        await response.arrayBuffer();
        finished.push(name);
        return response.status;
      });
    const slow = job('large', large);
    // The large job first, then the small one, as two people would click.
    await new Promise((resolve) => setTimeout(resolve, 50));
    const quick = job('small', small);
    expect(await Promise.all([slow, quick])).toEqual([200, 200]);
    expect(finished).toEqual(['small', 'large']);
  });
});

describe('plan jobs of one board', () => {
  it('queues its jobs and refuses past the queue with 429, Retry-After and a JSON error', async () => {
    // One running and four waiting are accepted; the rest are refused at once.
    const responses = await Promise.all(Array.from({ length: 7 }, () => exportOf(server, large)));
    const statuses = responses.map((response) => response.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(5);
    const refused = responses.filter((response) => response.status === 429);
    expect(refused).toHaveLength(2);
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await response.json()) as { error: string }).error).toMatch(/exports under way/);
    }
    await Promise.all(responses.filter((r) => r.status === 200).map((r) => r.arrayBuffer()));
  });

  it('stops a job past the time limit with 503 and a clear error', async () => {
    const limitedDir = tempDataDir();
    const limited = await startTestServer({ dataDir: limitedDir, planJobTimeoutMs: 1 });
    try {
      const board = await storedBoard(limited, 'Stor plan', 2_000);
      const response = await exportOf(limited, board);
      expect(response.status).toBe(503);
      expect(((await response.json()) as { error: string }).error).toMatch(/the export took too long/);
    } finally {
      await limited.close();
      removeDir(limitedDir);
    }
  });
});
