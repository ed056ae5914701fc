/** The facilitator's "Ny plan från den här" on the follow-up view, opening the next-plan dialog for the shown round. */
import { useState } from 'react';
import { placeCode } from '../../shared/place-codes.ts';
import type { BoardContextValue } from '../board/board-context.ts';
import { useCards } from '../cards/card-hooks.ts';
import { useCardText } from '../cards/card-messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { groupCards } from '../table/group-cards.ts';
import { NextPlanDialog } from './NextPlanDialog.tsx';

export function NextPlanButton({ board, round }: { board: BoardContextValue; round: string }) {
  const { t } = useI18n();
  const text = useCardText(board.template);
  const cards = useCards(board.doc);
  const [open, setOpen] = useState(false);
  const inPlanOrder = () => {
    const groups = groupCards(board.template, cards);
    return [
      ...groups.areas.flatMap(({ goals }) =>
        goals.flatMap(({ goal, cards: goalCards }) =>
          goalCards.map((card) => ({ card, code: placeCode(board.template.focusAreas, goal.id) })),
        ),
      ),
      ...groups.unplaced.map((card) => ({ card, code: null })),
    ];
  };
  return (
    <>
      <button
        type="button"
        className="button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
        data-testid="next-plan-button"
      >
        {t('followUp.next.open')}
      </button>
      {open && (
        <NextPlanDialog
          boardId={board.info.id}
          token={board.token}
          round={round}
          cards={inPlanOrder()}
          untitled={text.t('card.untitled')}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
}
