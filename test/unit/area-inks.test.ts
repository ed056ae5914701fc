import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { AA_NORMAL, accentOn, BADGE_INK, contrastRatio, inkOn, PALETTE } from '../../shared/area-palette.ts';

const templatesDir = new URL('../../shared/templates/', import.meta.url);
const bundledAreas = readdirSync(templatesDir).flatMap(
  (file) =>
    (
      JSON.parse(readFileSync(new URL(file, templatesDir), 'utf8')) as {
        focusAreas: { color: string; colorLight: string }[];
      }
    ).focusAreas,
);

describe('inks on a template’s area colours', () => {
  it('keeps white on every palette colour', () => {
    for (const entry of PALETTE) expect(inkOn(entry.color)).toBe(BADGE_INK);
  });

  it('reads at WCAG AA on every colour of the bundled templates, light ones included', () => {
    expect(bundledAreas.length).toBeGreaterThan(5);
    for (const area of bundledAreas) {
      expect(contrastRatio(inkOn(area.color), area.color)).toBeGreaterThanOrEqual(AA_NORMAL);
      expect(contrastRatio(accentOn(area.color, area.colorLight), area.colorLight)).toBeGreaterThanOrEqual(AA_NORMAL);
    }
    // The NSU blue is too light for white text: the badge turns dark.
    expect(inkOn('#56B4E9')).not.toBe(BADGE_INK);
  });

  it('keeps an accent that already reads as it is, and darkens one that does not', () => {
    expect(accentOn('#00704F', '#D9F2EA')).toBe('#00704f');
    const darkened = accentOn('#E69F00', '#FBEFD1');
    expect(darkened).not.toBe('#e69f00');
    expect(contrastRatio(darkened, '#FBEFD1')).toBeGreaterThanOrEqual(AA_NORMAL);
  });

  it('takes black where neither white nor the zone ink reads (a mid grey)', () => {
    expect(contrastRatio('#ffffff', '#777777')).toBeLessThan(AA_NORMAL);
    expect(inkOn('#777777')).toBe('#000000');
    expect(contrastRatio('#000000', '#777777')).toBeGreaterThanOrEqual(AA_NORMAL);
  });
});
