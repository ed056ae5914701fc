/** The parties register: the region, municipalities and others a card can name as responsible. */
import type { Party } from '../../shared/template.ts';
import { TEMPLATE_BOUNDS } from '../../shared/template-bounds.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { type DesignParty, newParty } from './design.ts';
import { removeAt, replaceAt } from './design-edit.ts';
import { ItemButtons } from './ItemButtons.tsx';

const TYPES: Party['type'][] = ['region', 'kommun', 'other'];

export function PartiesSection({
  parties,
  onChange,
}: {
  parties: DesignParty[];
  onChange(parties: DesignParty[]): void;
}) {
  const { t } = useI18n();
  return (
    <section className="designer-section" aria-labelledby="designer-parties">
      <h3 id="designer-parties">{t('designer.parties.heading')}</h3>
      <p className="muted">{t('designer.parties.hint')}</p>
      <ul className="designer-rows">
        {parties.map((party, index) => {
          const name = party.name.trim() || t('designer.party.unnamed', { n: index + 1 });
          const update = (changes: Partial<DesignParty>) =>
            onChange(replaceAt(parties, index, { ...party, ...changes }));
          return (
            <li key={party.key} className="designer-row" data-testid="designer-party">
              <input
                value={party.name}
                maxLength={TEMPLATE_BOUNDS.label}
                aria-label={t('designer.party.name', { n: index + 1 })}
                placeholder={t('designer.party.placeholder')}
                onChange={(event) => update({ name: event.target.value })}
              />
              <select
                value={party.type}
                aria-label={t('designer.party.type', { name })}
                onChange={(event) => update({ type: event.target.value as Party['type'] })}
              >
                {TYPES.map((type) => (
                  <option key={type} value={type}>
                    {t(`designer.party.type.${type}`)}
                  </option>
                ))}
              </select>
              <ItemButtons
                name={name}
                index={index}
                count={parties.length}
                onRemove={() => onChange(removeAt(parties, index))}
              />
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--small"
        onClick={() => onChange([...parties, newParty()])}
        disabled={parties.length >= TEMPLATE_BOUNDS.parties}
      >
        + {t('designer.party.add')}
      </button>
    </section>
  );
}
