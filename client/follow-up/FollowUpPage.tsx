/**
 * `/b/:boardId/follow-up`: a follow-up round of the plan, grouped by focus area
 * and goal like the table view. The current round is filled in here (the same
 * inputs as the card editor's section), earlier ones are read; each area and
 * goal has the round's comment, each area its status counts and a slot for the
 * chart. The facilitator starts rounds here, makes another one current and
 * makes the next plan from the round shown.
 * Live for everyone; reads `cards` and `meta` only.
 */
import { useId, useState } from 'react';
import { placeCode } from '../../shared/place-codes.ts';
import { isAreaPlace } from '../../shared/template.ts';
import { isFacilitator } from '../access/permissions.ts';
import { areaStyle } from '../app/area-style.ts';
import { type BoardContextValue, canEditNow, useBoard } from '../board/board-context.ts';
import { useCards } from '../cards/card-hooks.ts';
import { useCardText } from '../cards/card-messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { groupCards } from '../table/group-cards.ts';
import { FollowUpTable } from './FollowUpTable.tsx';
import { NextPlanButton } from './NextPlanButton.tsx';
import { ReportMenu } from './ReportMenu.tsx';
import { RoundCommentField } from './RoundCommentField.tsx';
import { RoundsList } from './RoundsList.tsx';
import { StartRoundButton } from './StartRoundButton.tsx';
import { StatusSummary } from './StatusSummary.tsx';
import { useRounds } from './useRounds.ts';
import './follow-up.css';

export function FollowUpPage() {
  const board = useBoard();
  const text = useCardText(board.template);
  if (!board.hasSynced) {
    return (
      <p className="table-waiting" aria-busy="true">
        {text.t('table.waiting')}
      </p>
    );
  }
  return <FollowUpRounds board={board} />;
}

function FollowUpRounds({ board }: { board: BoardContextValue }) {
  const { t } = useI18n();
  const { token } = board;
  const { rounds, current } = useRounds(board.doc);
  const [picked, setPicked] = useState<string | null>(null);
  const pickerId = useId();
  // The picked round while it exists, else the current one, else the newest.
  const round =
    (picked && rounds.some((r) => r.label === picked) ? picked : null) ?? current ?? rounds.at(-1)?.label ?? null;

  return (
    <main className="follow-up-page plan-tables" data-testid="follow-up-view">
      <div className="follow-up-page__bar">
        <h1 className="follow-up-page__heading">{t('followUp.page.heading')}</h1>
        {isFacilitator(board.role) && <StartRoundButton boardId={board.info.id} token={token} doc={board.doc} />}
        {rounds.length > 0 && round && (
          <>
            <label htmlFor={pickerId}>{t('followUp.page.round')}</label>
            <select
              id={pickerId}
              value={round}
              onChange={(event) => setPicked(event.target.value)}
              data-testid="round-picker"
            >
              {rounds.map((r) => (
                <option key={r.label} value={r.label}>
                  {r.label === current ? t('followUp.current', { round: r.label }) : r.label}
                </option>
              ))}
            </select>
            <ReportMenu boardId={board.info.id} token={token} round={round} />
            {isFacilitator(board.role) && <NextPlanButton board={board} round={round} />}
          </>
        )}
      </div>
      <RoundsList
        boardId={board.info.id}
        token={token}
        rounds={rounds}
        current={current}
        facilitator={isFacilitator(board.role)}
      />
      {round ? (
        <RoundTables
          board={board}
          round={round}
          chartRounds={chartRoundsUpTo(rounds, round)}
          editable={round === current && canEditNow(board)}
        />
      ) : (
        <p className="notice">{t('followUp.page.none')}</p>
      )}
    </main>
  );
}

/** The rounds up to and including `round`, in the order they were started: the chart sets them side by side. */
const chartRoundsUpTo = (rounds: readonly { label: string }[], round: string): string[] => {
  const labels = rounds.map((r) => r.label);
  const at = labels.indexOf(round);
  return at < 0 ? [round] : labels.slice(0, at + 1);
};

function RoundTables({
  board,
  round,
  chartRounds,
  editable,
}: {
  board: BoardContextValue;
  round: string;
  chartRounds: readonly string[];
  editable: boolean;
}) {
  const { t, pick } = useI18n();
  const text = useCardText(board.template);
  const cards = useCards(board.doc);
  const groups = groupCards(board.template, cards);
  const { doc, template } = board;
  const shared = { doc, round, editable, by: board.person.name, untitled: text.t('card.untitled') };
  return (
    <>
      {groups.areas.map(({ area, goals }) => {
        const areaTitle = pick(area.title);
        return (
          <section
            key={area.id}
            className="plan-area"
            aria-labelledby={`fu-area-${area.id}`}
            data-area={area.id}
            style={areaStyle(area)}
          >
            <h2 id={`fu-area-${area.id}`} className="plan-area__title">
              <span className="plan-area__level">
                {pick(template.levelLabels.focusArea)} {placeCode(template.focusAreas, area.id)}
              </span>
              {areaTitle}
            </h2>
            <StatusSummary
              areaId={area.id}
              areaTitle={areaTitle}
              cards={goals.flatMap((goal) => goal.cards)}
              round={round}
              chartRounds={chartRounds}
            />
            <RoundCommentField
              doc={doc}
              round={round}
              placeId={area.id}
              label={t('followUp.page.areaComment', { round })}
              readOnly={!editable}
            />
            {goals.map(({ goal, cards: goalCards }) => {
              const own = isAreaPlace(area, goal);
              return (
                <div key={goal.id} className="follow-up-goal" data-goal={goal.id}>
                  <FollowUpTable
                    {...shared}
                    caption={`${own ? '' : `${placeCode(template.focusAreas, goal.id)} `}${pick(goal.title)}`}
                    hideCaption={own}
                    cards={goalCards}
                  />
                  {!own && (
                    <RoundCommentField
                      doc={doc}
                      round={round}
                      placeId={goal.id}
                      label={t('followUp.page.goalComment', { round })}
                      readOnly={!editable}
                    />
                  )}
                </div>
              );
            })}
          </section>
        );
      })}
      {groups.unplaced.length > 0 && (
        <section className="plan-area plan-area--unplaced" aria-labelledby="fu-area-unplaced">
          <h2 id="fu-area-unplaced" className="plan-area__title">
            {text.t('table.unplaced')}
          </h2>
          <FollowUpTable {...shared} caption={text.t('table.unplaced')} hideCaption cards={groups.unplaced} />
        </section>
      )}
    </>
  );
}
