/**
 * The facilitator's voting edits (README "Dot voting"), computed from the whole state in the
 * state worker as one update of the server's own, like workshop-edit.ts: opening a round
 * (`meta.voting`), revealing it (every card in its scope gets the round's total as its `votes`,
 * replacing earlier rounds' totals) and ending it. Also the check a vote needs: that its card is
 * on the board and in the round's area. Refusals come back as plain data.
 */
import * as Y from 'yjs';
import { metaMap, Origin } from '../../shared/board-doc.ts';
import { readBoardTemplate } from '../../shared/board-template.ts';
import { getCardMap, readCards } from '../../shared/card.ts';
import { findGoal } from '../../shared/template.ts';
import { type Ballot, isVotingRound, type VotingRound } from '../../shared/voting/voting.ts';

export type VotingEdit =
  | { op: 'open'; round: VotingRound }
  | { op: 'reveal'; roundId: string; totals: Ballot; voters: number; at: string }
  | { op: 'end' };

export type VotingEditResult =
  | { update: Uint8Array; voting: VotingRound | null }
  | { refused: { kind: 'conflict' | 'unknown'; message: string } };

export type VoteTarget = 'ok' | 'unknown' | 'outside';

export function readVoting(doc: Y.Doc): VotingRound | null {
  const value = metaMap(doc).get('voting') ?? null;
  return isVotingRound(value) ? value : null;
}

/** Whether a card may get votes in a round on `areaId` (null: the whole board). */
function targetOf(doc: Y.Doc, cardId: string, areaId: string | null): VoteTarget {
  const card = getCardMap(doc, cardId);
  if (!card) return 'unknown';
  if (areaId === null) return 'ok';
  const goalId = card.get('goalId');
  const template = readBoardTemplate(doc);
  const place = template && typeof goalId === 'string' ? findGoal(template, goalId) : undefined;
  return place?.area.id === areaId ? 'ok' : 'outside';
}

export function voteTarget(state: Uint8Array, cardId: string, areaId: string | null): VoteTarget {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    return targetOf(doc, cardId, areaId);
  } finally {
    doc.destroy();
  }
}

export function editVoting(state: Uint8Array, edit: VotingEdit): VotingEditResult {
  const doc = new Y.Doc();
  try {
    Y.applyUpdate(doc, state);
    const before = Y.encodeStateVector(doc);
    const current = readVoting(doc);
    const meta = metaMap(doc);
    let next: VotingRound | null;
    if (edit.op === 'open') {
      if (current?.stage === 'open') {
        return { refused: { kind: 'conflict', message: 'a voting round is open already; reveal or end it first' } };
      }
      const template = readBoardTemplate(doc);
      const areaId = edit.round.areaId;
      if (areaId !== null && !template?.focusAreas.some((area) => area.id === areaId)) {
        return { refused: { kind: 'unknown', message: 'no focus area with that id on the board' } };
      }
      next = edit.round;
    } else if (edit.op === 'reveal') {
      if (current?.id !== edit.roundId) return { refused: { kind: 'unknown', message: 'no voting round to reveal' } };
      next = { ...current, stage: 'revealed', revealedAt: current.revealedAt ?? edit.at, voters: edit.voters };
    } else {
      if (!current) return { refused: { kind: 'unknown', message: 'no voting round to end' } };
      next = null;
    }
    doc.transact(() => {
      meta.set('voting', next);
      if (edit.op === 'reveal' && next) writeTotals(doc, next, edit.totals);
    }, Origin.server);
    return { update: Y.encodeStateAsUpdate(doc, before), voting: next };
  } finally {
    doc.destroy();
  }
}

/** Every card in the round's scope gets the round's total (none: no votes), earlier totals gone. */
function writeTotals(doc: Y.Doc, round: VotingRound, totals: Ballot): void {
  for (const card of readCards(doc)) {
    if (targetOf(doc, card.id, round.areaId) !== 'ok') continue;
    const votes = getCardMap(doc, card.id)?.get('votes');
    if (!(votes instanceof Y.Map)) continue;
    const total = totals[card.id] ?? 0;
    for (const key of [...votes.keys()]) if (key !== round.id || total === 0) votes.delete(key);
    if (total > 0 && votes.get(round.id) !== total) votes.set(round.id, total);
  }
}
