/**
 * How long the table view takes to render a 1,000-card board in Chromium:
 * `npx node test/bench/cards-table.ts` (needs `npm run build` first).
 *
 * Seeds an NSU 2019 board with 1,000 cards (the fixture's rows, repeated),
 * opens /b/:id/table and reads the `samtavla:table-render` measure the table
 * view records around the first render that shows the cards (render + commit
 * of every row). Prints figures only; it never fails on time.
 */

import { cardFromRow, nsuRows, seedCards } from '../e2e/cards-seed.ts';
import { startE2e } from '../e2e/helpers/harness.ts';
import { createBoard } from '../helpers/server.ts';

const CARDS = Number(process.env.CARDS ?? 1_000);
const RUNS = 5;

const env = await startE2e();
try {
  const board = await createBoard(env.origin, { title: 'Bench: 1 000 aktiviteter', templateId: 'nsu-2019' });
  const rows = nsuRows();
  const cards = Array.from({ length: CARDS }, (_, i) => ({
    ...cardFromRow(rows[i % rows.length] as (typeof rows)[number], i),
    id: `bench-${i}`,
  }));
  await seedCards(env.origin, board.id, cards);

  const context = await env.browser.newContext({ viewport: { width: 1440, height: 900 } });
  await context.addInitScript(() => localStorage.setItem('samtavla.personName', 'Bench'));
  const page = await context.newPage();
  const figures: { render: number; sinceNavigation: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`${env.origin}/b/${board.id}/table#token=${board.tokens.facilitator}`);
    await page.locator(`[data-testid="table-view"][data-card-count="${CARDS}"]`).waitFor({ timeout: 60_000 });
    const measure = await page.evaluate(() => {
      const entry = performance.getEntriesByName('samtavla:table-render', 'measure').at(-1);
      return entry ? { render: entry.duration, sinceNavigation: entry.startTime + entry.duration } : null;
    });
    if (!measure) throw new Error('the table view recorded no samtavla:table-render measure');
    figures.push(measure);
  }
  const rowsRendered = await page.locator('[data-testid="card-row"]').count();
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const renders = figures.map((f) => f.render);
  console.log(`table view, ${CARDS} cards (${rowsRendered} rows in the DOM), ${RUNS} page loads in Chromium:`);
  console.log(
    `  first render + commit: median ${median(renders).toFixed(0)} ms (min ${Math.min(...renders).toFixed(0)}, max ${Math.max(...renders).toFixed(0)})`,
  );
  console.log(`  navigation → table on screen: median ${median(figures.map((f) => f.sinceNavigation)).toFixed(0)} ms`);
  await context.close();
} finally {
  await env.close();
}
