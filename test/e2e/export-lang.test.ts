/**
 * Exports in the interface language (README "Export and import"), in real
 * Chromium: with the page switched to English, the export menu downloads an
 * English Word document and workbook; back in Swedish, a Swedish one.
 */
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBoard } from '../helpers/server.ts';
import { seedCards } from './cards-seed.ts';
import { type E2eEnv, newPerson, openBoardAs, type Person, shareLinkOf, startE2e } from './helpers/harness.ts';

async function exportVia(page: Page, item: string): Promise<Buffer> {
  await page.getByTestId('export-button').click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item, exact: true }).click(),
  ]);
  return readFile(await (download as Download).path());
}

const documentXml = async (file: Buffer) =>
  (await (await JSZip.loadAsync(file)).file('word/document.xml')?.async('string')) ?? '';

describe('exports in the interface language', () => {
  let env: E2eEnv;
  let anna: Person;

  beforeAll(async () => {
    env = await startE2e();
    anna = await newPerson(env);
  });

  afterAll(async () => {
    await env?.close();
  });

  it('downloads English files from an English page and Swedish ones from a Swedish page', async () => {
    const board = await createBoard(env.origin, { title: 'Samverkansplan Heby 2025', templateId: 'hsvo-2024-2026' });
    await seedCards(env.origin, board.id, [
      {
        id: 'halsosamtal',
        goalId: 'A1',
        createdBy: 'Anna Andersson',
        fields: { title: 'Hälsosamtal', activity: 'Hälsosamtal för 40-åringar' },
      },
    ]);
    const { page } = anna;
    await openBoardAs(page, shareLinkOf(env, board, 'participant', 'table'), 'Anna Andersson');
    await page.getByTestId('card-row').first().waitFor();

    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.getByTestId('export-button').textContent()).toMatch(/^Export▾$/);
    const word = await documentXml(await exportVia(page, 'Word (.docx)'));
    expect(word).toContain('Plan period: ');
    expect(word).toContain('Indicators for follow-up');
    expect(word).not.toContain('Planperiod');
    const markdown = (await exportVia(page, 'Markdown (.md)')).toString('utf8');
    expect(markdown).toContain('| Priority area | Activities |');
    const workbook = await JSZip.loadAsync(await exportVia(page, 'Excel (.xlsx)'));
    expect(await workbook.file('xl/workbook.xml')?.async('string')).toContain('name="All"');

    await page.getByTestId('language-toggle').click();
    await expect.poll(() => page.getByTestId('export-button').textContent()).toMatch(/^Exportera▾$/);
    const swedish = await documentXml(await exportVia(page, 'Word (.docx)'));
    expect(swedish).toContain('Planperiod: ');
    expect(swedish).not.toContain('Plan period');
    expect(anna.errors).toEqual([]);
  });
});
