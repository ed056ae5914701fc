/**
 * GET /api/boards/:id/report against a real server: a board stored from a
 * board document with two follow-up rounds, then edited live by a client, reported in
 * every format.
 */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeNewBoard } from '../../server/boards/board-docs.ts';
import type { RunningServer } from '../../server/start.ts';
import { setFollowUpText } from '../../shared/follow-up/follow-up-entry.ts';
import type { FollowUpReport } from '../../shared/report/index.ts';
import { followUpBoard, R1, R2 } from '../helpers/follow-up-board.ts';
import {
  connectClient,
  rememberBoard,
  removeDir,
  startTestServer,
  tempDataDir,
  waitFor,
  withToken,
} from '../helpers/server.ts';

let dataDir: string;
let server: RunningServer;
let boardId: string;

beforeAll(async () => {
  dataDir = tempDataDir();
  server = await startTestServer({ dataDir });
  // Stored as the server stores a board, rounds and all (rounds are server-owned: no client can start one).
  boardId = rememberBoard(await storeNewBoard(server.store, followUpBoard())).id;
  // A participant's comment written live, after the import.
  const client = connectClient(server.url, boardId, undefined, 'participant');
  await client.synced;
  const cards = client.doc.getMap('cards');
  const hembesok = [...cards.keys()].find((id) => JSON.stringify(cards.get(id)).includes('Hembesök')) as string;
  setFollowUpText(client.doc, hembesok, R2, 'comment', 'Startar till hösten', 'Bo');
  const observer = connectClient(server.url, boardId);
  await waitFor('the comment stored', () =>
    JSON.stringify(observer.doc.getMap('cards').toJSON()).includes('Startar till hösten'),
  );
  client.destroy();
  observer.destroy();
});

afterAll(async () => {
  await server.close();
  removeDir(dataDir);
});

const report = (query: string, role: 'facilitator' | 'viewer' = 'viewer') =>
  fetch(withToken(`${server.url}/api/boards/${boardId}/report?${query}`, boardId, role));

describe('the follow-up report route', () => {
  it('writes a Word report with the cards, comments, counts and a PNG chart', async () => {
    const response = await report(`format=docx&round=${encodeURIComponent(R2)}`);
    expect(response.status, await response.clone().text()).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(/uppfoljning-heby-2025-\d{4}-\d{2}-\d{2}\.docx/);
    const zip = await JSZip.loadAsync(await response.arrayBuffer());
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    for (const text of [
      'SIP &amp; &lt;samverkan&gt;',
      'Hembesök',
      'Rutinen är klar',
      'Startar till hösten',
      'Området går framåt',
    ]) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('Genomförd');
    const media = Object.keys(zip.files).filter((name) => name.startsWith('word/media/'));
    expect(media.length).toBeGreaterThan(0);
    const png = await zip.file(media[0] as string)?.async('uint8array');
    expect([...(png?.slice(0, 8) ?? [])]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  });

  it('writes a workbook whose numbers equal the plan counts', async () => {
    const json = (await (await report(`format=json&round=${encodeURIComponent(R2)}`)).json()) as FollowUpReport;
    expect([json.round, json.previousRound]).toEqual([R2, R1]);
    const a = json.areas.find((area) => area.id === 'A');
    expect(a?.counts).toMatchObject({ done: 1, ongoing: 1, cancelled: 1 });

    const response = await report(`format=xlsx&round=${encodeURIComponent(R2)}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const summary = workbook.getWorksheet('Sammanställning');
    const rowOf = (place: string, round: string) =>
      summary
        ?.getRows(2, (summary?.rowCount ?? 1) - 1)
        ?.find((r) => String(r.getCell(1).value).trim().startsWith(place) && r.getCell(2).value === round);
    const statusCells = (place: string, round: string) =>
      [3, 4, 5, 6, 7].map((c) => rowOf(place, round)?.getCell(c).value);
    const order = ['not-started', 'ongoing', 'done', 'cancelled', 'none'] as const;
    expect(statusCells('A ', R2)).toEqual(order.map((s) => a?.counts[s]));
    expect(statusCells('A ', R1)).toEqual(order.map((s) => a?.previousCounts?.[s]));
    const sheet = workbook.getWorksheet(R2);
    const values = JSON.stringify(sheet?.getSheetValues());
    expect(values).toContain('Startar till hösten');
  });

  it('writes Markdown with the counts, the current round by default', async () => {
    const response = await report('format=md');
    expect(response.status).toBe(200);
    const md = await response.text();
    // The plan's current round is the first, which has no previous round.
    expect(md).toContain(`**Omgång:** ${R1}`);
    expect(md).not.toContain('Föregående omgång');
    expect(md).toMatch(/\| Uppföljning 2024 \| 1 \| 1 \| 0 \| 0 \| 0 \| 2 \|/);
  });

  it('refuses a bad format with 400 and an unknown round with 404', async () => {
    const bad = await report('format=pdf');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/format/);
    const unknown = await report('format=md&round=Uppf%C3%B6ljning%201999');
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/round/);
    const noToken = await fetch(`${server.url}/api/boards/${boardId}/report?format=md`);
    expect(noToken.status).toBeGreaterThanOrEqual(401);
  });
});
