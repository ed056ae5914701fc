import { describe, expect, it } from 'vitest';
import { fingerprintOf, summarizeFingerprints } from '../../server/sync/plan-fingerprint.ts';
import { createCard, deleteCard, moveCard, setCardParty, setCardText } from '../../shared/card.ts';
import { summarizeChanges } from '../../shared/plan/compare.ts';
import { docToPlan } from '../../shared/plan/index.ts';
import { emptyBoard, HSVO, NOW } from './plan-helpers.ts';

const plan = (doc: ReturnType<typeof emptyBoard>) => docToPlan(doc, HSVO, { now: NOW });

describe('plan fingerprints', () => {
  it('summarise two versions exactly as the full plans do, per focus area', () => {
    const doc = emptyBoard();
    for (const [id, goalId] of [
      ['same', 'A1'],
      ['text', 'A1'],
      ['moved', 'B1'],
      ['gone', 'C1'],
      ['party', 'D1'],
      ['__proto__', null],
    ] as const)
      createCard(doc, { id, goalId, createdBy: 'Anna', fields: { title: `Kort ${id}` } });
    const before = plan(doc);

    setCardText(doc, 'text', 'activity', 'Ny aktivitet');
    moveCard(doc, 'moved', 'D1');
    deleteCard(doc, 'gone');
    setCardParty(doc, 'party', 'heby', true);
    setCardText(doc, '__proto__', 'title', 'Ändrad');
    createCard(doc, { id: 'new', goalId: 'C1', createdBy: 'Bo' });
    const after = plan(doc);

    const summary = summarizeFingerprints(fingerprintOf(before), fingerprintOf(after));
    expect(summary).toEqual(summarizeChanges(before, after));
    expect(summary).toMatchObject({ added: 1, removed: 1, changed: 4 });
    expect(summary.areas.unplaced).toEqual({ added: 0, removed: 0, changed: 1 });
  });

  it('finds nothing between a plan and itself, and everything added against no version', () => {
    const doc = emptyBoard();
    createCard(doc, { id: 'a', goalId: 'A1', createdBy: 'Anna' });
    const print = fingerprintOf(plan(doc));
    expect(summarizeFingerprints(print, fingerprintOf(plan(doc)))).toMatchObject({ added: 0, removed: 0, changed: 0 });
    expect(summarizeFingerprints(new Map(), print)).toEqual({
      added: 1,
      removed: 0,
      changed: 0,
      areas: { A: { added: 1, removed: 0, changed: 0 } },
    });
  });
});
