/** Follow-up rounds in plan data survive export → import → export (README "Follow-up rounds"). */
import { describe, expect, it } from 'vitest';
import { metaMap } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { setFollowUpStatus, setFollowUpText, setIndicatorValue } from '../../shared/follow-up/follow-up-entry.ts';
import { setCurrentRound, setRoundComment, startRound } from '../../shared/follow-up/rounds.ts';
import { docToPlan, importPlan, planToDoc, writePlan } from '../../shared/plan/index.ts';
import { placeIds } from '../../shared/template.ts';
import { emptyBoard, HSVO, NOW, withoutIdsAndTimes } from './plan-helpers.ts';

function boardWithRounds() {
  const doc = emptyBoard();
  metaMap(doc).set('source', { id: 'AAAAAAAAAAAAAAAAAAAAAA', title: 'Samverkansplan Heby 2024' });
  createCard(doc, {
    id: 'c1',
    goalId: 'A1',
    createdBy: 'Anna',
    fields: { title: 'Hälsosamtal', indicator: 'Andel elever\nGenomfört i alla skolor\nKommentar' },
  });
  createCard(doc, { id: 'c2', goalId: 'B1', createdBy: 'Anna', fields: { title: 'Ingen uppföljning' } });
  const places = [...placeIds(HSVO)];
  startRound(
    doc,
    { label: 'Uppföljning 2025', date: '2025-11-30', startedAt: NOW.toISOString(), startedBy: 'Fia' },
    places,
  );
  setFollowUpStatus(doc, 'c1', 'Uppföljning 2025', 'ongoing', 'Bo');
  setFollowUpText(doc, 'c1', 'Uppföljning 2025', 'effect', 'Fler samtal', 'Bo');
  setIndicatorValue(doc, 'c1', 'Uppföljning 2025', 'Andel elever', 62, 'Bo');
  setIndicatorValue(doc, 'c1', 'Uppföljning 2025', 'Genomfört i alla skolor', false, 'Bo');
  setIndicatorValue(doc, 'c1', 'Uppföljning 2025', 'Kommentar', 'I fyra av åtta', 'Bo');
  setRoundComment(doc, 'Uppföljning 2025', 'A1', 'Bra start');
  startRound(doc, { label: 'Uppföljning 2026', date: null, startedAt: NOW.toISOString(), startedBy: 'Fia' }, places);
  setFollowUpStatus(doc, 'c1', 'Uppföljning 2026', 'done', 'Bo');
  setRoundComment(doc, 'Uppföljning 2026', 'A', 'Området klart');
  setCurrentRound(doc, 'Uppföljning 2025');
  return doc;
}

describe('rounds in a plan round trip', () => {
  it('JSON keeps rounds, the current one, comments, indicator values and the source board', async () => {
    const plan = docToPlan(boardWithRounds(), HSVO, { now: NOW });
    expect(plan.rounds.map((r) => [r.label, r.current, r.comments.length])).toEqual([
      ['Uppföljning 2025', true, 1],
      ['Uppföljning 2026', false, 1],
    ]);
    const file = await writePlan(plan, 'json');
    const imported = await importPlan(new TextEncoder().encode(file.body as string), file.fileName, {
      template: HSVO,
    });
    const again = docToPlan(planToDoc(imported, HSVO, { now: NOW }), HSVO, { now: NOW });
    expect(withoutIdsAndTimes(again)).toEqual(withoutIdsAndTimes(plan));
    expect(again.board.source).toEqual({ id: 'AAAAAAAAAAAAAAAAAAAAAA', title: 'Samverkansplan Heby 2024' });
    const c1 = again.focusAreas.flatMap((a) => a.goals).find((g) => g.id === 'A1')?.cards[0];
    expect(c1?.followUp.find((f) => f.period === 'Uppföljning 2025')?.indicators).toEqual([
      { text: 'Andel elever', value: 62 },
      { text: 'Genomfört i alla skolor', value: false },
      { text: 'Kommentar', value: 'I fyra av åtta' },
    ]);
  });

  it('leaves out a round the board cannot hold, not the whole import', async () => {
    const plan = docToPlan(boardWithRounds(), HSVO, { now: NOW });
    const repeated = {
      ...plan,
      rounds: [...plan.rounds, { ...(plan.rounds[0] as (typeof plan.rounds)[0]), current: false }],
    };
    const again = docToPlan(planToDoc(repeated, HSVO, { now: NOW }), HSVO, { now: NOW });
    expect(again.rounds.map((r) => r.label)).toEqual(['Uppföljning 2025', 'Uppföljning 2026']);
  });
});
