/** Which goal a card belongs to, as a select: the keyboard way to move a card (the canvas way is dragging). */
import { useId, useState } from 'react';
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
}

export function GoalSelect({ doc, card, template, text, readOnly, hideLabel, context, lazy }: GoalSelectProps) {
  const { pick } = useI18n();
  const id = useId();
  const [wanted, setWanted] = useState(!lazy);
  const want = () => setWanted(true);
  const current = card.goalId ? template.focusAreas.flatMap(cardPlaces).find((g) => g.id === card.goalId) : undefined;
  return (
    <div className="card-field">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'card-field__label'}>
        {text.t('card.goal')}
        {context && <span className="sr-only"> – {context}</span>}
      </label>
      <select
        id={id}
        value={card.goalId ?? ''}
        disabled={readOnly}
        data-testid="goal-select"
        onChange={(event) => moveCard(doc, card.id, event.target.value || null)}
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
    </div>
  );
}

const truncate = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
const label = (id: string, title: string): string => `${id} ${truncate(title, 70)}`;
