/**
 * A card's decision in its table row (README "Decisions"): the same section as in the card
 * editor, under the status, with the facilitator's "Besluta" — reading the open board itself,
 * so the table's rows need no more props.
 */
import type * as Y from 'yjs';
import type { CardStatus } from '../../shared/card-schema.ts';
import { useBoard } from '../board/board-context.ts';
import { DecisionSection } from './DecisionSection.tsx';
import { useDecisionAccess } from './use-decision-access.ts';

export function TableDecision(props: { doc: Y.Doc; cardId: string; status: CardStatus; context: string }) {
  // A version's table (history) is outside the board's outlet, on a document of its own: shown only.
  const open = useBoard() as ReturnType<typeof useBoard> | undefined;
  const board = open?.doc === props.doc ? open : undefined;
  const { decisionAccess, agreementPhase } = useDecisionAccess(board);
  return (
    <DecisionSection
      {...props}
      access={decisionAccess}
      prominent={agreementPhase && decisionAccess !== undefined}
      compact
    />
  );
}
