/**
 * The toolbar's "+ Ny aktivitet": asks which goal the new card goes into,
 * offering the goal the person is looking at, so a card never lands somewhere
 * unseen. The card goes last in that goal; the notice then says where.
 */
import { useId, useState } from 'react';
import type { BoardLayout, Rect } from '../../../shared/board-layout.ts';
import { cardPlaces, type Template } from '../../../shared/template.ts';
import type { CardText } from '../../cards/card-messages.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import './add-card-menu.css';

const UNPLACED = '';

/** The goal whose zone covers most of the view (page coordinates); the first goal when none shows. */
export function goalInView(layout: Pick<BoardLayout, 'goals'>, view: Rect): string | null {
  let best: { goalId: string | null; area: number } = { goalId: layout.goals[0]?.goalId ?? null, area: 0 };
  for (const goal of layout.goals) {
    const w = Math.min(goal.x + goal.w, view.x + view.w) - Math.max(goal.x, view.x);
    const h = Math.min(goal.y + goal.h, view.y + view.h) - Math.max(goal.y, view.y);
    if (w > 0 && h > 0 && w * h > best.area) best = { goalId: goal.goalId, area: w * h };
  }
  return best.goalId;
}

export interface AddCardMenuProps {
  template: Template;
  text: CardText;
  disabled: boolean;
  /** The goal to offer first, asked when the menu opens. */
  suggest: () => string | null;
  onAdd: (goalId: string | null) => void;
}

export function AddCardMenu({ template, text, disabled, suggest, onAdd }: AddCardMenuProps) {
  const { pick } = useI18n();
  const [choice, setChoice] = useState<string | null>(null);
  const selectId = useId();
  const { t } = text;
  const add = () => {
    if (choice === null) return;
    setChoice(null);
    onAdd(choice === UNPLACED ? null : choice);
  };

  return (
    <div className="add-card-menu">
      <button
        type="button"
        className="button button--primary"
        data-testid="add-card"
        aria-expanded={choice !== null}
        disabled={disabled}
        onClick={() => setChoice(choice === null ? (suggest() ?? UNPLACED) : null)}
      >
        <span aria-hidden="true">+</span> {t('card.add')}
      </button>
      {choice !== null && (
        <form
          className="add-card-menu__popover"
          data-testid="add-card-menu"
          onSubmit={(event) => {
            event.preventDefault();
            add();
          }}
          onKeyDown={(event) => event.key === 'Escape' && setChoice(null)}
        >
          <label htmlFor={selectId}>{t('card.addWhere')}</label>
          <select
            id={selectId}
            data-testid="add-card-goal"
            value={choice}
            // biome-ignore lint/a11y/noAutofocus: the menu opens on a click and asks one question.
            autoFocus
            onChange={(event) => setChoice(event.target.value)}
          >
            {template.focusAreas.map((area) => (
              <optgroup key={area.id} label={`${area.id} ${pick(area.title)}`}>
                {cardPlaces(area).map((goal) => (
                  <option key={goal.id} value={goal.id}>
                    {goal.id} {pick(goal.title)}
                  </option>
                ))}
              </optgroup>
            ))}
            <option value={UNPLACED}>{t('card.noGoal')}</option>
          </select>
          <div className="add-card-menu__actions">
            <button type="submit" className="button button--primary" data-testid="add-card-confirm">
              {t('card.addConfirm')}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setChoice(null)}>
              {t('card.addCancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
