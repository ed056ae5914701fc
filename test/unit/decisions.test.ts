/**
 * Decisions (README "Decisions"): the facilitator's decision edit, the log's cap, the contract
 * that keeps both maps the server's, and decisions in plan data and every export.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { editDecision } from '../../server/sync/decision-edit.ts';
import { DocIndex } from '../../server/sync/doc-index.ts';
import { refusalOf } from '../../server/sync/update-rules.ts';
import { metaMap, Origin } from '../../shared/board-doc.ts';
import { createCard, readCard, setCardText } from '../../shared/card.ts';
import { isAgreementPhase } from '../../shared/decisions/agreement-phase.ts';
import {
  DECISION_LOG_MAX,
  readCardDecision,
  readDecisionLog,
  recordDecision,
} from '../../shared/decisions/decisions.ts';
import { docToPlan, importPlan, planToDoc, writePlan } from '../../shared/plan/index.ts';
import { HSVO, NOW, sampleBoard } from './plan-helpers.ts';

const COMPLETE = { title: 'SIP', activity: 'Samordnad plan', indicator: 'Antal', responsible: 'Kommunen' };

function boardWithCard(fields: Record<string, string> = COMPLETE): Y.Doc {
  const doc = new Y.Doc();
  createCard(doc, { id: 'c1', goalId: 'A1', createdBy: 'Anna', fields }, Origin.server);
  return doc;
}

const apply = (doc: Y.Doc, update: Uint8Array) => Y.applyUpdate(doc, update);

describe('the decision edit', () => {
  it('marks the card agreed, writes its decision and a log entry, in one update', () => {
    const doc = boardWithCard();
    const result = editDecision(
      Y.encodeStateAsUpdate(doc),
      { cardId: 'c1', agreed: true, note: 'Vi kör', by: 'Karin' },
      Date.parse('2026-12-02T19:00:00Z'),
    );
    if (!('update' in result)) throw new Error('refused');
    apply(doc, result.update);
    expect(readCard(doc, 'c1')?.status).toBe('agreed');
    expect(readCardDecision(doc, 'c1')).toEqual({ note: 'Vi kör', by: 'Karin', at: '2026-12-02T19:00:00.000Z' });
    expect(readDecisionLog(doc)).toEqual([
      { cardId: 'c1', title: 'SIP', agreed: true, note: 'Vi kör', by: 'Karin', at: '2026-12-02T19:00:00.000Z' },
    ]);
  });

  it('takes a card back to draft, and logs that too; the card keeps its latest decision', () => {
    const doc = boardWithCard();
    for (const [agreed, note] of [
      [true, 'Ja'],
      [false, 'Ångrat'],
    ] as const) {
      const result = editDecision(Y.encodeStateAsUpdate(doc), { cardId: 'c1', agreed, note, by: 'K' }, Date.now());
      if (!('update' in result)) throw new Error('refused');
      apply(doc, result.update);
    }
    expect(readCard(doc, 'c1')?.status).toBe('draft');
    expect(readCardDecision(doc, 'c1')?.note).toBe('Ångrat');
    expect(readDecisionLog(doc).map((e) => [e.agreed, e.note])).toEqual([
      [true, 'Ja'],
      [false, 'Ångrat'],
    ]);
  });

  it('refuses an unknown card, and agreeing a card that lacks a required field (naming it)', () => {
    const doc = boardWithCard({ title: 'Utan ansvar', activity: 'x', indicator: 'y' });
    const state = Y.encodeStateAsUpdate(doc);
    expect(editDecision(state, { cardId: 'nope', agreed: true, note: '', by: 'K' }, 0)).toMatchObject({
      refused: { kind: 'unknown' },
    });
    expect(editDecision(state, { cardId: 'c1', agreed: true, note: '', by: 'K' }, 0)).toMatchObject({
      refused: { kind: 'incomplete', missing: ['responsible'] },
    });
    // Not agreeing is always possible: the note is the decision.
    expect('update' in editDecision(state, { cardId: 'c1', agreed: false, note: 'Vänta', by: 'K' }, 0)).toBe(true);
  });

  it(`keeps the newest ${DECISION_LOG_MAX} log entries, dropping the oldest`, () => {
    const doc = boardWithCard();
    for (let i = 0; i < DECISION_LOG_MAX + 3; i++) {
      const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
      recordDecision(doc, { cardId: 'c1', title: 'SIP', agreed: true, note: `n${i}`, by: 'K', at }, Origin.server);
    }
    const log = readDecisionLog(doc);
    expect(log).toHaveLength(DECISION_LOG_MAX);
    expect(log[0]?.note).toBe('n3');
    expect(log.at(-1)?.note).toBe(`n${DECISION_LOG_MAX + 2}`);
  });
});

describe('the contract', () => {
  /** Whether the server refuses a client's update (as a facilitator) that `edit` makes to a copy of `doc`. */
  function refused(doc: Y.Doc, edit: (copy: Y.Doc) => void): string | null {
    const index = DocIndex.fromState(Y.encodeStateAsUpdate(doc));
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
    const before = Y.encodeStateVector(copy);
    edit(copy);
    const update = Y.encodeStateAsUpdate(copy, before);
    return (
      refusalOf(index, index.plan(Y.decodeUpdate(update)), 'facilitator', { maxCardsPerBoard: 1000 })?.reason ?? null
    );
  }

  const decided = () => {
    const doc = boardWithCard();
    const at = '2026-12-02T19:00:00.000Z';
    recordDecision(doc, { cardId: 'c1', title: 'SIP', agreed: true, note: 'Ja', by: 'K', at }, Origin.server);
    return doc;
  };
  const inner = (doc: Y.Doc, key: string) => metaMap(doc).get(key) as Y.Map<unknown>;

  it('refuses a client that writes, changes or deletes a decision or a log entry, even a facilitator', () => {
    const doc = decided();
    const forged = { note: 'Förfalskat', by: 'X', at: '2026-12-02T19:00:00.000Z' };
    expect(refused(doc, (copy) => inner(copy, 'cardDecisions').set('c1', forged))).toMatch(/server only/);
    expect(refused(doc, (copy) => inner(copy, 'cardDecisions').delete('c1'))).toMatch(/server only/);
    expect(refused(doc, (copy) => inner(copy, 'decisionLog').clear())).toMatch(/server only/);
    expect(refused(doc, (copy) => metaMap(copy).delete('decisionLog'))).toMatch(/server only/);
    expect(refused(boardWithCard(), (copy) => metaMap(copy).set('cardDecisions', new Y.Map()))).toMatch(/server only/);
  });

  it('still lets people edit and delete a decided card', () => {
    const doc = decided();
    expect(refused(doc, (copy) => setCardText(copy, 'c1', 'activity', 'Ny text'))).toBeNull();
    expect(refused(doc, (copy) => copy.getMap('cards').delete('c1'))).toBeNull();
  });
});

