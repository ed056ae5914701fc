/**
 * One draft in "Mina utkast": its title and goal, and delete. The inputs write
 * to the drafts' own document only (drafts-doc.ts), so the goal may change on
 * every arrow key: nothing is sent anywhere, unlike the table's goal select.
 */
import { useId } from 'react';
import type * as Y from 'yjs';
import { fieldMax } from '../../shared/card-schema.ts';
import { cardPlaces, type Template } from '../../shared/template.ts';
import type { CardText } from '../cards/card-messages.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type Draft, updateDraft } from './drafts-doc.ts';

export interface DraftItemProps {
  doc: Y.Doc;
  draft: Draft;
  number: number;
  template: Template;
  text: CardText;
  onRemove(id: string): void;
}

const truncate = (value: string, max: number): string => (value.length > max ? `${value.slice(0, max - 1)}…` : value);

export function DraftItem({ doc, draft, number, template, text, onRemove }: DraftItemProps) {
  const { t, pick } = useI18n();
  const id = useId();
  const which = <span className="sr-only"> – {t('drafts.of', { number })}</span>;
  return (
    <li className="draft" data-testid="draft" data-draft-id={draft.id}>
      <div className="draft__field">
        <label htmlFor={`${id}-title`}>
          {text.field('title')}
          {which}
        </label>
        <textarea
          id={`${id}-title`}
          rows={2}
          value={draft.title}
          maxLength={fieldMax('title')}
          onChange={(event) => updateDraft(doc, draft.id, { title: event.target.value })}
          data-testid="draft-title"
        />
      </div>
      <div className="draft__row">
        <div className="draft__field draft__field--goal">
          <label htmlFor={`${id}-goal`}>
            {text.t('card.goal')}
            {which}
          </label>
          <select
            id={`${id}-goal`}
            value={draft.goalId ?? ''}
            onChange={(event) => updateDraft(doc, draft.id, { goalId: event.target.value || null })}
            data-testid="draft-goal"
          >
            <option value="">{text.t('card.noGoal')}</option>
            {template.focusAreas.map((area) => (
              <optgroup key={area.id} label={`${area.id} ${pick(area.title)}`}>
                {cardPlaces(area).map((goal) => (
                  <option key={goal.id} value={goal.id}>
                    {`${goal.id} ${truncate(pick(goal.title), 60)}`}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </div>
        <button
          type="button"
          className="button button--quiet draft__remove"
          onClick={() => onRemove(draft.id)}
          aria-label={t('drafts.remove', { number })}
          data-testid="draft-remove"
        >
          {t('drafts.removeShort')}
        </button>
      </div>
    </li>
  );
}
