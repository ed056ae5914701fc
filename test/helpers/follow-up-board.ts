/** A board with two follow-up rounds, statuses, comments and indicator values, built through the real writers. */
import type * as Y from 'yjs';
import { createCard } from '../../shared/card.ts';
import type { FollowUpStatus } from '../../shared/card-schema.ts';
import { setFollowUpStatus, setFollowUpText, setIndicatorValue } from '../../shared/follow-up/follow-up-entry.ts';
import { setCurrentRound, setRoundComment, startRound } from '../../shared/follow-up/rounds.ts';
import { emptyBoard, HSVO } from '../unit/plan-helpers.ts';

export const R1 = 'Uppföljning 2024';
export const R2 = 'Uppföljning 2025';

export function followUpBoard(): Y.Doc {
  const doc = emptyBoard();
  const cards: [string, string, Record<string, FollowUpStatus>][] = [
    ['A1', 'SIP & <samverkan>', { [R1]: 'not-started', [R2]: 'done' }],
    ['A1', 'Gemensam utbildning', { [R1]: 'ongoing', [R2]: 'ongoing' }],
    ['A2', 'Träffpunkt', { [R2]: 'cancelled' }],
    ['B1', 'Hembesök', {}],
  ];
  const ids = cards.map(([goalId, title]) =>
    createCard(doc, { goalId, createdBy: 'Karin', fields: { title, indicator: 'Antal träffar' } }),
  );
  const places = HSVO.focusAreas.flatMap((area) => [area.id, ...area.goals.map((goal) => goal.id)]);
  for (const [r, label] of [R1, R2].entries()) {
    startRound(doc, { label, date: null, startedAt: `202${4 + r}-03-01T10:00:00.000Z`, startedBy: 'Karin' }, places);
    cards.forEach(([, , statuses], i) => {
      const status = statuses[label];
      if (status) setFollowUpStatus(doc, ids[i] as string, label, status, 'Karin');
    });
  }
  setFollowUpText(doc, ids[0] as string, R2, 'comment', 'Rutinen är klar', 'Karin');
  setFollowUpText(doc, ids[0] as string, R2, 'effect', 'Färre återinläggningar', 'Karin');
  setIndicatorValue(doc, ids[0] as string, R1, 'Antal träffar', 3, 'Karin');
  setIndicatorValue(doc, ids[0] as string, R2, 'Antal träffar', 7, 'Karin');
  setRoundComment(doc, R2, 'A', 'Området går framåt');
  setRoundComment(doc, R2, 'A1', 'Delmålet nästan nått');
  setCurrentRound(doc, R1);
  return doc;
}
