/**
 * `node test/scripts/render-report.ts <out dir>`: writes the follow-up report of a seeded two-round
 * board as Word, renders it with LibreOffice to PDF and the pages to PNG (pdftoppm, Debian's poppler-utils), so a person
 * can look at the report as Word would print it. Needs `soffice` and `pdftoppm`; not part of `npm test`.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { reportCharts } from '../../server/plans/chart-png.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { writeReport } from '../../shared/report/index.ts';
import { followUpBoard, R2 } from '../helpers/follow-up-board.ts';
import { HSVO } from '../unit/plan-helpers.ts';

const out = process.argv[2] ?? 'test-results/report';
mkdirSync(out, { recursive: true });
const plan = docToPlan(followUpBoard(), HSVO, { boardId: 'render' });
const file = await writeReport(plan, 'docx', { round: R2, charts: (report) => reportCharts(report) });
const docx = join(out, 'uppfoljning.docx');
writeFileSync(docx, file.body);
execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, docx], { stdio: 'inherit' });
execFileSync('pdftoppm', ['-r', '80', '-png', join(out, 'uppfoljning.pdf'), join(out, 'page')]);
console.log(`wrote ${docx}, its PDF and one PNG a page in ${out}`);
