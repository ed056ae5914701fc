/** Export of a 5,000-card board per format, run by test/bench/export.ts in its own process and read back. */
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { Scenario } from '../harness.ts';
import { check } from '../stats.ts';

const TARGETS: Record<string, number> = { json: 0.5, xlsx: 2, docx: 3 };

export const exports: Scenario = {
  name: 'exports',
  title: 'Plan export of a 5,000-card board (mapping + writing, as the export worker runs it)',
  async run(context) {
    const script = fileURLToPath(new URL('../export.ts', import.meta.url));
    const runs = context.quick ? '1' : '3';
    const { stdout } = await promisify(execFile)(process.execPath, [script, '5000', runs, ...Object.keys(TARGETS)], {
      maxBuffer: 1 << 20,
    });
    const figures: Record<string, number> = {};
    for (const line of stdout.split('\n')) {
      const match = /^export (\w+)\s+([\d.]+) s/.exec(line);
      if (match?.[1] && match[2]) figures[match[1]] = Number(match[2]);
      if (line.trim()) context.log(`  ${line}`);
    }
    const note = 'time is spent inside exceljs/docx; runs in a worker thread, so rooms are not stalled';
    const checks = Object.entries(TARGETS).map(([format, limit]) =>
      check(
        `export ${format}, 5,000 cards`,
        (figures[format] ?? Number.NaN) * 1000,
        'ms',
        '<=',
        limit * 1000,
        format === 'json' ? undefined : note,
      ),
    );
    return { name: 'exports', figures: { seconds: figures }, checks };
  },
};
