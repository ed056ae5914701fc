/**
 * A board on an own template of four areas without goals: a real Yjs client
 * adds a card in an area (shared/card.ts), and every export format puts it
 * under that area, with the area's heading once.
 */
import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { createCard } from '../../shared/card.ts';
import type { PlanData } from '../../shared/plan/index.ts';
import { serverPerTest, waitFor, withToken } from '../helpers/server.ts';
import { createOwnBoard, ownTemplate } from '../helpers/templates.ts';

const ctx = serverPerTest();
const AREAS = ['Trygg uppväxt', 'Psykisk hälsa', 'Äldres hälsa', 'Digital vård'];
const count = (text: string, part: string) => text.split(part).length - 1;

describe('exports of a board whose areas have no goals', () => {
  it('place a card added in an area under that area in JSON, CSV, XLSX, DOCX and Markdown', async () => {
    const board = await createOwnBoard(ctx.server.url, ownTemplate(AREAS), 'Folkhälsoplan Tierp');
    const client = ctx.client(board.id, 'participant');
    await client.synced;
    createCard(client.doc, {
      id: 'kort-1',
      goalId: 'area-2',
      createdBy: 'Anna',
      fields: { title: 'Samtalsstöd för unga', activity: 'Öppna samtalsmottagningar på fritidsgårdarna' },
    });
    const exportOf = (format: string) =>
      fetch(withToken(`${ctx.server.url}/api/boards/${board.id}/export?format=${format}`, board.id, 'viewer'));
    // Stored before relayed: once another client has the card, every export reads it.
    const observer = ctx.client(board.id, 'viewer');
    await waitFor('the card to reach another client', () => observer.doc.getMap('cards').has('kort-1'));
    const plan = (await (await exportOf('json')).json()) as PlanData;

    // JSON: on the area itself, which has no goals.
    expect(plan?.focusAreas.map((a) => [a.id, a.goals.length])).toEqual(AREAS.map((_, i) => [`area-${i + 1}`, 0]));
    expect(plan?.focusAreas[1]?.cards.map((c) => c.title)).toEqual(['Samtalsstöd för unga']);
    expect(plan?.unplaced).toEqual([]);

    // CSV: the area's id and title, no goal.
    const csv = (await (await exportOf('csv')).text()).replace(/^\uFEFF/, '');
    const [header, ...rows] = Papa.parse<string[]>(csv, { delimiter: ';', skipEmptyLines: true }).data;
    const cell = (row: string[], name: string) => row[header!.indexOf(name)];
    expect(rows).toHaveLength(1);
    expect(cell(rows[0]!, 'Fokusområde-id')).toBe('area-2');
    expect(cell(rows[0]!, 'Fokusområde')).toBe('Psykisk hälsa');
    expect(cell(rows[0]!, 'Delmål-id')).toBe('');

    // XLSX: the card on the area's own sheet, not on the others.
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await (await exportOf('xlsx')).arrayBuffer());
    const sheetText = (name: string) => {
      const sheet = workbook.worksheets.find((w) => w.name.includes(name));
      expect(sheet, name).toBeDefined();
      const lines: string[] = [];
      sheet!.eachRow((row) => lines.push(row.values ? JSON.stringify(row.values) : ''));
      return lines.join('\n');
    };
    expect(sheetText('Psykisk hälsa')).toContain('Samtalsstöd för unga');
    for (const other of ['Trygg uppväxt', 'Äldres hälsa', 'Digital vård'])
      expect(sheetText(other)).not.toContain('Samtalsstöd');
    expect(sheetText('Alla')).toContain('Samtalsstöd för unga');

    // DOCX and Markdown: after the area's heading and before the next area's; the heading once.
    const docx = (await mammoth.extractRawText({ buffer: Buffer.from(await (await exportOf('docx')).arrayBuffer()) }))
      .value;
    const md = await (await exportOf('md')).text();
    for (const text of [docx, md]) {
      // The body, after the Word table of contents: from the first area's last mention on.
      const body = text.slice(text.lastIndexOf('Trygg uppväxt'));
      const card = body.indexOf('Samtalsstöd för unga');
      expect(card).toBeGreaterThan(body.indexOf('Psykisk hälsa'));
      expect(card).toBeLessThan(body.indexOf('Äldres hälsa'));
      expect(count(body, 'Psykisk hälsa')).toBe(1);
    }
    // "area-2" is no short code (shared/place-codes.ts): the heading shows the area's letter.
    expect(md).toContain('## Fokusområde B: Psykisk hälsa');
    expect(md).not.toContain('area-2');
  });
});
