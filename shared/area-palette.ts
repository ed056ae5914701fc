/**
 * The colours a designed focus area may take. Each has a strong colour (the
 * zone's border and the goal badge, with white text on it) and a light one
 * (the area's background, with the page's ink on it); both pairs pass WCAG AA
 * for normal text (4.5:1), which test/unit/client-template-design.test.ts
 * checks, so no choice in the designer can make a board hard to read. In
 * shared/ so that anything that colours areas (the designer, a plan import)
 * can take the same checked pairs.
 */
import type { LocalizedText } from './template.ts';

export interface PaletteColor {
  id: string;
  name: LocalizedText;
  color: string;
  colorLight: string;
}

/** The ink zones write on the light colour (client/canvas/zones/zones.css). */
export const ZONE_INK = '#1f2933';
/** What the goal badge writes on the strong colour. */
export const BADGE_INK = '#ffffff';

export const PALETTE: readonly PaletteColor[] = [
  { id: 'green', name: { sv: 'Grön', en: 'Green' }, color: '#00704F', colorLight: '#D9F2EA' },
  { id: 'blue', name: { sv: 'Blå', en: 'Blue' }, color: '#005A96', colorLight: '#D6E8F4' },
  { id: 'purple', name: { sv: 'Lila', en: 'Purple' }, color: '#6E3D9A', colorLight: '#ECE3F5' },
  { id: 'pink', name: { sv: 'Rosa', en: 'Pink' }, color: '#A3326C', colorLight: '#F5E4EE' },
  { id: 'orange', name: { sv: 'Orange', en: 'Orange' }, color: '#A64400', colorLight: '#F7E0CC' },
  { id: 'teal', name: { sv: 'Blågrön', en: 'Teal' }, color: '#00697A', colorLight: '#D5EEF1' },
  { id: 'red', name: { sv: 'Röd', en: 'Red' }, color: '#B0261F', colorLight: '#F8DEDC' },
  { id: 'olive', name: { sv: 'Olivgrön', en: 'Olive' }, color: '#5A6300', colorLight: '#EDF0CF' },
  { id: 'slate', name: { sv: 'Grå', en: 'Grey' }, color: '#4A5868', colorLight: '#E4E8EC' },
];

/** The palette colour for the n-th new area: they take turns, so neighbours differ. */
export function paletteColorAt(index: number): PaletteColor {
  return PALETTE[index % PALETTE.length] as PaletteColor;
}

export function paletteColorOf(color: string): PaletteColor | undefined {
  return PALETTE.find((entry) => entry.color.toLowerCase() === color.toLowerCase());
}

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((at) => Number.parseInt(hex.slice(at, at + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [
    number,
    number,
    number,
  ];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** WCAG AA for normal-size text. */
export const AA_NORMAL = 4.5;

/**
 * The ink for text on a template's strong colour: white where it reads at AA,
 * else the zone ink, else black. Palette colours always take white; an uploaded template
 * may bring light ones (the NSU and HSVO blues and oranges), whose badges would
 * otherwise be white on light blue.
 */
export function inkOn(color: string): string {
  const inks = [BADGE_INK, ZONE_INK, '#000000'];
  const legible = inks.find((ink) => contrastRatio(color, ink) >= AA_NORMAL);
  return legible ?? inks.reduce((best, ink) => (contrastRatio(color, ink) > contrastRatio(color, best) ? ink : best));
}

/**
 * The strong colour as text on the light one (an area's level line), mixed
 * toward the zone ink in tenths until it reads at AA, so the area keeps its
 * hue where it can and is legible where it cannot.
 */
export function accentOn(color: string, background: string): string {
  for (let step = 0; step <= 10; step++) {
    const mixed = mixHex(color, ZONE_INK, step / 10);
    if (contrastRatio(mixed, background) >= AA_NORMAL) return mixed;
  }
  return ZONE_INK;
}

function mixHex(from: string, to: string, share: number): string {
  const channel = (hex: string, at: number) => Number.parseInt(hex.slice(at, at + 2), 16);
  return `#${[1, 3, 5]
    .map((at) => Math.round(channel(from, at) * (1 - share) + channel(to, at) * share))
    .map((value) => value.toString(16).padStart(2, '0'))
    .join('')}`;
}
