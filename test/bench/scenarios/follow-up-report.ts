/** The follow-up report of a 2,000-card board in two rounds, per format, run by test/bench/follow-up-report.ts in its own process. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Scenario } from '../harness.ts';
import { check } from '../stats.ts';

const TARGET_SECONDS = 1;

export const followUpReport: Scenario = {
  name: 'follow-up-report',
  title:
    'Follow-up report of a 2,000-card board in two rounds (mapping + report + writing, as the report worker runs it), and the roll-up of 9 boards × 300 cards',
  async run(context) {
    const script = fileURLToPath(new URL('../follow-up-report.ts', import.meta.url));
    const runs = context.quick ? '1' : '3';
    const { stdout } = await promisify(execFile)(process.execPath, [script, '2000', runs], { maxBuffer: 1 << 20 });
    const figures: Record<string, number> = {};
    for (const line of stdout.split('\n')) {
      const match = /^report (\w+)\s+([\d.]+) s/.exec(line);
      if (match?.[1] && match[2]) figures[match[1]] = Number(match[2]);
      if (line.trim()) context.log(`  ${line}`);
    }
    const checks = ['docx', 'md', 'xlsx', 'json'].map((format) =>
      check(`report ${format}, 2,000 cards`, (figures[format] ?? Number.NaN) * 1000, 'ms', '<=', TARGET_SECONDS * 1000),
    );
    for (const [key, format] of [
      ['rollup', 'json'],
      ['rollupxlsx', 'xlsx'],
      ['rollupdocx', 'docx'],
    ] as const) {
      const label = `roll-up ${format}, 9 boards × 300 cards`;
      checks.push(check(label, (figures[key] ?? Number.NaN) * 1000, 'ms', '<=', TARGET_SECONDS * 1000));
    }
    return { name: 'follow-up-report', figures: { seconds: figures }, checks };
  },
};