describe('decisions in plan data', () => {
  const decidedSample = () => {
    const doc = sampleBoard();
    const at = '2026-12-02T19:05:00.000Z';
    recordDecision(
      doc,
      { cardId: 'c-b1', title: 'SIP i primärvården', agreed: true, note: 'Start | *ht*', by: 'Karin', at },
      Origin.server,
    );
    return doc;
  };

  it('carries each card’s decision and the log, and a JSON import writes them back losslessly', async () => {
    const plan = docToPlan(decidedSample(), HSVO, { now: NOW });
    const card = plan.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards)).find((c) => c.id === 'c-b1');
    expect(card?.decision).toEqual({ note: 'Start | *ht*', by: 'Karin', at: '2026-12-02T19:05:00.000Z' });
    expect(plan.decisions).toHaveLength(1);
    const file = await writePlan(plan, 'json');
    const again = docToPlan(
      planToDoc(await importPlan(new TextEncoder().encode(String(file.body)), 'p.json'), HSVO, { now: NOW }),
      HSVO,
      {
        now: NOW,
      },
    );
    expect(again.decisions).toEqual(plan.decisions);
    const cardAgain = again.focusAreas.flatMap((a) => a.goals.flatMap((g) => g.cards)).find((c) => c.id === 'c-b1');
    expect(cardAgain?.decision).toEqual(card?.decision);
  });

  it('reads an older plan without decisions as having none', async () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    const old = JSON.parse(String((await writePlan(plan, 'json')).body));
    old.formatVersion = '1.3';
    delete old.decisions;
    for (const area of old.focusAreas) for (const goal of area.goals) for (const c of goal.cards) delete c.decision;
    const read = await importPlan(new TextEncoder().encode(JSON.stringify(old)), 'old.json');
    expect(read.decisions).toEqual([]);
    expect(read.focusAreas[1]?.goals[0]?.cards[0]?.decision).toBeNull();
  });

  it('shows the decision line and the log in Markdown, Word, CSV and the workbook', async () => {
    const plan = docToPlan(decidedSample(), HSVO, { now: NOW });
    const md = String((await writePlan(plan, 'md')).body);
    expect(md).toContain('Beslut 2026-12-02 19:05 UTC (Karin): Start \\| \\*ht\\*');
    expect(md).toMatch(/## Beslutslogg\n\n\| När \| Vem \| Aktivitet \| Beslut \| Anteckning \|/);
    expect(md).toContain('| 2026-12-02 19:05 UTC | Karin | SIP i primärvården | Överenskommen | Start \\| \\*ht\\* |');

    const docx = await JSZip.loadAsync((await writePlan(plan, 'docx')).body as Uint8Array);
    const xml = (await docx.file('word/document.xml')?.async('string')) ?? '';
    const text = xml.replace(/<[^>]+>/g, '');
    expect(text).toContain('Beslut 2026-12-02 19:05 UTC (Karin): Start | *ht*');
    expect(text).toContain('Beslutslogg');

    const csv = String((await writePlan(plan, 'csv')).body);
    expect(csv.split('\n')[0]).toContain(';Beslut;');
    expect(csv).toContain('Beslut 2026-12-02 19:05 UTC (Karin): Start | *ht*');

    const xlsx = await JSZip.loadAsync((await writePlan(plan, 'xlsx')).body as Uint8Array);
    const workbook = (await xlsx.file('xl/workbook.xml')?.async('string')) ?? '';
    expect(workbook).toContain('name="Beslutslogg"');
  });

  it('writes the decision line and the log in English when the export is asked for in English', async () => {
    const plan = docToPlan(decidedSample(), HSVO, { now: NOW });
    const md = String((await writePlan(plan, 'md', { lang: 'en' })).body);
    expect(md).toContain('Decision 2026-12-02 19:05 UTC (Karin): Start \\| \\*ht\\*');
    expect(md).toMatch(/## Decision log\n\n\| When \| Who \| Activity \| Decision \| Note \|/);
    expect(md).toContain('| Karin | SIP i primärvården | Agreed |');
    const csv = String((await writePlan(plan, 'csv', { lang: 'en' })).body);
    expect(csv.split('\n')[0]).toContain(';Decision;');
    const xlsx = await JSZip.loadAsync((await writePlan(plan, 'xlsx', { lang: 'en' })).body as Uint8Array);
    expect((await xlsx.file('xl/workbook.xml')?.async('string')) ?? '').toContain('name="Decision log"');
  });

  it('writes no log section when no decision was taken', async () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    expect(String((await writePlan(plan, 'md')).body)).not.toContain('Beslutslogg');
  });
});

describe('the agreement phase', () => {
  const agenda = (name: string, restriction: 'none' | 'voting-only' | 'locked', current = true) => ({
    phases: [{ id: 'p', name, restriction }],
    currentPhaseId: current ? 'p' : null,
  });

  it('is a current phase named Beslut (or Decision, Agreement) or one that locks participants', () => {
    expect(isAgreementPhase(agenda('Beslut', 'none'))).toBe(true);
    expect(isAgreementPhase(agenda(' decisions ', 'none'))).toBe(true);
    expect(isAgreementPhase(agenda('Avslut', 'locked'))).toBe(true);
    expect(isAgreementPhase(agenda('Diskussion', 'voting-only'))).toBe(false);
    expect(isAgreementPhase(agenda('Beslutsunderlag', 'none'))).toBe(false);
    expect(isAgreementPhase(agenda('Beslut', 'none', false))).toBe(false);
    expect(isAgreementPhase(null)).toBe(false);
  });
});
