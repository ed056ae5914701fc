/**
 * Which goal a card belongs to, as a select: the keyboard way to move a card
 * (the canvas way is dragging). A closed select changes its value on every
 * arrow key, and moving the card at each one sent it through every goal on
 * everyone's board: keys only choose, and Enter or leaving the select moves it.
 * A choice from the open list (mouse, or Enter in it) moves it at once.
 */
import { type KeyboardEvent, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { moveCard } from '../../../shared/card.ts';
import type { Card } from '../../../shared/card-schema.ts';
import { cardPlaces, type Template } from '../../../shared/template.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import type { CardText } from '../card-messages.ts';

export interface GoalSelectProps {
  doc: Y.Doc;
  card: Card;
  template: Template;
  text: CardText;
  readOnly?: boolean;
  hideLabel?: boolean;
  context?: string;
  /**
   * Render the goal options only once the select is pointed at or focused. A
   * table of a thousand rows would otherwise hold some fifteen thousand
   * <option>s and take seconds longer to show.
   */
  lazy?: boolean;
  /**
   * Called just before the card moves, with the element that is to have the
   * focus after the move (this select, or the one Tab goes to); a table row
   * is drawn anew in its new goal's table and gives it the focus back.
   */
  onMove?(nextFocus: Element | null): () => void;
}

/** Keys that change a closed select's value without opening it. */
const CHOOSING_KEYS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight', 'Home', 'End', 'PageUp', 'PageDown']);

export function GoalSelect(props: GoalSelectProps) {
  const { doc, card, template, text, readOnly, hideLabel, context, lazy, onMove } = props;
  const { pick } = useI18n();
  const id = useId();
  const [wanted, setWanted] = useState(!lazy);
  const want = () => setWanted(true);
  // A goal chosen with the keys but not yet moved to ('' is "no goal").
  const [chosen, setChosen] = useState<string | null>(null);
  const byKey = useRef(false);
  const move = (goalId: string, nextFocus: Element | null) => {
    setChosen(null);
    if (goalId === (card.goalId ?? '')) return;
    const refocus = onMove?.(nextFocus);
    moveCard(doc, card.id, goalId || null);
    refocus?.();
  };
  const onKeyDown = (event: KeyboardEvent<HTMLSelectElement>) => {
    if (event.key === 'Enter' && chosen !== null) {
      event.preventDefault();
      move(chosen, event.currentTarget);
    } else if (event.key === 'Escape' && chosen !== null) {
      event.stopPropagation();
      setChosen(null);
    }
    byKey.current = !event.altKey && (CHOOSING_KEYS.has(event.key) || event.key.length === 1) && event.key !== ' ';
  };
  const current = card.goalId ? template.focusAreas.flatMap(cardPlaces).find((g) => g.id === card.goalId) : undefined;
  return (
    <div className="card-field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'card-field__label'}>
        {text.t('card.goal')}
        {context && <span className="sr-only"> – {context}</span>}
      </label>
      <select
        id={id}
        value={chosen ?? card.goalId ?? ''}
        disabled={readOnly}
        aria-describedby={`${id}-keys`}
        data-testid="goal-select"
        data-chosen={chosen !== null ? 'true' : undefined}
        onKeyDown={onKeyDown}
        onChange={(event) => {
          if (byKey.current) setChosen(event.target.value);
          else move(event.target.value, event.target);
          byKey.current = false;
        }}
        onBlur={(event) => {
          if (chosen !== null) move(chosen, event.relatedTarget);
        }}
        onFocus={want}
        onPointerEnter={want}
      >
        <option value="">{text.t('card.noGoal')}</option>
        {!wanted && current && <option value={current.id}>{label(current.id, pick(current.title))}</option>}
        {wanted &&
          template.focusAreas.map((area) => (
            <optgroup key={area.id} label={`${area.id} ${pick(area.title)}`}>
              {cardPlaces(area).map((goal) => (
                <option key={goal.id} value={goal.id}>
                  {label(goal.id, pick(goal.title))}
                </option>
              ))}
            </optgroup>
          ))}
      </select>
      <span id={`${id}-keys`} className="sr-only">
        {text.t('card.goalKeys')}
      </span>
    </div>
  );
}

const truncate = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
const label = (id: string, title: string): string => `${id} ${truncate(title, 70)}`;
