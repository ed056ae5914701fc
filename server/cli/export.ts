/**
 * `npm run export -- --board <id> --format xlsx --out plan.xlsx [--data-dir ./data] [--delimiter ,] [--lang en]`
 * Exports a board's plan straight from the data directory, server running or not.
 */
import { writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { EXPORT_FORMATS, exportPlan, isPlanFormat } from '../../shared/plan/index.ts';
import { isPlanLang } from '../../shared/plan/labels.ts';
import { loadBoardDoc } from '../boards/board-docs.ts';
import { openStore, runCli } from './cli-common.ts';

runCli(async () => {
  const { values } = parseArgs({
    options: {
      board: { type: 'string' },
      format: { type: 'string', default: 'json' },
      out: { type: 'string' },
      'data-dir': { type: 'string' },
      delimiter: { type: 'string' },
      lang: { type: 'string', default: 'sv' },
    },
  });
  if (!values.board) throw new Error('--board <id> is required');
  if (!isPlanFormat(values.format)) throw new Error(`--format must be one of ${EXPORT_FORMATS.join(', ')}`);
  const delimiter = values.delimiter;
  if (delimiter !== undefined && delimiter !== ';' && delimiter !== ',') throw new Error('--delimiter must be ; or ,');

  const lang = values.lang;
  if (!isPlanLang(lang)) throw new Error('--lang must be sv or en');

  const store = await openStore(values['data-dir']);
  try {
    const board = await store.getBoard(values.board);
    if (!board) throw new Error(`no board with id ${values.board} in this data directory`);
    const doc = await loadBoardDoc(store, board.id);
    const template = readBoardTemplate(doc);
    if (!template) throw new Error(`the board's template "${board.templateId}" is not installed`);
    const result = await exportPlan(doc, template, values.format, {
      boardId: board.id,
      csv: delimiter ? { delimiter } : undefined,
      lang,
    });
    doc.destroy();
    const out = values.out ?? result.fileName;
    await writeFile(out, result.body);
    console.log(`wrote ${out} (${result.plan.focusAreas.length} focus areas)`);
  } finally {
    await store.close();
  }
});
