/** Client time to render the table view of a 1,000-card board in Chromium (test/bench/cards-table.ts, read back). */
import { fileURLToPath } from 'node:url';
import { runChildScript } from '../browser/child-script.ts';
import type { Scenario } from '../harness.ts';
import { check } from '../stats.ts';

export const tableRender: Scenario = {
  name: 'table-render',
  title: 'Table view of a 1,000-card board in Chromium (npm run build first)',
  async run(context) {
    const figures = await runChildScript(fileURLToPath(new URL('../cards-table.ts', import.meta.url)), context);
    return {
      name: 'table-render',
      figures,
      checks: [
        check('table view, first render + commit of 1,000 cards (median)', figures.firstRender ?? NaN, 'ms', '<=', 400),
      ],
    };
  },
};
