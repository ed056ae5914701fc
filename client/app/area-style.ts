/**
 * The CSS custom properties of a focus area's colours, with the accent that
 * reads on its light colour at WCAG AA (README "Accessibility"): a template
 * may bring any colour, so text in it cannot simply take the area's colour.
 */
import type { CSSProperties } from 'react';
import { accentOn } from '../../shared/area-palette.ts';

export function areaStyle(area: { color: string; colorLight: string }): CSSProperties {
  return {
    '--area-color': area.color,
    '--area-light': area.colorLight,
    '--area-accent': accentOn(area.color, area.colorLight),
  } as CSSProperties;
}
