/**
 * An area's colour, picked from the accessible palette (palette.ts) as a row
 * of radio swatches. A colour the template brought that is not in the palette
 * (a shipped template's own) stays offered, so editing never recolours a board
 * by surprise.
 */
import { useId } from 'react';
import {
  AA_NORMAL,
  BADGE_INK,
  contrastRatio,
  PALETTE,
  type PaletteColor,
  paletteColorOf,
  ZONE_INK,
} from '../../shared/area-palette.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { translate } from '../i18n/messages.ts';

export interface ColorChoiceProps {
  color: string;
  colorLight: string;
  onChange(color: { color: string; colorLight: string }): void;
}

export function ColorChoice({ color, colorLight, onChange }: ColorChoiceProps) {
  const { t, pick } = useI18n();
  const name = useId();
  const own: PaletteColor | null = paletteColorOf(color)
    ? null
    : {
        id: 'own',
        name: { sv: translate('sv', 'designer.area.ownColor'), en: translate('en', 'designer.area.ownColor') },
        color,
        colorLight,
      };
  const choices = own ? [own, ...PALETTE] : PALETTE;
  // A template's own colour may be hard to read on: say so, so the person can pick a palette colour.
  const hardToRead =
    own !== null && (contrastRatio(color, BADGE_INK) < AA_NORMAL || contrastRatio(colorLight, ZONE_INK) < AA_NORMAL);
  return (
    <fieldset className="color-choice">
      <legend className="field__label">{t('designer.area.color')}</legend>
      <div className="color-choice__swatches">
        {choices.map((choice) => (
          <label key={choice.id} className="color-choice__option" title={pick(choice.name)}>
            <input
              type="radio"
              name={name}
              checked={choice.color.toLowerCase() === color.toLowerCase()}
              onChange={() => onChange({ color: choice.color, colorLight: choice.colorLight })}
              data-color={choice.id}
            />
            <span className="color-choice__swatch" style={{ background: choice.colorLight, borderColor: choice.color }}>
              <span style={{ background: choice.color }} />
            </span>
            <span className="sr-only">{pick(choice.name)}</span>
          </label>
        ))}
      </div>
      {hardToRead && <p className="muted color-choice__warning">{t('designer.area.colorContrast')}</p>}
    </fieldset>
  );
}
