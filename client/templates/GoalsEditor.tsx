/** The goals of one focus area: optional; without any, the area takes cards itself. */
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { DesignGoal } from './design.ts';
import { newGoal } from './design.ts';
import { moveItem, removeAt, replaceAt } from './design-edit.ts';
import { ItemButtons } from './ItemButtons.tsx';
import { TextPairField } from './TextPairField.tsx';

export interface GoalsEditorProps {
  areaName: string;
  goals: DesignGoal[];
  onChange(goals: DesignGoal[]): void;
}

export function GoalsEditor({ areaName, goals, onChange }: GoalsEditorProps) {
  const { t } = useI18n();
  return (
    <div className="goals-editor">
      <h4 className="goals-editor__heading">{t('designer.goals.heading')}</h4>
      {goals.length === 0 && <p className="muted goals-editor__none">{t('designer.goals.none')}</p>}
      <ol className="goals-editor__list">
        {goals.map((goal, index) => {
          const name = t('designer.goal.name', { n: index + 1, area: areaName });
          const update = (changes: Partial<DesignGoal>) => onChange(replaceAt(goals, index, { ...goal, ...changes }));
          return (
            <li key={goal.key} className="goal-row" data-testid="designer-goal">
              <div className="goal-row__top">
                <span className="goal-row__label">
                  {t('designer.goal.label', { n: index + 1 })}
                  {goal.id && <span className="muted"> ({goal.id})</span>}
                </span>
                <ItemButtons
                  name={name}
                  index={index}
                  count={goals.length}
                  onMove={(delta) => onChange(moveItem(goals, index, delta))}
                  onRemove={() => onChange(removeAt(goals, index))}
                />
              </div>
              <TextPairField
                label={t('designer.goal.title')}
                maxLength={TEMPLATE_BOUNDS.title}
                value={goal.title}
                multiline
                required
                onChange={(title) => update({ title })}
                testId="goal-title"
              />
              <TextPairField
                label={t('designer.goal.direction')}
                maxLength={TEMPLATE_BOUNDS.text}
                value={goal.direction}
                multiline
                onChange={(direction) => update({ direction })}
                testId="goal-direction"
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...goals, newGoal()])}
        disabled={goals.length >= TEMPLATE_BOUNDS.goalsPerArea}
        data-testid="add-goal"
      >
        + {t('designer.goal.add')}
      </button>
    </div>
  );
}
