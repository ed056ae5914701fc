/**
 * GET /api/boards/:id/template loads the board's whole state into the state
 * worker every room shares: one board's reads run one at a time with a
 * bounded queue, so a viewer link sending many at once is refused with 429
 * instead of queueing unbounded work there (as exports are).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { storeNewBoard } from '../../server/boards/board-docs.ts';
import type { RunningServer } from '../../server/start.ts';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { getTemplate } from '../../shared/template.ts';
import { bearer, rememberBoard, removeDir, startTestServer, tempDataDir } from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
let boardId: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  // A full board: its state takes long enough to load that the requests below all arrive meanwhile.
  const doc = new Y.Doc();
  const template = getTemplate('hsvo-2024-2026');
  initBoardDoc(doc, {
    title: 'Stor plan',
    templateId: 'hsvo-2024-2026',
    templateVersion: '1.0.0',
    createdAt: '2025-01-01',
    template,
  });
  for (let i = 0; i < 2_000; i++) {
    createCard(doc, {
      goalId: 'A1',
      createdBy: 't',
      fields: { title: `Aktivitet ${i}`, activity: 'Text som fyller kortet. '.repeat(40), indicator: 'Antal\nAndel' },
    });
  }
  boardId = rememberBoard(await storeNewBoard(server.store, doc)).id;
  doc.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

describe("a board's template read many times at once", () => {
  it('answers the reads it queues with the template and refuses the rest with 429, Retry-After and an error', async () => {
    const responses = await Promise.all(
      Array.from({ length: 10 }, () =>
        fetch(`${server.url}/api/boards/${boardId}/template`, { headers: bearer(boardId, 'viewer') }),
      ),
    );
    const ok = responses.filter((response) => response.status === 200);
    const refused = responses.filter((response) => response.status === 429);
    expect(ok.length + refused.length).toBe(10);
    expect(ok.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const response of ok) expect(((await response.json()) as { id: string }).id).toBe('hsvo-2024-2026');
    for (const response of refused) {
      expect(Number(response.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(((await response.json()) as { error: string }).error).toMatch(/being read already/);
    }
  });
});
