/** Which goal a card belongs to, as a select: the keyboard way to move a card (the canvas way is dragging). */
import { useId } from 'react';
import type * as Y from 'yjs';
import { moveCard } from '../../../shared/card.ts';
import type { Card } from '../../../shared/card-schema.ts';
import type { Template } from '../../../shared/template.ts';
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
}

export function GoalSelect({ doc, card, template, text, readOnly, hideLabel, context }: GoalSelectProps) {
  const { pick } = useI18n();
  const id = useId();
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
      >
        <option value="">{text.t('card.noGoal')}</option>
        {template.focusAreas.map((area) => (
          <optgroup key={area.id} label={`${area.id} ${pick(area.title)}`}>
            {area.goals.map((goal) => (
              <option key={goal.id} value={goal.id}>
                {goal.id} {truncate(pick(goal.title), 70)}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
    </div>
  );
}

const truncate = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);
