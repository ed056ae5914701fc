/**
 * How the canvas copes with a 500-card board in Chromium:
 * `npx node test/bench/canvas-frames.ts` (needs `npm run build` first).
 *
 * Seeds an NSU 2019 board with 500 cards through the server (the fixture's
 * rows, repeated; no canvas shapes yet, as after an import) and opens the
 * board: every load lays the cards out from the document (nothing of the
 * layout is stored), the first with a cold browser cache. Per load it times
 * navigation → the first frame drawn after all 500 cards are on the page and
 * every card on screen shows its face (an off-screen card is hidden by tldraw
 * and drawn as a stand-in, see client/canvas/card/card-culling.ts). Then it pans and zooms for a few seconds with wheel
 * events, as a mouse or touchpad does (tldraw pans on wheel and zooms on
 * Ctrl+wheel), one per frame, and records the frame times from
 * requestAnimationFrame. Prints figures only; it never fails on time.
 */

import { startE2e } from '../e2e/helpers/harness.ts';
import { benchContext, seededNsuBoard } from './browser/bench-board.ts';
import { printResult } from './browser/child-script.ts';
import { cardsDrawn, markTime } from './browser/page-marks.ts';
import { distribution } from './stats.ts';

const CARDS = Number(process.env.CARDS ?? 500);
const RELOADS = 3;
const PAN_MS = 3_000;
const ZOOM_MS = 3_000;

const env = await startE2e();
try {
  const board = await seededNsuBoard(env, CARDS, 'Bench: 500 aktiviteter');

  const context = await benchContext(env, [cardsDrawn(CARDS)]);
  const page = await context.newPage();
  const loads: number[] = [];
  for (let load = 0; load <= RELOADS; load++) {
    // A page of its own each time: going to the same URL again would only change the fragment.
    await page.goto('about:blank');
    await page.goto(`${env.origin}/b/${board.id}#token=${board.tokens.facilitator}`);
    loads.push(await markTime(page, 'bench:cards-drawn', 120_000));
  }
  const [firstOpen = Number.NaN, ...reloads] = loads;
  // Pan and zoom once the page has settled: its first idle moment after the cards are drawn.
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 })));

  const frames = await page.evaluate(
    async ({ panMs, zoomMs }) => {
      const canvas = document.querySelector<HTMLElement>('.tl-canvas');
      const layer = document.querySelector<HTMLElement>('.tl-html-layer');
      if (!canvas || !layer) throw new Error('no tldraw canvas on the page');
      const box = canvas.getBoundingClientRect();
      const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
      const before = layer.style.transform;
      const pan: number[] = [];
      const zoom: number[] = [];
      await new Promise<void>((resolve) => {
        let start = 0;
        let last = 0;
        const frame = (now: number) => {
          const t = now - start;
          if (last > 0) (t <= panMs ? pan : zoom).push(now - last);
          last = now;
          if (t > panMs + zoomMs) return resolve();
          // Back and forth, so the view stays over the cards: a second each way panning, half a second zooming.
          const sign = Math.floor(t / (t <= panMs ? 1000 : 500)) % 2 === 0 ? 1 : -1;
          const wheel = t <= panMs ? { deltaX: 8 * sign, deltaY: 5 * sign } : { deltaY: 6 * sign, ctrlKey: true };
          canvas.dispatchEvent(new WheelEvent('wheel', { ...at, ...wheel, bubbles: true, cancelable: true }));
          requestAnimationFrame(frame);
        };
        requestAnimationFrame((now) => {
          start = now;
          requestAnimationFrame(frame);
        });
      });
      if (layer.style.transform === before) throw new Error('the camera did not move: tldraw ignored the wheel');
      return { pan, zoom };
    },
    { panMs: PAN_MS, zoomMs: ZOOM_MS },
  );

  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
  const pan = distribution(Float64Array.from(frames.pan));
  const zoom = distribution(Float64Array.from(frames.zoom));
  const both = distribution(Float64Array.from([...frames.pan, ...frames.zoom]));
  const f = (value: number) => value.toFixed(1);
  console.log(`canvas, ${CARDS} cards, Chromium (headless, software rendering):`);
  console.log(`  first open (cold cache): navigation → ${CARDS} cards drawn ${firstOpen.toFixed(0)} ms`);
  console.log(`  later loads: navigation → cards drawn median ${median(reloads).toFixed(0)} ms (${RELOADS} loads)`);
  console.log(
    `  panning ${PAN_MS / 1000} s: frame p50 ${f(pan.p50)} ms, p95 ${f(pan.p95)} ms, max ${f(pan.max)} ms (n=${pan.count})`,
  );
  console.log(
    `  zooming ${ZOOM_MS / 1000} s: frame p50 ${f(zoom.p50)} ms, p95 ${f(zoom.p95)} ms, max ${f(zoom.max)} ms (n=${zoom.count})`,
  );
  printResult({
    firstOpenDrawn: firstOpen,
    drawn: median(reloads),
    frameP50: both.p50,
    frameP95: both.p95,
    panP95: pan.p95,
    zoomP95: zoom.p95,
  });
  await context.close();
} finally {
  await env.close();
}
