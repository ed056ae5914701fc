/**
 * `/b/:boardId/table`: the plan as tables, one per goal, grouped by focus
 * area in template order, editable in place and live for everyone. Reads
 * `cards` and `meta` only; it needs no tldraw.
 */

import { useId, useLayoutEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { readPlanPeriod } from '../../shared/board-doc.ts';
import { createCard, readCard } from '../../shared/card.ts';
import { type Card, defaultCardPeriod } from '../../shared/card-schema.ts';
import { placeCode } from '../../shared/place-codes.ts';
import { isAreaPlace, type Template } from '../../shared/template.ts';
import { cardVoteTotal } from '../../shared/voting/voting.ts';
import { areaStyle } from '../app/area-style.ts';
import { type BoardContextValue, canEditNow, useBoard } from '../board/board-context.ts';
import { useCards } from '../cards/card-hooks.ts';
import { type CardText, useCardText } from '../cards/card-messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { UndoButtons } from '../undo/UndoButtons.tsx';
import { byVotes } from '../voting/vote-order.ts';
import { GoalTable } from './GoalTable.tsx';
import { groupCards, tableOrder } from './group-cards.ts';
import { describeChanges, useRemoteChangeAnnouncement } from './remote-changes.ts';
import { useRowMounting } from './useRowMounting.ts';
import './table.css';

export function TablePage() {
  const board = useBoard();
  const text = useCardText(board.template);
  if (!board.hasSynced) {
    return (
      <p className="table-waiting" aria-busy="true">
        {text.t('table.waiting')}
      </p>
    );
  }
  return <CardTables board={board} />;
}

/**
 * Measures the first render that shows cards, from render to commit, for the
 * table benchmark (test/bench/cards-table.ts reads the measure).
 */
function useRenderMeasure(name: string, hasCards: boolean) {
  const state = useRef<'waiting' | 'rendering' | 'done'>('waiting');
  if (hasCards && state.current === 'waiting') {
    state.current = 'rendering';
    performance.mark(`${name}:start`);
  }
  useLayoutEffect(() => {
    if (state.current !== 'rendering') return;
    state.current = 'done';
    performance.measure(name, `${name}:start`);
  });
}

function CardTables({ board }: { board: BoardContextValue }) {
  return (
    <PlanTables
      doc={board.doc}
      template={board.template}
      readOnly={!canEditNow(board)}
      personName={board.person.name}
    />
  );
}

export interface PlanTablesProps {
  doc: Y.Doc;
  template: Template;
  readOnly: boolean;
  /** Who creates the cards added here. */
  personName: string;
}

/** The tables of one board document: the live board, or a version opened read-only from the history. */
export function PlanTables({ doc, template, readOnly, personName }: PlanTablesProps) {
  const text = useCardText(template);
  const { pick, t } = useI18n();
  const cards = useCards(doc);
  useRenderMeasure('samtavla:table-render', cards.length > 0);
  // After a vote the group may look at its cards most voted first, goal by goal (README "Dot voting").
  const [sortByVotes, setSortByVotes] = useState(false);
  const voted = cards.some((card) => cardVoteTotal(card.votes) > 0);
  const groups = groupCards(template, sortByVotes && voted ? byVotes(cards) : cards);
  const scroller = useRef<HTMLElement>(null);
  const rows = useRowMounting(tableOrder(groups), scroller);
  const listId = useId();
  const [focusCardId, setFocusCardId] = useState<string | null>(null);
  const agreed = cards.filter((card) => card.status === 'agreed').length;
  const announcement = useRemoteChangeAnnouncement(doc, (changes) =>
    describeChanges(changes, (id) => titleOrUntitled(readCard(doc, id), text), text.t),
  );

  const add = (goalId: string | null) => {
    const period = defaultCardPeriod(template.period, readPlanPeriod(doc));
    setFocusCardId(createCard(doc, { goalId, createdBy: personName, fields: { period } }));
  };
  const shared = { doc, template, text, readOnly, targetGroupList: listId, focusCardId, rows, onAdd: add };

  return (
    <main ref={scroller} className="plan-tables" data-testid="table-view" data-card-count={cards.length}>
      <output className="sr-only" aria-live="polite" data-testid="table-announcement">
        {announcement}
      </output>
      <p className="plan-tables__summary">
        <strong>{text.t('table.heading')}</strong> · {text.t('table.summary', { count: cards.length, agreed })}
        {voted && (
          <label className="plan-tables__sort">
            <input
              type="checkbox"
              checked={sortByVotes}
              onChange={(event) => setSortByVotes(event.target.checked)}
              data-testid="sort-by-votes"
            />{' '}
            {t('voting.sortByVotes')}
          </label>
        )}
        {!readOnly && <UndoButtons doc={doc} className="plan-tables__undo" />}
      </p>
      {groups.areas.map(({ area, goals }) => (
        <section key={area.id} className="plan-area" aria-labelledby={`area-${area.id}`} style={areaStyle(area)}>
          <h2 id={`area-${area.id}`} className="plan-area__title">
            <span className="plan-area__level">
              {pick(template.levelLabels.focusArea)} {placeCode(template.focusAreas, area.id)}
            </span>
            {pick(area.title)}
          </h2>
          {goals.map(({ goal, cards: goalCards }) => (
            <GoalTable
              key={goal.id}
              {...shared}
              goalId={goal.id}
              caption={pick(goal.title)}
              areaOwn={isAreaPlace(area, goal)}
              color={area.color}
              cards={goalCards}
            />
          ))}
        </section>
      ))}
      {groups.unplaced.length > 0 && (
        <section className="plan-area plan-area--unplaced" aria-labelledby="area-unplaced">
          <h2 id="area-unplaced" className="plan-area__title">
            {text.t('table.unplaced')}
          </h2>
          <p className="muted">{text.t('table.unplacedHint')}</p>
          <GoalTable
            {...shared}
            goalId={null}
            caption={text.t('table.unplaced')}
            color="#5D6D7E"
            cards={groups.unplaced}
          />
        </section>
      )}
      <datalist id={listId}>
        {template.suggestedTargetGroups.map((group) => (
          <option key={group} value={group} />
        ))}
      </datalist>
    </main>
  );
}

/** A card's title for an announcement; undefined once the card is gone. */
function titleOrUntitled(card: Card | undefined, text: CardText): string | undefined {
  if (!card) return undefined;
  return card.title.trim() || text.t('card.untitled');
}
