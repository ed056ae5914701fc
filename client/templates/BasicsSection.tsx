/** The board's name (when creating one), the template's name and the plan's years. */
import { BOARD_TITLE_MAX } from '../../shared/api.ts';
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Design } from './design.ts';
import { TextPairField } from './TextPairField.tsx';

export interface BasicsSectionProps {
  design: Design;
  creating: boolean;
  onChange(changes: Partial<Design>): void;
}

export function BasicsSection({ design, creating, onChange }: BasicsSectionProps) {
  const { t } = useI18n();
  return (
    <section className="designer-section" aria-labelledby="designer-basics">
      <h3 id="designer-basics">{t('designer.basics.heading')}</h3>
      {creating && (
        <label className="field">
          <span className="field__label">
            {t('home.create.title')}
            <span aria-hidden="true"> *</span>
          </span>
          <input
            value={design.boardTitle}
            maxLength={BOARD_TITLE_MAX}
            aria-required="true"
            placeholder={t('home.create.titlePlaceholder')}
            onChange={(event) => onChange({ boardTitle: event.target.value })}
            data-testid="designer-board-title"
          />
        </label>
      )}
      <TextPairField
        label={t('designer.templateTitle')}
        maxLength={TEMPLATE_BOUNDS.title}
        value={design.title}
        onChange={(title) => onChange({ title })}
        testId="designer-template-title"
      />
      <div className="designer-years">
        <label className="field">
          <span className="field__label">{t('designer.period.from')}</span>
          <input
            inputMode="numeric"
            value={design.periodFrom}
            maxLength={4}
            onChange={(event) => onChange({ periodFrom: event.target.value })}
            data-testid="designer-from"
          />
        </label>
        <label className="field">
          <span className="field__label">{t('designer.period.to')}</span>
          <input
            inputMode="numeric"
            value={design.periodTo}
            maxLength={4}
            onChange={(event) => onChange({ periodTo: event.target.value })}
            data-testid="designer-to"
          />
        </label>
      </div>
    </section>
  );
}
