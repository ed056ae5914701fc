/** The focus areas: title, description, colour and goals of each, in board order. */
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { ColorChoice } from './ColorChoice.tsx';
import { type DesignArea, newArea } from './design.ts';
import { moveItem, removeAt, replaceAt } from './design-edit.ts';
import { GoalsEditor } from './GoalsEditor.tsx';
import { ItemButtons } from './ItemButtons.tsx';
import { TextPairField } from './TextPairField.tsx';

export interface AreasSectionProps {
  areas: DesignArea[];
  onChange(areas: DesignArea[]): void;
}

export function AreasSection({ areas, onChange }: AreasSectionProps) {
  const { t } = useI18n();
  return (
    <section className="designer-section" aria-labelledby="designer-areas">
      <h3 id="designer-areas">{t('designer.areas.heading')}</h3>
      <p className="muted">{t('designer.areas.hint')}</p>
      <ol className="areas-editor">
        {areas.map((area, index) => {
          const name = t('designer.area.name', { n: index + 1, title: area.title.sv.trim() });
          const update = (changes: Partial<DesignArea>) => onChange(replaceAt(areas, index, { ...area, ...changes }));
          return (
            <li
              key={area.key}
              className="area-card"
              style={{ borderColor: area.color, background: area.colorLight }}
              data-testid="designer-area"
            >
              <div className="area-card__top">
                <h4 className="area-card__label">
                  {t('designer.area.label', { n: index + 1 })}
                  {area.id && <span className="muted"> ({area.id})</span>}
                </h4>
                <ItemButtons
                  name={name}
                  index={index}
                  count={areas.length}
                  onMove={(delta) => onChange(moveItem(areas, index, delta))}
                  onRemove={() => onChange(removeAt(areas, index))}
                />
              </div>
              <TextPairField
                label={t('designer.area.title')}
                maxLength={TEMPLATE_BOUNDS.title}
                value={area.title}
                multiline
                required
                onChange={(title) => update({ title })}
                testId="area-title"
              />
              <TextPairField
                label={t('designer.area.description')}
                maxLength={TEMPLATE_BOUNDS.text}
                value={area.description}
                multiline
                onChange={(description) => update({ description })}
                testId="area-description"
              />
              <ColorChoice color={area.color} colorLight={area.colorLight} onChange={(color) => update(color)} />
              <GoalsEditor
                areaName={area.title.sv.trim() || String(index + 1)}
                goals={area.goals}
                onChange={(goals) => update({ goals })}
              />
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button"
        onClick={() => onChange([...areas, newArea(areas.length)])}
        disabled={areas.length >= TEMPLATE_BOUNDS.focusAreas}
        data-testid="add-area"
      >
        + {t('designer.area.add')}
      </button>
    </section>
  );
}
