/**
 * Where the canvas's time goes: the canvas-frames scenario under Chromium's CPU
 * profiler (CDP), printing the functions with the most self and total time,
 * for the load and for the pan/zoom part separately. Needs `npm run build`.
 * `node test/bench/canvas-profile.ts [out-dir]` also writes the .cpuprofile files.
 */
import { writeFileSync } from 'node:fs';
import { startE2e } from '../e2e/helpers/harness.ts';
import { benchContext, seededNsuBoard } from './browser/bench-board.ts';
import { cardsDrawn, markTime } from './browser/page-marks.ts';

const CARDS = Number(process.env.CARDS ?? 500);
const outDir = process.argv[2];

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
}

function summarise(label: string, profile: Profile, top = 30): void {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const name = (n: Node) => {
    const f = n.callFrame;
    const file = f.url.split('/').at(-1) ?? '';
    return `${f.functionName || '(anon)'} ${file}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
  };
  let sum = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    sum += dt;
    const n = byId.get(id);
    if (!n) return;
    self.set(name(n), (self.get(name(n)) ?? 0) + dt);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur) as Node);
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + dt);
    }
  });
  const print = (title: string, map: Map<string, number>) => {
    console.log(`  ${title}`);
    for (const [k, v] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top))
      console.log(`    ${v.toFixed(0).padStart(6)} ms  ${k}`);
  };
  console.log(`${label}: ${sum.toFixed(0)} ms sampled`);
  print('self', self);
  print('total', total);
}

const env = await startE2e();
try {
  const board = await seededNsuBoard(env, CARDS, 'Bench: 500 aktiviteter');
  const context = await benchContext(env, [cardsDrawn(CARDS)]);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  // Warm the cache once, as the bench's later loads do.
  await page.goto(`${env.origin}/b/${board.id}#token=${board.tokens.facilitator}`);
  await markTime(page, 'bench:cards-drawn', 120_000);
  await page.goto('about:blank');
  await cdp.send('Profiler.start');
  await page.goto(`${env.origin}/b/${board.id}#token=${board.tokens.facilitator}`);
  const drawn = await markTime(page, 'bench:cards-drawn', 120_000);
  const load = (await cdp.send('Profiler.stop')).profile as unknown as Profile;
  console.log(`navigation → cards drawn ${drawn.toFixed(0)} ms`);
  summarise('load', load);
  await page.evaluate(() => new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 5_000 })));
  await cdp.send('Profiler.start');
  const frames = await page.evaluate(async () => {
    const canvas = document.querySelector<HTMLElement>('.tl-canvas') as HTMLElement;
    const box = canvas.getBoundingClientRect();
    const at = { clientX: box.left + box.width / 2, clientY: box.top + box.height / 2 };
    const times: number[] = [];
    await new Promise<void>((resolve) => {
      let start = 0;
      let last = 0;
      const frame = (now: number) => {
        const t = now - start;
        if (last > 0) times.push(now - last);
        last = now;
        if (t > 6000) return resolve();
        const pan = t <= 3000;
        const sign = Math.floor(t / (pan ? 1000 : 500)) % 2 === 0 ? 1 : -1;
        const wheel = pan ? { deltaX: 8 * sign, deltaY: 5 * sign } : { deltaY: 6 * sign, ctrlKey: true };
        canvas.dispatchEvent(new WheelEvent('wheel', { ...at, ...wheel, bubbles: true, cancelable: true }));
        requestAnimationFrame(frame);
      };
      requestAnimationFrame((now) => {
        start = now;
        requestAnimationFrame(frame);
      });
    });
    return times;
  });
  const move = (await cdp.send('Profiler.stop')).profile as unknown as Profile;
  const sorted = [...frames].sort((a, b) => a - b);
  console.log(
    `frames n=${frames.length} p50 ${sorted[Math.floor(sorted.length / 2)]?.toFixed(1)} p95 ${sorted[Math.floor(sorted.length * 0.95)]?.toFixed(1)}`,
  );
  summarise('pan+zoom', move);
  if (outDir) {
    writeFileSync(`${outDir}/load.cpuprofile`, JSON.stringify(load));
    writeFileSync(`${outDir}/move.cpuprofile`, JSON.stringify(move));
  }
  await context.close();
} finally {
  await env.close();
}
