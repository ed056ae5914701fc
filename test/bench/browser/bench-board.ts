/**
 * What the browser benches start from: an NSU 2019 board seeded through the
 * server with `count` cards (the fixture's real rows, repeated; no canvas
 * shapes, as after an import), and a 1440 × 900 browser context whose pages
 * record the given frame marks (page-marks.ts).
 */
import type { BrowserContext } from 'playwright-core';
import type { CreatedBoard } from '../../../shared/api.ts';
import { cardFromRow, nsuRows, seedCards } from '../../e2e/cards-seed.ts';
import type { E2eEnv } from '../../e2e/helpers/harness.ts';
import { createBoard } from '../../helpers/server.ts';
import { type FrameMark, markFrames } from './page-marks.ts';

export async function seededNsuBoard(env: E2eEnv, count: number, title: string): Promise<CreatedBoard> {
  const board = await createBoard(env.origin, { title, templateId: 'nsu-2019' });
  const rows = nsuRows();
  const cards = Array.from({ length: count }, (_, i) => ({
    ...cardFromRow(rows[i % rows.length] as (typeof rows)[number], i),
    id: `bench-${i}`,
  }));
  await seedCards(env.origin, board.id, cards);
  return board;
}

export async function benchContext(env: E2eEnv, marks: FrameMark[]): Promise<BrowserContext> {
  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('samtavla.personName', 'Bench'));
  await markFrames(context, marks);
  return context;
}
