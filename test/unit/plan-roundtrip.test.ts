import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { Origin, readMeta, readPlanPeriod, SCHEMA_VERSION, setPlanPeriod } from '../../shared/board-doc.ts';
import { readCard, readCards } from '../../shared/card.ts';
import {
  docToPlan,
  type ExportOptions,
  importPlan,
  type PlanData,
  type PlanFormat,
  planToDoc,
  writePlan,
} from '../../shared/plan/index.ts';
import { xmlSafePlan } from '../../shared/plan/xml-safe.ts';
import { allCards, HSVO, NOW, NSU, sampleBoard, withoutIdsAndTimes } from './plan-helpers.ts';

const bytes = (body: Uint8Array | string) => (typeof body === 'string' ? new TextEncoder().encode(body) : body);

/** Export a plan, import the file, write it into a fresh board and export that board again. */
async function roundTrip(plan: PlanData, format: PlanFormat, options: ExportOptions = {}): Promise<PlanData> {
  const file = await writePlan(plan, format, options);
  const imported = await importPlan(bytes(file.body), file.fileName, { template: HSVO, title: plan.board.title });
  return docToPlan(planToDoc(imported, HSVO, { now: NOW }), HSVO, { now: NOW });
}

describe('round trip: export → import → export', () => {
  const original = () => docToPlan(sampleBoard(), HSVO, { now: NOW });

  it('JSON keeps the plan data apart from ids and timestamps', async () => {
    const plan = original();
    expect(withoutIdsAndTimes(await roundTrip(plan, 'json'))).toEqual(withoutIdsAndTimes(plan));
  });

  it('XLSX keeps the plan data apart from ids, timestamps and control characters XML cannot hold', async () => {
    const plan = original();
    expect(withoutIdsAndTimes(await roundTrip(plan, 'xlsx'))).toEqual(withoutIdsAndTimes(xmlSafePlan(plan)));
    expect(xmlSafePlan(plan)).not.toEqual(plan);
    // exceljs's first load and write take ≈ 2 s; more on a busy 2-core machine.
  }, 20_000);

  it.each([';', ','] as const)('CSV with "%s" keeps every card', async (delimiter) => {
    const plan = original();
    const again = await roundTrip(plan, 'csv', { csv: { delimiter } });
    expect(withoutIdsAndTimes(again)).toEqual(withoutIdsAndTimes(plan));
  });

  it('keeps card ids, creation times and follow-up times too, so they trace a card across exports', async () => {
    const plan = original();
    const again = await roundTrip(plan, 'json');
    expect(allCards(again).map((c) => [c.id, c.createdAt])).toEqual(allCards(plan).map((c) => [c.id, c.createdAt]));
    expect(allCards(again).find((c) => c.id === 'c-b1')?.followUp).toEqual(
      allCards(plan).find((c) => c.id === 'c-b1')?.followUp,
    );
  });

  it("keeps a board's own plan period and title through JSON, XLSX and CSV", async () => {
    const doc = sampleBoard();
    setPlanPeriod(doc, { from: '2025-01-01', to: '2025-12-31' });
    const plan = docToPlan(doc, HSVO, { now: NOW });
    for (const format of ['json', 'xlsx', 'csv'] as const) {
      const file = await writePlan(plan, format);
      const imported = await importPlan(bytes(file.body), file.fileName);
      const board = planToDoc(imported, HSVO);
      expect(readPlanPeriod(board)).toEqual({ from: '2025-01-01', to: '2025-12-31' });
      expect(readMeta(board)?.title).toBe('Samverkansplan Heby 2025');
    }
  });
});

describe('planToDoc', () => {
  it('writes a fresh board of the template with every card through the card accessors', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    const doc = planToDoc(plan, HSVO, { now: NOW });
    expect(readMeta(doc)).toMatchObject({
      schemaVersion: SCHEMA_VERSION,
      title: 'Samverkansplan Heby 2025',
      templateId: 'hsvo-2024-2026',
      createdAt: NOW.toISOString(),
    });
    // The default period is not stored: the board follows its template.
    expect(readPlanPeriod(doc)).toBeNull();
    const sip = readCard(doc, 'c-b1');
    expect(sip).toMatchObject({ goalId: 'B1', status: 'agreed', createdBy: 'Anna' });
    expect(sip?.parties).toEqual(['Arbetsförmedlingen', 'heby', 'region-uppsala']);
    expect(sip?.indicator).toBe(
      'Rutin framtagen (Ja/Nej)\nAntal utbildade ambassadörer\nAndel SIP inom 14 dagar (procent)',
    );
    expect(Object.values(sip?.votes ?? {})).toEqual([3]);
    expect(readCard(doc, 'c-area-a')?.goalId).toBe('A');
    expect(readCard(doc, 'c-unknown')?.goalId).toBeNull();
  });

  it('tags card writes with Origin.import (the board meta, like any new board, with Origin.server)', () => {
    const doc = new Y.Doc();
    const origins: unknown[] = [];
    doc.on('afterTransaction', (transaction) => origins.push(transaction.origin));
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    expect(planToDoc(plan, HSVO, { doc })).toBe(doc);
    expect(new Set(origins)).toEqual(new Set([Origin.server, Origin.import]));
    expect(origins[0]).toBe(Origin.server);
    expect(readCards(doc)).toHaveLength(allCards(plan).length);
  });

  it('refuses to write into a board that already has content', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    expect(() => planToDoc(plan, HSVO, { doc: sampleBoard() })).toThrow(/empty board/);
  });

  it('moves cards of goals the template does not know to unplaced instead of dropping them', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    const doc = planToDoc(plan, NSU);
    const cards = readCards(doc);
    expect(cards).toHaveLength(allCards(plan).length);
    expect(cards.every((card) => card.goalId === null)).toBe(true);
    expect(docToPlan(doc, NSU).unplaced.map((c) => c.activity)).toEqual(allCards(plan).map((c) => c.activity));
  });

  it('gives a repeated card id a fresh one rather than overwriting the first card', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    const twin = structuredClone(plan.focusAreas[1]?.goals[0]?.cards[0]);
    if (!twin) throw new Error('no card');
    plan.unplaced.push({ ...twin, activity: 'Tvilling' });
    const cards = readCards(planToDoc(plan, HSVO));
    expect(cards).toHaveLength(allCards(plan).length);
    expect(cards.filter((c) => c.id === 'c-b1').map((c) => c.activity)).not.toContain('Tvilling');
    expect(cards.some((c) => c.activity === 'Tvilling')).toBe(true);
  });
});
