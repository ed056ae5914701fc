/**
 * `npm run rollup -- [--data-dir ./data] [--round "Uppföljning 2025"] [--out rollup.json] <board id> <board id> …`
 * The regional roll-up of boards straight from a data directory (README "Regional roll-up"):
 * who runs it holds the data directory, so no tokens are asked for.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { defaultRollupRound, rollUp, unmatchedPlans } from '../../shared/plan/rollup.ts';
import type { PlanData } from '../../shared/plan/schema.ts';
import { loadBoardDoc } from '../boards/board-docs.ts';
import { openStore, runCli } from './cli-common.ts';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      round: { type: 'string' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new Error('name the boards to roll up: npm run rollup -- <id> <id> …');
  const store = await openStore(values['data-dir']);
  const plans: PlanData[] = [];
  try {
    for (const id of positionals) {
      const board = await store.getBoard(id);
      if (!board) throw new Error(`no board with id ${id} in this data directory`);
      const doc = await loadBoardDoc(store, board.id);
      const template = readBoardTemplate(doc);
      if (!template) throw new Error(`the template "${board.templateId}" of board ${id} is not installed`);
      plans.push(docToPlan(doc, template, { boardId: board.id }));
      doc.destroy();
    }
  } finally {
    await store.close();
  }
  const unmatched = unmatchedPlans(plans);
  if (unmatched.length > 0) {
    const ids = unmatched.map((at) => positionals[at]).join(', ');
    throw new Error(`${ids} share no focus area or goal with ${positionals[0]}: roll up boards of one template`);
  }
  const rollup = rollUp(plans, values.round ?? defaultRollupRound(plans) ?? '');
  const json = `${JSON.stringify(rollup, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, json);
    console.log(`wrote ${values.out} (${plans.length} boards, round "${rollup.round}")`);
  } else process.stdout.write(json);
});
