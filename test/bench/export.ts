/**
 * Export/import timing on a large board: `npx node test/bench/export.ts [cards] [runs] [format…]`
 *
 * Builds a board of 5,000 cards (realistic field lengths, multi-line
 * indicators, follow-ups on a third of them), then times docToPlan, each
 * writer and each importer. Prints figures with the targets beside them;
 * it asserts nothing.
 */
import { loadavg } from 'node:os';
import * as Y from 'yjs';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { createCard, setFollowUp } from '../../shared/card.ts';
import {
  docToPlan,
  EXPORT_FORMATS,
  importPlan,
  type PlanFormat,
  planToDoc,
  writePlan,
} from '../../shared/plan/index.ts';
import { getTemplate, type Template, templateGoals } from '../../shared/template.ts';

const CARDS = Number(process.argv[2] ?? 5_000);
const RUNS = Number(process.argv[3] ?? 3);
const ONLY = new Set(process.argv.slice(4));
const wanted = (format: string) => ONLY.size === 0 || ONLY.has(format);
const TARGET_SECONDS: Partial<Record<PlanFormat, number>> = { json: 0.5, xlsx: 2, docx: 3 };

const found = getTemplate('hsvo-2024-2026');
if (!found) throw new Error('template hsvo-2024-2026 missing');
const template: Template = found;

function buildBoard(count: number): Y.Doc {
  const doc = new Y.Doc();
  initBoardDoc(doc, {
    title: 'Samverkansplan Bänk 2025',
    templateId: template.id,
    templateVersion: template.version,
    createdAt: '2025-01-01T08:00:00.000Z',
  });
  const goals = templateGoals(template);
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      const goal = goals[i % goals.length]?.goal.id ?? null;
      const id = createCard(doc, {
        id: `card-${i}`,
        goalId: i % 50 === 49 ? null : goal,
        order: i,
        createdBy: `Deltagare ${i % 17}`,
        createdAt: new Date(Date.UTC(2025, 0, 1, 8, 0, i % 3600)).toISOString(),
        status: i % 3 === 0 ? 'agreed' : 'draft',
        fields: {
          title: `Aktivitet ${i}`,
          priorityArea: `Prioriterat område ${i % 40}: samordnad individuell plan för personer med komplexa behov`,
          activity: `Genomföra aktivitet ${i} tillsammans med berörda verksamheter; "pilot" i två kommuner.\nUtvärdera och sprida arbetssättet i länet.`,
          indicator: 'Genomfört (Ja/Nej)\nAntal deltagande enheter\nAndel personer med SIP (procent)',
          responsible: `Ledningsgrupp ${i % 9}`,
          targetGroup: i % 2 ? 'Äldre' : 'Barn och unga\nUnga personer (19–29 år)',
          period: '2025',
        },
        parties: ['region-uppsala', i % 2 ? 'heby' : 'tierp'],
      });
      if (i % 3 === 0) {
        setFollowUp(doc, id, '2025', {
          status: 'ongoing',
          comment: 'Arbetet pågår enligt plan; två av fyra enheter är klara.',
          effect: 'Kortare väntetider',
          updatedAt: '2025-06-01T12:00:00.000Z',
          updatedBy: 'Samordnare',
        });
      }
    }
  });
  return doc;
}

const cpuSeconds = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

/** Wall-clock and CPU seconds of one run; CPU time is the steadier figure on a shared machine. */
async function time<T>(run: () => Promise<T> | T): Promise<{ seconds: number; cpu: number; value: T }> {
  const start = performance.now();
  const startCpu = cpuSeconds();
  const value = await run();
  return { seconds: (performance.now() - start) / 1000, cpu: cpuSeconds() - startCpu, value };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const size = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

/** Runs `run` RUNS times and prints the median wall and CPU seconds. */
async function measure<T>(label: string, run: () => Promise<T> | T, note: (value: T) => string = () => ''): Promise<T> {
  const results = [];
  for (let r = 0; r < RUNS; r++) results.push(await time(run));
  const wall = median(results.map((result) => result.seconds));
  const cpu = median(results.map((result) => result.cpu));
  console.log(
    `${label.padEnd(14)} ${wall.toFixed(3).padStart(7)} s  (cpu ${cpu.toFixed(3)} s)  ${note(results[0]?.value as T)}`,
  );
  return results[0]?.value as T;
}

const toBytes = (body: Uint8Array | string) => (typeof body === 'string' ? new TextEncoder().encode(body) : body);

console.log(
  `Plan export bench: ${CARDS} cards, median of ${RUNS} runs, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
);
const built = await time(() => buildBoard(CARDS));
console.log(`${'build board'.padEnd(14)} ${built.seconds.toFixed(3).padStart(7)} s`);
const doc = built.value;
const plan = await measure('docToPlan', () => docToPlan(doc, template));

const files = new Map<PlanFormat, Uint8Array>();
for (const format of EXPORT_FORMATS.filter(wanted)) {
  const target = TARGET_SECONDS[format];
  // Timed from the board, as the export endpoint runs it: mapping plus writing.
  const bytes = await measure(
    `export ${format}`,
    async () => toBytes((await writePlan(docToPlan(doc, template), format)).body),
    (body) => `${size(body.length)}${target ? `, target ≤ ${target} s` : ''}`,
  );
  files.set(format, bytes);
}

for (const format of ['json', 'csv', 'xlsx'] as const) {
  const bytes = files.get(format);
  if (bytes)
    await measure(`import ${format}`, () => importPlan(bytes, `bench.${format}`, { template, maxCards: CARDS }));
}
await measure('planToDoc', () => planToDoc(plan, template));
