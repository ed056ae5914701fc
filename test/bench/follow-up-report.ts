/**
 * Follow-up report timing: `node test/bench/follow-up-report.ts [cards] [runs]`
 *
 * Builds a board of 2,000 cards with two follow-up rounds (every card has a
 * status, a third a comment and an effect, indicator values in both rounds,
 * a round comment per place), then times each report format from the board
 * as the report worker runs it: the plan mapping, the report, the writer and,
 * for Word, the PNG charts. A first run per format warms the writer up and is
 * shown apart. Then the roll-up of 9 such boards of 300 cards. Prints figures; it asserts nothing.
 */
import { loadavg } from 'node:os';
import * as Y from 'yjs';
import { reportCharts, rollupCharts } from '../../server/plans/chart-png.ts';
import { initBoardDoc } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { FOLLOW_UP_STATUSES } from '../../shared/card-schema.ts';
import { setFollowUpStatus, setFollowUpText, setIndicatorValue } from '../../shared/follow-up/follow-up-entry.ts';
import { setCurrentRound, setRoundComment, startRound } from '../../shared/follow-up/rounds.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { type Rollup, rollUp } from '../../shared/plan/rollup.ts';
import type { PlanData } from '../../shared/plan/schema.ts';
import { REPORT_FORMATS, writeReport } from '../../shared/report/index.ts';
import { writeRollupDocx } from '../../shared/report/write-rollup-docx.ts';
import { writeRollupXlsx } from '../../shared/report/write-rollup-xlsx.ts';
import { getTemplate, type Template, templateGoals } from '../../shared/template.ts';

const CARDS = Number(process.argv[2] ?? 2_000);
const RUNS = Number(process.argv[3] ?? 3);
const REPORT_TARGET_SECONDS = 1;
const ROUNDS = ['Uppföljning 2024', 'Uppföljning 2025'];

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
  const places = template.focusAreas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]);
  doc.transact(() => {
    for (let i = 0; i < count; i++) {
      createCard(doc, {
        id: `card-${i}`,
        goalId: goals[i % goals.length]?.goal.id ?? null,
        order: i,
        createdBy: 'Deltagare',
        fields: {
          title: `Aktivitet ${i}`,
          activity: `Genomföra aktivitet ${i} tillsammans med berörda verksamheter.`,
          indicator: 'Genomfört (Ja/Nej)\nAntal deltagande enheter\nAndel personer med SIP (procent)',
        },
      });
    }
  });
  ROUNDS.forEach((label, r) => {
    startRound(doc, { label, date: null, startedAt: `202${4 + r}-06-01T10:00:00.000Z`, startedBy: 'Bänk' }, places);
    doc.transact(() => {
      for (let i = 0; i < count; i++) {
        const id = `card-${i}`;
        setFollowUpStatus(doc, id, label, FOLLOW_UP_STATUSES[(i + r) % FOLLOW_UP_STATUSES.length] ?? 'ongoing', 'Bänk');
        if (i % 3 === 0) {
          setFollowUpText(
            doc,
            id,
            label,
            'comment',
            'Arbetet pågår enligt plan; två av fyra enheter är klara.',
            'Bänk',
          );
          setFollowUpText(doc, id, label, 'effect', 'Kortare väntetider', 'Bänk');
        }
        setIndicatorValue(doc, id, label, 'Genomfört (Ja/Nej)', i % 2 === 0, 'Bänk');
        setIndicatorValue(doc, id, label, 'Antal deltagande enheter', i % 7, 'Bänk');
      }
      for (const place of places) setRoundComment(doc, label, place, `Kommentar om ${place} i ${label}.`);
    });
  });
  setCurrentRound(doc, ROUNDS[1] ?? null);
  return doc;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

console.log(
  `Follow-up report bench: ${CARDS} cards, 2 rounds, median of ${RUNS} runs, Node ${process.version}, load ${loadavg()[0]?.toFixed(1)}`,
);
const doc = buildBoard(CARDS);
for (const format of REPORT_FORMATS) {
  const seconds: number[] = [];
  let bytes = 0;
  // The first run loads docx or exceljs (the pool keeps a warm worker for a minute): shown apart, not in the median.
  const coldStart = performance.now();
  await writeReport(docToPlan(doc, template), format, { charts: (report) => reportCharts(report) });
  const cold = (performance.now() - coldStart) / 1000;
  for (let r = 0; r < RUNS; r++) {
    const start = performance.now();
    const { body } = await writeReport(docToPlan(doc, template), format, { charts: (report) => reportCharts(report) });
    seconds.push((performance.now() - start) / 1000);
    bytes = typeof body === 'string' ? body.length : body.byteLength;
  }
  console.log(
    `report ${format.padEnd(5)} ${median(seconds).toFixed(3).padStart(7)} s  ${(bytes / 1024).toFixed(0)} kB, first run ${cold.toFixed(3)} s, target ≤ ${REPORT_TARGET_SECONDS} s`,
  );
}

// The regional roll-up of 9 boards of 300 cards, as POST /api/rollups does it: each board's plan
// mapped and sent as JSON from the plan worker, parsed, then added up.
const boards = Array.from({ length: 9 }, () => buildBoard(300));
// The JSON answer is the sum; the workbook and the Word document (with its PNG charts) are written from it.
const rollupWriters: Record<string, (rollup: Rollup) => Promise<unknown>> = {
  rollup: async () => {},
  rollupxlsx: (rollup) => writeRollupXlsx(rollup),
  rollupdocx: (rollup) => writeRollupDocx(rollup, rollupCharts(rollup)),
};
for (const [name, write] of Object.entries(rollupWriters)) {
  const rollupSeconds: number[] = [];
  for (let r = 0; r <= RUNS; r++) {
    const start = performance.now();
    const plans = boards.map((board) => JSON.parse(JSON.stringify(docToPlan(board, template))) as PlanData);
    await write(rollUp(plans, ROUNDS[1] ?? ''));
    // The first run loads the writer: left out of the median, as for the reports.
    if (r > 0) rollupSeconds.push((performance.now() - start) / 1000);
  }
  console.log(
    `report ${name} ${median(rollupSeconds).toFixed(3).padStart(7)} s  9 boards × 300 cards, target ≤ ${REPORT_TARGET_SECONDS} s`,
  );
}
