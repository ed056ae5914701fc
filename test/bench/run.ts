/**
 * `npm run bench [-- --quick] [-- --scenario latency --scenario memory] [-- --cpu-prof]`
 *
 * Runs the scenarios against a real server child process with real y-websocket
 * clients over loopback, prints figures with their targets and a verdict per
 * target, and writes everything to bench/results/latest.json. It never fails
 * on a missed target: the figures are the result.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Scenario, ScenarioContext, ScenarioResult } from './harness.ts';
import { admission } from './scenarios/admission.ts';
import { awareness } from './scenarios/awareness.ts';
import { boards } from './scenarios/boards.ts';
import { bundle } from './scenarios/bundle.ts';
import { canvasRender } from './scenarios/canvas-render.ts';
import { coldLoad } from './scenarios/cold-load.ts';
import { echo } from './scenarios/echo.ts';
import { exports } from './scenarios/exports.ts';
import { followUpReport } from './scenarios/follow-up-report.ts';
import { history } from './scenarios/history.ts';
import { latency } from './scenarios/latency.ts';
import { memory } from './scenarios/memory.ts';
import { scaleOut } from './scenarios/scale-out.ts';
import { scaling } from './scenarios/scaling.ts';
import { tableRender } from './scenarios/table-render.ts';
import { throughput } from './scenarios/throughput.ts';
import { describeCheck } from './stats.ts';

const SCENARIOS: Scenario[] = [
  echo,
  latency,
  scaling,
  throughput,
  awareness,
  coldLoad,
  memory,
  history,
  boards,
  admission,
  exports,
  followUpReport,
  bundle,
  tableRender,
  canvasRender,
  scaleOut,
];

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    scenario: { type: 'string', short: 's', multiple: true },
    'cpu-prof': { type: 'boolean', default: false },
    out: { type: 'string' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});

if (values.help) {
  console.log(`npm run bench -- [--quick] [--scenario <name>]... [--cpu-prof] [--out <file>]
scenarios: ${SCENARIOS.map((s) => s.name).join(', ')} (echo always runs: it is the latency floor)`);
  process.exit(0);
}

const root = fileURLToPath(new URL('../../', import.meta.url));
const resultsDir = join(root, 'bench', 'results');
const wanted = new Set(values.scenario ?? []);
const unknown = [...wanted].filter((name) => !SCENARIOS.some((s) => s.name === name));
if (unknown.length > 0) {
  console.error(`unknown scenario ${unknown.join(', ')}; known: ${SCENARIOS.map((s) => s.name).join(', ')}`);
  process.exit(2);
}
const selected = SCENARIOS.filter((s) => s.name === 'echo' || wanted.size === 0 || wanted.has(s.name));

/** The 1-minute load average: the bench shares the machine with whatever else runs, and says so. */
const loadAverage = () => loadavg()[0]?.toFixed(1) ?? '?';

const started = Date.now();
const results: ScenarioResult[] = [];
console.log(
  `Samtavla bench${values.quick ? ' (quick)' : ''}: Node ${process.version}, ${cpus().length} CPUs ` +
    `(${cpus()[0]?.model ?? 'unknown'}), ${Math.round(totalmem() / 1024 ** 3)} GB, load average ${loadAverage()}`,
);
if ((loadavg()[0] ?? 0) > cpus().length) {
  console.log('  note: other processes are using this machine; every figure below shares its cores with them');
}
const context: ScenarioContext = { quick: values.quick ?? false, log: (line) => console.log(line) };
for (const scenario of selected) {
  console.log(`\n▶ ${scenario.title}`);
  const scenarioStarted = Date.now();
  if (values['cpu-prof']) {
    context.cpuProfDir = join(resultsDir, 'profiles', scenario.name);
    mkdirSync(context.cpuProfDir, { recursive: true });
  }
  try {
    results.push(await scenario.run(context));
  } catch (error) {
    console.log(
      `  FAILED to run: ${(error as Error).stack ?? error}${(error as Error).cause ? ` (cause: ${(error as Error).cause})` : ''}`,
    );
    results.push({ name: scenario.name, figures: { error: (error as Error).message }, checks: [] });
  }
  console.log(`  (${((Date.now() - scenarioStarted) / 1000).toFixed(0)} s, load average ${loadAverage()})`);
}

console.log('\nVerdicts');
for (const result of results) for (const c of result.checks) console.log(`  ${describeCheck(c)}`);
const checks = results.flatMap((r) => r.checks);
console.log(
  `\n${checks.filter((c) => c.pass).length} of ${checks.length} targets met in ${((Date.now() - started) / 1000).toFixed(0)} s`,
);

mkdirSync(resultsDir, { recursive: true });
const out = values.out ?? join(resultsDir, 'latest.json');
writeFileSync(
  out,
  `${JSON.stringify(
    {
      date: new Date(started).toISOString(),
      node: process.version,
      cpus: cpus().length,
      cpuModel: cpus()[0]?.model,
      quick: context.quick,
      loadAverageAtEnd: loadavg(),
      durationSeconds: Math.round((Date.now() - started) / 1000),
      results,
    },
    null,
    2,
  )}\n`,
);
console.log(`results: ${out}`);
// Worker threads and sockets are closed by the scenarios; exit explicitly in case a provider timer lingers.
process.exit(0);
