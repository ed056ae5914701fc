/**
 * The Chromium benches run as child scripts (their own process, with the e2e
 * harness's in-process server), print their figures as lines for people and
 * end with one `RESULT {json}` line that the scenario reads back.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { ScenarioContext } from '../harness.ts';

const MARK = 'RESULT ';

/** Prints the result line a scenario reads back (the last line of the script's output). */
export function printResult(figures: Record<string, number>): void {
  console.log(`${MARK}${JSON.stringify(figures)}`);
}

/** Runs a bench script with this Node, echoes its figure lines into the report and returns its result. */
export async function runChildScript(script: string, context: ScenarioContext): Promise<Record<string, number>> {
  const { stdout } = await promisify(execFile)(process.execPath, [script], { maxBuffer: 1 << 20, timeout: 900_000 });
  let result: Record<string, number> | undefined;
  for (const line of stdout.split('\n')) {
    if (line.startsWith(MARK)) result = JSON.parse(line.slice(MARK.length)) as Record<string, number>;
    else if (line.trim()) context.log(`  ${line.trim()}`);
  }
  if (!result) throw new Error(`${script} printed no result line`);
  return result;
}
