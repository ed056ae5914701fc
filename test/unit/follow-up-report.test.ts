/** The follow-up report (shared/report): its numbers from a real board document, and what its writers say. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { noCounts } from '../../shared/plan/follow-up-counts.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { followUpReport, UnknownRound, writeReport } from '../../shared/report/index.ts';
import { followUpBoard, R1, R2 } from '../helpers/follow-up-board.ts';
import { HSVO, NOW } from './plan-helpers.ts';

const counts = (partial: Partial<ReturnType<typeof noCounts>>) => ({ ...noCounts(), ...partial });
describe('the follow-up report', () => {
  it('counts per area and goal in the round and the one before, with comments and indicator values', () => {
    const plan = docToPlan(followUpBoard(), HSVO, { now: NOW });
    // The current round by default; the first round has no previous one.
    const first = followUpReport(plan);
    expect([first.round, first.previousRound]).toEqual([R1, null]);

    const report = followUpReport(plan, R2);
    expect([report.round, report.previousRound]).toEqual([R2, R1]);
    const a = report.areas.find((area) => area.id === 'A');
    expect(a?.comment).toBe('Området går framåt');
    expect(a?.counts).toEqual(counts({ done: 1, ongoing: 1, cancelled: 1 }));
    const a1 = a?.goals.find((goal) => goal.id === 'A1');
    expect(a1?.counts).toEqual(counts({ done: 1, ongoing: 1 }));
    expect(a1?.previousCounts).toMatchObject({ 'not-started': 1, ongoing: 1 });
    expect(a1?.comment).toBe('Delmålet nästan nått');
    const sip = a1?.cards.find((card) => card.title === 'SIP & <samverkan>');
    expect(sip).toMatchObject({ status: 'done', previousStatus: 'not-started', comment: 'Rutinen är klar' });
    expect(sip?.effect).toBe('Färre återinläggningar');
    expect(sip?.indicators).toEqual([{ text: 'Antal träffar', value: 7, previous: 3 }]);
    const total = Object.values(report.total).reduce((n, c) => n + c, 0);
    expect(total).toBe(4);
    expect(() => followUpReport(plan, 'Uppföljning 1999')).toThrow(UnknownRound);
  });

  it('writes the numbers into Markdown, Word and Excel', async () => {
    const plan = docToPlan(followUpBoard(), HSVO, { now: NOW });
    const md = (await writeReport(plan, 'md', { round: R2, now: NOW })).body as string;
    expect(md).toContain('SIP &amp; &lt;samverkan\\>');
    expect(md).toContain('# Samverkansplan Heby 2025 – Uppföljning 2025');
    expect(md).toContain('Området går framåt');
    expect(md).toMatch(/\| Uppföljning 2025 \| 0 \| 1 \| 1 \| 0 \| 0 \| 2 \|/);

    const english = (await writeReport(plan, 'md', { round: R2, lang: 'en' })).body as string;
    expect(english).toContain(
      '| Round | Not started | Ongoing | Done | Cancelled – stop doing | Not followed up | Total |',
    );

    const docx = await writeReport(plan, 'docx', { round: R2, now: NOW });
    expect(docx.fileName).toBe('uppfoljning-heby-2025-2025-03-01.docx');
    const xml = await (await JSZip.loadAsync(docx.body as Uint8Array)).file('word/document.xml')?.async('string');
    expect(xml).toContain('SIP &amp; &lt;samverkan&gt;');
    expect(xml).toContain('Rutinen är klar');
    expect(xml).toContain('Antal träffar: 7 (Uppföljning 2024: 3)');

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeReport(plan, 'xlsx', { round: R2 })).body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Sammanställning', R1, R2]);
    const summary = workbook.getWorksheet('Sammanställning');
    const row = summary
      ?.getRows(2, summary.rowCount - 1)
      ?.find((r) => String(r.getCell(1).value).trim().startsWith('A1') && r.getCell(2).value === R2);
    expect([3, 4, 5, 6, 7, 8].map((c) => row?.getCell(c).value)).toEqual([0, 1, 1, 0, 0, 2]);
  });
});
