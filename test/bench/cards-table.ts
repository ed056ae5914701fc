/**
 * How long the table view takes to render a 1,000-card board in Chromium:
 * `npx node test/bench/cards-table.ts` (needs `npm run build` first).
 *
 * Seeds an NSU 2019 board with 1,000 cards (the fixture's rows, repeated) and
 * loads /b/:id/table afresh five times. Per load it reads the
 * `samtavla:table-render` measure the table view records around its first
 * render that shows cards (render + commit), and marks from the page itself:
 * the first frame drawn with the table, and the frame by which every card's
 * row is in the DOM. Prints figures only; it never fails on time.
 */

import { startE2e } from '../e2e/helpers/harness.ts';
import { benchContext, seededNsuBoard } from './browser/bench-board.ts';
import { printResult } from './browser/child-script.ts';
import { markTime } from './browser/page-marks.ts';

const CARDS = Number(process.env.CARDS ?? 1_000);
const RUNS = 5;

const env = await startE2e();
try {
  const board = await seededNsuBoard(env, CARDS, 'Bench: 1 000 aktiviteter');

  const context = await benchContext(env, [
    { name: 'bench:table-drawn', selector: `[data-testid="table-view"][data-card-count="${CARDS}"]`, count: 1 },
    { name: 'bench:rows-complete', selector: '[data-testid="card-row"]', count: CARDS },
  ]);
  const page = await context.newPage();
  const runs: { render: number; committed: number; drawn: number; complete: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    // A page of its own each time: going to the same URL again would only change the fragment.
    await page.goto('about:blank');
    await page.goto(`${env.origin}/b/${board.id}/table#token=${board.tokens.facilitator}`);
    const drawn = await markTime(page, 'bench:table-drawn');
    const complete = await markTime(page, 'bench:rows-complete', 300_000);
    const measure = await page.evaluate(() => {
      const entry = performance.getEntriesByName('samtavla:table-render', 'measure').at(-1);
      return entry ? { render: entry.duration, committed: entry.startTime + entry.duration } : null;
    });
    if (!measure) throw new Error('the table view recorded no samtavla:table-render measure');
    runs.push({ ...measure, drawn, complete });
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const of = (key: keyof (typeof runs)[number]) => median(runs.map((r) => r[key]));
  const renders = runs.map((f) => f.render);
  console.log(`table view, ${CARDS} cards, ${RUNS} page loads in Chromium (medians):`);
  console.log(
    `  first render + commit: median ${of('render').toFixed(0)} ms (min ${Math.min(...renders).toFixed(0)}, max ${Math.max(...renders).toFixed(0)})`,
  );
  console.log(`  navigation → first render committed: ${of('committed').toFixed(0)} ms`);
  console.log(`  navigation → first frame drawn with the table: ${of('drawn').toFixed(0)} ms`);
  console.log(`  navigation → all ${CARDS} rows in the DOM: ${of('complete').toFixed(0)} ms`);
  printResult({
    firstRender: of('render'),
    committed: of('committed'),
    drawn: of('drawn'),
    rowsComplete: of('complete'),
  });
  await context.close();
} finally {
  await env.close();
}
