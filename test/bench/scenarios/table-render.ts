/** Client time to render the table view of a 1,000-card board in Chromium (test/bench/cards-table.ts, read back). */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Scenario } from '../harness.ts';

export const tableRender: Scenario = {
  name: 'table-render',
  title: 'Table view of a 1,000-card board in Chromium (npm run build first)',
  async run(context) {
    const script = fileURLToPath(new URL('../cards-table.ts', import.meta.url));
    const { stdout } = await promisify(execFile)(process.execPath, [script], { maxBuffer: 1 << 20, timeout: 300_000 });
    const figures: Record<string, number> = {};
    for (const line of stdout.split('\n')) {
      if (line.trim()) context.log(`  ${line.trim()}`);
      const median = /^\s*(.+?): median (\d+) ms/.exec(line);
      if (median?.[1] && median[2]) figures[median[1]] = Number(median[2]);
    }
    return { name: 'table-render', figures, checks: [] };
  },
};
