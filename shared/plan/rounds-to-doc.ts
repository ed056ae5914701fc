/**
 * The follow-up rounds of plan data written into a fresh board document (an
 * import): the rounds in the order they were started, which one is current,
 * and their comments per focus area and goal. The cards' entries are written
 * with the cards (to-doc.ts).
 */
import type * as Y from 'yjs';
import { Origin } from '../board-doc.ts';
import { RoundError, setCurrentRound, setRoundComment, startRound } from '../follow-up/rounds.ts';
import { placeIds, type Template } from '../template.ts';
import type { PlanData } from './schema.ts';

/** Who started an imported round: plan data does not say. */
const IMPORTED_BY = 'import';

export function writePlanRounds(doc: Y.Doc, plan: PlanData, template: Template, now: Date): void {
  const places = placeIds(template);
  const started = new Set<string>();
  for (const round of plan.rounds) {
    try {
      startRound(
        doc,
        { label: round.label, date: round.date, startedAt: now.toISOString(), startedBy: IMPORTED_BY },
        [...places],
        Origin.import,
      );
    } catch (error) {
      // A round the board cannot hold (a repeated label, past the limit) is left out, not the whole import.
      if (error instanceof RoundError) continue;
      throw error;
    }
    started.add(round.label);
    // A comment on a place the template lacks has nowhere to show; the export would not list it either.
    for (const comment of round.comments) {
      if (places.has(comment.placeId)) setRoundComment(doc, round.label, comment.placeId, comment.text, Origin.import);
    }
  }
  // startRound made the last one current; the file says which is.
  if (started.size > 0) {
    const current = plan.rounds.find((round) => round.current && started.has(round.label))?.label ?? null;
    setCurrentRound(doc, current, Origin.import);
  }
}
