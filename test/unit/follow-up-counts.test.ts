/**
 * Follow-up counts and the regional roll-up (shared/plan/follow-up-counts.ts,
 * rollup.ts), from plan data made of real board documents.
 */
import { describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { createCard, setFollowUp } from '../../shared/card.ts';
import type { FollowUpStatus } from '../../shared/card-schema.ts';
import { followUpCounts, noCounts, planRounds } from '../../shared/plan/follow-up-counts.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { rollUp } from '../../shared/plan/rollup.ts';
import { emptyBoard, HSVO, NOW } from './plan-helpers.ts';

/** A card on `goalId` (null: unplaced) with the given parties and its status per round. */
function card(doc: Y.Doc, goalId: string | null, parties: string[], rounds: Record<string, FollowUpStatus> = {}) {
  const id = createCard(doc, { goalId, createdBy: 'Karin', fields: { title: 'Aktivitet' }, parties });
  for (const [round, status] of Object.entries(rounds)) {
    setFollowUp(doc, id, round, { status, comment: '', effect: '', updatedBy: 'Karin' });
  }
}

const counts = (partial: Partial<ReturnType<typeof noCounts>>) => ({ ...noCounts(), ...partial });

describe('follow-up counts of a round', () => {
  it('counts each card once per area and goal, a card without an entry as none, unplaced apart', () => {
    const doc = emptyBoard();
    card(doc, 'A1', ['Heby kommun'], { '2025': 'done', '2026': 'ongoing' });
    card(doc, 'A1', ['Heby kommun']);
    card(doc, 'A2', [], { '2025': 'cancelled' });
    card(doc, 'B1', [], { '2025 H2': 'ongoing' });
    card(doc, null, [], { '2025': 'not-started' });
    const plan = docToPlan(doc, HSVO, { now: NOW });
    expect(planRounds(plan)).toEqual(['2025', '2025 H2', '2026']);

    const round = followUpCounts(plan, '2025');
    const a = round.areas.find((area) => area.id === 'A');
    expect(a?.cards).toBe(3);
    expect(a?.statuses).toEqual(counts({ done: 1, cancelled: 1, none: 1 }));
    expect(a?.goals.find((goal) => goal.id === 'A1')?.statuses).toEqual(counts({ done: 1, none: 1 }));
    expect(round.areas.find((area) => area.id === 'B')?.statuses).toEqual(counts({ none: 1 }));
    expect(round.unplaced).toEqual(counts({ 'not-started': 1 }));
    expect(Object.values(round.total).reduce((sum, n) => sum + n, 0)).toBe(5);
    expect(followUpCounts(plan, '2026').total).toEqual(counts({ ongoing: 1, none: 4 }));
  });
});

describe('the regional roll-up', () => {
  it('adds boards up per goal and per party, matching goals by id', () => {
    const heby = emptyBoard('Heby 2025');
    card(heby, 'A1', ['Heby kommun', 'Region Uppsala'], { '2025': 'done' });
    card(heby, 'B1', ['Heby kommun'], { '2025': 'ongoing' });
    const tierp = emptyBoard('Tierp 2025');
    card(tierp, 'A1', ['Tierps kommun', 'Region Uppsala'], { '2025': 'ongoing' });
    card(tierp, null, ['Tierps kommun']);
    const plans = [heby, tierp].map((doc) => docToPlan(doc, HSVO, { now: NOW }));

    const rollup = rollUp(plans, '2025');
    expect(rollup.plans).toEqual([
      { title: 'Heby 2025', templateId: 'hsvo-2024-2026', cards: 2 },
      { title: 'Tierp 2025', templateId: 'hsvo-2024-2026', cards: 2 },
    ]);
    const a1 = rollup.places.find((place) => place.id === 'A1');
    expect(a1).toMatchObject({ plans: 2, cards: 2, statuses: counts({ done: 1, ongoing: 1 }) });
    expect(rollup.places.find((place) => place.id === 'B1')).toMatchObject({ plans: 2, cards: 1 });
    expect(rollup.parties.map((party) => [party.name, party.cards])).toEqual([
      ['Heby kommun', 2],
      ['Region Uppsala', 2],
      ['Tierps kommun', 2],
    ]);
    expect(rollup.parties.find((party) => party.name === 'Region Uppsala')?.statuses).toEqual(
      counts({ done: 1, ongoing: 1 }),
    );
    // Every card once in the total, the unplaced one too.
    expect(rollup.total).toEqual(counts({ done: 1, ongoing: 2, none: 1 }));
  });
});
