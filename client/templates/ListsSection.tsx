/** Suggested target groups (a card's "Målgrupp" offers them) and the card fields' labels. */
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type Design, newKey } from './design.ts';
import { removeAt, replaceAt } from './design-edit.ts';
import { ItemButtons } from './ItemButtons.tsx';
import { TextPairField } from './TextPairField.tsx';

export interface ListsSectionProps {
  design: Design;
  onChange(changes: Partial<Design>): void;
}

export function ListsSection({ design, onChange }: ListsSectionProps) {
  const { t } = useI18n();
  const groups = design.targetGroups;
  return (
    <>
      <section className="designer-section" aria-labelledby="designer-groups">
        <h3 id="designer-groups">{t('designer.groups.heading')}</h3>
        <ul className="designer-rows">
          {groups.map((group, index) => (
            <li key={group.key} className="designer-row">
              <input
                value={group.text}
                maxLength={TEMPLATE_BOUNDS.label}
                aria-label={t('designer.group.name', { n: index + 1 })}
                onChange={(event) =>
                  onChange({ targetGroups: replaceAt(groups, index, { ...group, text: event.target.value }) })
                }
              />
              <ItemButtons
                name={group.text.trim() || t('designer.group.name', { n: index + 1 })}
                index={index}
                count={groups.length}
                onRemove={() => onChange({ targetGroups: removeAt(groups, index) })}
              />
            </li>
          ))}
        </ul>
        <button
          type="button"
          className="button button--small"
          onClick={() => onChange({ targetGroups: [...groups, { key: newKey(), text: '' }] })}
          disabled={groups.length >= TEMPLATE_BOUNDS.targetGroups}
        >
          + {t('designer.group.add')}
        </button>
      </section>
      <section className="designer-section" aria-labelledby="designer-fields">
        <h3 id="designer-fields">{t('designer.fields.heading')}</h3>
        <p className="muted">{t('designer.fields.hint')}</p>
        {design.fieldLabels.map((entry, index) => (
          <TextPairField
            key={entry.field}
            label={t('designer.field.label', { field: entry.field })}
            maxLength={TEMPLATE_BOUNDS.label}
            value={entry.label}
            required
            onChange={(label) =>
              onChange({ fieldLabels: replaceAt(design.fieldLabels, index, { field: entry.field, label }) })
            }
          />
        ))}
      </section>
    </>
  );
}
