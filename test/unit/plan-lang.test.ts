/**
 * Plan exports in the interface language (README "Export and import"): English
 * headings, labels, status words and dates when asked for, Swedish by default,
 * and an import that reads a file of either language back to the same plan.
 */
import JSZip from 'jszip';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { docToPlan, importPlan, type PlanData, planToDoc, writePlan } from '../../shared/plan/index.ts';
import { PLAN_WORDS, type PlanLang } from '../../shared/plan/labels.ts';
import { formatPlanPeriod } from '../../shared/plan/period.ts';
import { xmlSafePlan } from '../../shared/plan/xml-safe.ts';
import { HSVO, NOW, sampleBoard, withoutIdsAndTimes } from './plan-helpers.ts';

const plan = (lang?: PlanLang) => docToPlan(sampleBoard(), HSVO, { now: NOW, lang });
const text = (body: Uint8Array | string) => (typeof body === 'string' ? body : new TextDecoder().decode(body));
const bytes = (body: Uint8Array | string) => (typeof body === 'string' ? new TextEncoder().encode(body) : body);
const csvRows = (body: string) => Papa.parse<string[]>(body.replace(/^\uFEFF/, ''), { delimiter: ';' }).data;

async function roundTrip(original: PlanData, format: 'csv' | 'xlsx', lang: PlanLang): Promise<PlanData> {
  const file = await writePlan(original, format, { lang });
  const imported = await importPlan(bytes(file.body), file.fileName, { template: HSVO, title: original.board.title });
  return docToPlan(planToDoc(imported, HSVO, { now: NOW }), HSVO, { now: NOW });
}

describe('English exports', () => {
  it('CSV: English headings, status words and follow-up columns; ids and dates stay as they are', async () => {
    const rows = csvRows(text((await writePlan(plan('en'), 'csv', { lang: 'en' })).body));
    const header = rows[0] ?? [];
    expect(header).toEqual(expect.arrayContaining(['Focus area id', 'Goal', 'Card id', 'Title', 'Status', 'Votes']));
    expect(header.some((h) => /^Follow-up .+: status$/.test(h))).toBe(true);
    expect(header).not.toContain('Fokusområde-id');
    const status = header.indexOf('Status');
    expect(rows.slice(1).map((row) => row[status])).toEqual(expect.arrayContaining(['Agreed', 'Draft']));
    const cells = rows.slice(1).flat();
    expect(cells).toEqual(expect.arrayContaining(['Ongoing']));
    expect(cells).not.toContain('Överenskommen');
  });

  it('Markdown: English headings and labels, the template in English, dates per locale', async () => {
    const english = plan('en');
    const md = text((await writePlan(english, 'md', { lang: 'en' })).body);
    expect(md).toContain('**Plan period:**');
    expect(md).toContain(`| ${PLAN_WORDS.en.tableHeadings.join(' | ')} |`);
    expect(md).toContain('Activities');
    expect(md).toContain('## Unplaced activities');
    // The template's own English: its focus-area label and area titles.
    expect(md).toContain(`## ${HSVO.levelLabels.focusArea.en} A: ${HSVO.focusAreas[0]?.title.en}`);
    expect(md).not.toContain('Planperiod');
    expect(md).not.toContain('Ej placerade aktiviteter');
  });

  it('Word: English headings, footer and language tag', async () => {
    const docx = await writePlan(plan('en'), 'docx', { lang: 'en' });
    const zip = await JSZip.loadAsync(docx.body as Uint8Array);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    expect(xml).toContain('Plan period: ');
    expect(xml).toContain('Indicators for follow-up');
    expect(xml).toContain('Contents');
    expect(xml).not.toContain('Planperiod');
    expect(styles).toContain('en-GB');
  });

  it('XLSX: English sheet names and info keys', async () => {
    const xlsx = await writePlan(plan('en'), 'xlsx', { lang: 'en' });
    const zip = await JSZip.loadAsync(xlsx.body as Uint8Array);
    const workbook = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(workbook).toContain('name="All"');
    expect(workbook).toContain('name="About the plan"');
    expect(workbook).not.toContain('name="Alla"');
    const strings = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
    expect(strings).toContain('Plan period from');
    expect(strings).toContain('Focus area id');
  }, 20_000);

  it('writes a period of dates in English as day, month and year; whole years alike in both', () => {
    const range = { from: '2025-03-01', to: '2025-06-30' };
    expect(formatPlanPeriod(range, 'en')).toBe('1 March 2025 – 30 June 2025');
    expect(formatPlanPeriod(range)).toBe('2025-03-01 – 2025-06-30');
    expect(formatPlanPeriod({ from: '2024-01-01', to: '2026-12-31' }, 'en')).toBe('2024–2026');
  });
});

describe('Swedish stays the default', () => {
  it('writes Swedish when no language is asked for', async () => {
    const md = text((await writePlan(plan(), 'md')).body);
    expect(md).toContain('**Planperiod:**');
    expect(md).toContain('Ej placerade aktiviteter');
    const header = csvRows(text((await writePlan(plan(), 'csv')).body))[0] ?? [];
    expect(header).toContain('Fokusområde-id');
    expect(header).not.toContain('Focus area id');
  });
});

describe('import reads either language', () => {
  for (const lang of ['sv', 'en'] as const) {
    it(`CSV in ${lang}: export → import → export gives the same plan`, async () => {
      const original = plan();
      expect(withoutIdsAndTimes(await roundTrip(original, 'csv', lang))).toEqual(withoutIdsAndTimes(original));
    });

    it(`XLSX in ${lang}: export → import → export gives the same plan, title and period included`, async () => {
      const original = plan();
      expect(withoutIdsAndTimes(await roundTrip(original, 'xlsx', lang))).toEqual(
        withoutIdsAndTimes(xmlSafePlan(original)),
      );
    }, 20_000);
  }
});
