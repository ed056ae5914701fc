import { describe, expect, it } from 'vitest';
import { setPlanPeriod } from '../../shared/board-doc.ts';
import { createCard, setCardOrder } from '../../shared/card.ts';
import { TEXT_FIELD_MAX } from '../../shared/card-schema.ts';
import { docToPlan, PLAN_FORMAT, PLAN_FORMAT_VERSION, PlanSchema, writePlan } from '../../shared/plan/index.ts';
import { allCards, emptyBoard, HSVO, NOW, NSU, sampleBoard } from './plan-helpers.ts';

const ids = (cards: { id: string }[]) => cards.map((c) => c.id);

describe('docToPlan', () => {
  it('names its format and version, the template and the board', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { boardId: 'board-1', now: NOW });
    expect(plan.format).toBe(PLAN_FORMAT);
    expect(plan.formatVersion).toBe(PLAN_FORMAT_VERSION);
    expect(plan.exportedAt).toBe('2025-03-01T10:00:00.000Z');
    expect(plan.template).toMatchObject({ id: 'hsvo-2024-2026', version: '1.0.0' });
    expect(plan.template.labels).toEqual({ focusArea: 'Fokusområde', goal: 'Delmål', direction: 'Inriktning' });
    expect(plan.template.vision).toMatch(/^Målet är ett hälsofrämjande samhälle/);
    expect(plan.board).toMatchObject({
      id: 'board-1',
      title: 'Samverkansplan Heby 2025',
      locale: 'sv',
      createdAt: '2025-01-15T08:00:00.000Z',
    });
    expect(plan.board.parties.map((p) => p.name)).toEqual(HSVO.parties.map((p) => p.name));
  });

  it('lays focus areas and goals out in template order, including goals without cards', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    expect(plan.focusAreas.map((a) => a.id)).toEqual(['A', 'B', 'C', 'D']);
    expect(plan.focusAreas.flatMap((a) => a.goals.map((g) => g.id))).toEqual(['A1', 'A2', 'B1', 'B2', 'C1', 'D1']);
    expect(plan.focusAreas[0]?.goals[1]?.cards).toEqual([]);
    expect(plan.focusAreas[0]?.goals[0]?.direction).toMatch(/^Breda och riktade/);
  });

  it('orders cards by their board order, then by id', () => {
    const a1 = docToPlan(sampleBoard(), HSVO, { now: NOW }).focusAreas[0]?.goals[0];
    expect(ids(a1?.cards ?? [])).toEqual(['c-a1-tie-a', 'c-a1-tie-b', 'c-a1-late']);
  });

  it('follows a reordering on the board', () => {
    const doc = sampleBoard();
    setCardOrder(doc, 'c-a1-late', 0);
    expect(ids(docToPlan(doc, HSVO).focusAreas[0]?.goals[0]?.cards ?? [])[0]).toBe('c-a1-late');
  });

  it('puts cards on a focus area itself under the area, and unknown or missing goals under unplaced', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    expect(ids(plan.focusAreas[0]?.cards ?? [])).toEqual(['c-area-a']);
    expect(ids(plan.unplaced)).toEqual(['c-unplaced', 'c-unknown']);
    expect(allCards(plan)).toHaveLength(8);
  });

  it('maps every card field', () => {
    const plan = docToPlan(sampleBoard(), HSVO, { now: NOW });
    const card = plan.focusAreas[1]?.goals[0]?.cards[0];
    expect(card).toEqual({
      id: 'c-b1',
      title: 'SIP i primärvården',
      priorityArea: 'Samordnad individuell plan',
      activity: 'Införa gemensam rutin för SIP\nUtbilda personal "SIP-ambassadörer"; två per enhet',
      indicators: [
        { text: 'Rutin framtagen (Ja/Nej)', kind: 'yesno' },
        { text: 'Antal utbildade ambassadörer', kind: 'count' },
        { text: 'Andel SIP inom 14 dagar (procent)', kind: 'percent' },
      ],
      effectMeasure: 'Färre oplanerade återinläggningar\nmätt som andel inom 30 dagar',
      responsible: 'Tjänsteledning HSVO',
      targetGroups: ['Äldre', 'Personer med psykisk ohälsa'],
      // Register parties by name in register order (Region first), then free names.
      parties: ['Region Uppsala', 'Heby kommun', 'Arbetsförmedlingen'],
      period: { label: '2025', from: '2025-01-01', to: '2025-12-31' },
      status: 'agreed',
      followUp: [
        {
          period: '2024',
          status: 'done',
          comment: 'Förstudie',
          effect: '',
          updatedAt: '2024-12-01T12:00:00.000Z',
          updatedBy: 'Anna',
          indicators: [],
        },
        {
          period: '2025',
          status: 'ongoing',
          comment: 'Rutinen är klar; utbildningen "pågår"',
          effect: 'Färre dubbla besök',
          updatedAt: '2025-06-01T12:00:00.000Z',
          updatedBy: 'Cecilia',
          indicators: [],
        },
      ],
      votes: 3,
      authors: ['Anna', 'Cecilia'],
      createdAt: '2025-01-20T09:00:00.000Z',
      decision: null,
    });
  });

  it('gives a card period dates only when its label names them', () => {
    const cards = docToPlan(sampleBoard(), HSVO, { now: NOW }).focusAreas[0]?.goals[0]?.cards ?? [];
    const byId = Object.fromEntries(cards.map((c) => [c.id, c.period]));
    expect(byId['c-a1-late']).toEqual({ label: '2024–2026', from: '2024-01-01', to: '2026-12-31' });
    expect(byId['c-a1-tie-b']).toEqual({ label: 'tom 30 juni 2025', from: null, to: null });
    expect(byId['c-a1-tie-a']).toEqual({ label: '', from: null, to: null });
  });

  it("takes the plan period from the board's meta, else from the template's years", () => {
    const doc = emptyBoard();
    expect(docToPlan(doc, HSVO).board.planPeriod).toEqual({ from: '2024-01-01', to: '2026-12-31' });
    setPlanPeriod(doc, { from: '2025-01-01', to: '2025-12-31' });
    expect(docToPlan(doc, HSVO).board.planPeriod).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(docToPlan(emptyBoard('NSU', NSU), NSU).board.planPeriod).toEqual({ from: '2019-01-01', to: '2019-12-31' });
  });

  it('ignores a plan period in meta that is not a real date range', () => {
    const doc = emptyBoard();
    setPlanPeriod(doc, { from: '2025-02-30', to: '2025-12-31' });
    expect(docToPlan(doc, HSVO).board.planPeriod).toEqual({ from: '2024-01-01', to: '2026-12-31' });
  });

  it('produces plan data the zod schema accepts, even when a foreign client wrote over-long text', () => {
    const doc = sampleBoard();
    createCard(doc, { id: 'long', goalId: 'C1', createdBy: '' });
    const text = doc.getMap('cards').get('long') as import('yjs').Map<import('yjs').Text>;
    text.get('activity')?.insert(0, 'x'.repeat(TEXT_FIELD_MAX + 10));
    const plan = docToPlan(doc, HSVO, { now: NOW });
    expect(PlanSchema.safeParse(plan).success).toBe(true);
    expect(plan.focusAreas[2]?.goals[0]?.cards[0]?.activity).toHaveLength(TEXT_FIELD_MAX);
  });

  it('exports the same board twice byte for byte apart from exportedAt', async () => {
    const doc = sampleBoard();
    const first = await writePlan(docToPlan(doc, HSVO, { now: new Date('2025-03-01T10:00:00Z') }), 'json');
    const second = await writePlan(docToPlan(doc, HSVO, { now: new Date('2025-04-02T11:00:00Z') }), 'json');
    expect(first.body).not.toEqual(second.body);
    const strip = (body: unknown) => String(body).replace(/"exportedAt": "[^"]*"/, '');
    expect(strip(first.body)).toBe(strip(second.body));
  });
});
