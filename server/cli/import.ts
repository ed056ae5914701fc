/**
 * `npm run import -- plan.json [--template hsvo-2024-2026] [--title "…"] [--data-dir ./data] [--base-url URL]`
 * Creates a new board from a plan file (JSON, CSV or XLSX) in the data directory
 * and prints its three share links.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { importPlanAndTemplate, planToDoc } from '../../shared/plan/index.ts';
import { ROLES } from '../../shared/roles.ts';
import { getTemplate } from '../../shared/template.ts';
import { storeNewBoard } from '../boards/board-docs.ts';
import { openStore, runCli, shareLink } from './cli-common.ts';

runCli(async () => {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      template: { type: 'string' },
      title: { type: 'string' },
      'data-dir': { type: 'string' },
      'base-url': { type: 'string' },
    },
  });
  const [file] = positionals;
  if (!file || positionals.length > 1) throw new Error('give exactly one plan file: npm run import -- plan.json');
  const chosen = values.template === undefined ? undefined : getTemplate(values.template);
  if (values.template !== undefined && !chosen) throw new Error(`unknown template "${values.template}"`);

  const notices: string[] = [];
  const { plan, template } = await importPlanAndTemplate(new Uint8Array(await readFile(file)), file, {
    template: chosen,
    title: values.title,
    notices,
  });
  for (const notice of notices) console.warn(notice);
  if (!template) throw new Error(`the plan's template "${plan.template.id}" is not installed`);
  const doc = planToDoc(plan, template);
  const store = await openStore(values['data-dir']);
  try {
    const board = await storeNewBoard(store, doc);
    console.log(`created board ${board.id} "${board.title}" with ${doc.getMap('cards').size} cards`);
    for (const role of ROLES)
      console.log(`${role.padEnd(12)} ${shareLink(values['base-url'], board.id, board.tokens[role])}`);
  } finally {
    doc.destroy();
    await store.close();
  }
});
