/**
 * The facilitator's drafting round (README "Running the workshop"): start,
 * reveal or end, written into `meta.drafting` as part of a workshop edit
 * (workshop-edit.ts) at server time. Only the round is written here; the drafts
 * themselves never reach the server.
 */
import type * as Y from 'yjs';
import { metaMap, Origin } from '../../shared/board-doc.ts';
import {
  applyDraftingAction,
  type DraftingAction,
  DraftingConflict,
  type DraftingRound,
  isDraftingRound,
} from '../../shared/workshop/drafting.ts';

export function readDrafting(doc: Y.Doc): DraftingRound | null {
  const round = metaMap(doc).get('drafting') ?? null;
  return isDraftingRound(round) ? round : null;
}

/** Writes the round after `action` into `doc`, or says why the action does not fit the round. */
export function editDrafting(
  doc: Y.Doc,
  edit: { action: DraftingAction; by: string; roundId: string },
  now: number,
): { drafting: DraftingRound | null } | { refused: { kind: 'conflict'; message: string } } {
  const current = readDrafting(doc);
  let next: DraftingRound | null;
  try {
    next = applyDraftingAction(current, edit.action, now, edit.by, edit.roundId);
  } catch (error) {
    if (error instanceof DraftingConflict) return { refused: { kind: 'conflict', message: error.message } };
    throw error;
  }
  // Ending a round that is not there writes nothing: the answer is the same either way.
  if (next !== current) doc.transact(() => metaMap(doc).set('drafting', next), Origin.server);
  return { drafting: next };
}
