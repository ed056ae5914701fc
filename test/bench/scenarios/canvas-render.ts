/** The canvas of a 500-card board in Chromium: load until drawn, frame times while panning and zooming (test/bench/canvas-frames.ts). */
import { fileURLToPath } from 'node:url';
import { runChildScript } from '../browser/child-script.ts';
import type { Scenario } from '../harness.ts';
import { check } from '../stats.ts';

export const canvasRender: Scenario = {
  name: 'canvas-render',
  title: 'Canvas of a 500-card board in Chromium: drawn, then panned and zoomed (npm run build first)',
  async run(context) {
    const figures = await runChildScript(fileURLToPath(new URL('../canvas-frames.ts', import.meta.url)), context);
    const frameNote = 'requestAnimationFrame deltas, headless Chromium without GPU';
    return {
      name: 'canvas-render',
      figures,
      checks: [
        check('canvas, navigation → 500 cards drawn (median of reloads)', figures.drawn ?? NaN, 'ms', '<=', 1_500),
        check('canvas, frame time p95 while panning and zooming', figures.frameP95 ?? NaN, 'ms', '<=', 20, frameNote),
      ],
    };
  },
};
