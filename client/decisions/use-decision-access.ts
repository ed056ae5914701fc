/**
 * What the card editor needs for "Besluta" on an open board: the facilitator's access (none for
 * anyone else; the server answers 403 to them anyway) and whether the agreement phase is current.
 * Without a board (a version opened from the history) there is neither.
 */
import { useMemo } from 'react';
import { isAgreementPhase } from '../../shared/decisions/agreement-phase.ts';
import { isFacilitator } from '../access/permissions.ts';
import type { BoardContextValue } from '../board/board-context.ts';
import { useWorkshop } from '../workshop/useWorkshop.ts';
import type { DecisionAccess } from './DecisionSection.tsx';

export function useDecisionAccess(
  board: Pick<BoardContextValue, 'info' | 'role' | 'token' | 'person' | 'doc'> | undefined,
): { decisionAccess?: DecisionAccess; agreementPhase: boolean } {
  const agreementPhase = isAgreementPhase(useWorkshop(board?.doc ?? null).agenda);
  const facilitator = board !== undefined && isFacilitator(board.role);
  const id = board?.info.id ?? '';
  const token = board?.token ?? '';
  const by = board?.person.name ?? '';
  const decisionAccess = useMemo(
    () => (facilitator ? { boardId: id, token, by } : undefined),
    [facilitator, id, token, by],
  );
  return { decisionAccess, agreementPhase };
}
