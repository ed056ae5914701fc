import { describe, expect, it } from 'vitest';
import { CARD_SIZE } from '../../client/canvas/card/ActivityCardShape.ts';
import {
  breakableTitle,
  cardFace,
  cardFaceKey,
  compactTitleLines,
  LEGIBLE_TITLE_PX,
  MIN_LEGIBLE_ZOOM,
  READING_FACE,
  READING_ZOOM,
} from '../../client/canvas/card/card-face.ts';
import { OPENING_ZOOM } from '../../client/canvas/navigation/camera-moves.ts';

/** The title's height on screen, in CSS px, at `zoom`. */
function titleOnScreen(zoom: number): number {
  const face = cardFace(cardFaceKey(zoom));
  return (face.kind === 'reading' ? READING_FACE.titlePx : face.titlePx) * zoom;
}

describe('card faces (semantic zoom)', () => {
  it('shows the reading face from the reading zoom up, the compact face below', () => {
    expect(cardFace(cardFaceKey(1)).kind).toBe('reading');
    expect(cardFace(cardFaceKey(READING_ZOOM)).kind).toBe('reading');
    expect(cardFace(cardFaceKey(READING_ZOOM - 0.01)).kind).toBe('compact');
    expect(cardFace(cardFaceKey(0.1)).kind).toBe('compact');
  });

  it(`keeps every title at least ${LEGIBLE_TITLE_PX} CSS px tall at every zoom from the floor up`, () => {
    for (let zoom = MIN_LEGIBLE_ZOOM; zoom <= 2; zoom += 0.005) {
      expect(titleOnScreen(zoom), `zoom ${zoom.toFixed(3)}`).toBeGreaterThanOrEqual(LEGIBLE_TITLE_PX);
    }
  });

  it('changes face only at a few steps, so cards re-render rarely while zooming', () => {
    const keys = new Set<string>();
    for (let zoom = 0.05; zoom <= 8; zoom += 0.01) keys.add(cardFaceKey(zoom));
    expect(keys.size).toBeLessThanOrEqual(4);
  });

  it('opens the board at a zoom with legible titles and open buttons of at least 24 CSS px', () => {
    expect(titleOnScreen(OPENING_ZOOM)).toBeGreaterThanOrEqual(LEGIBLE_TITLE_PX);
    expect(READING_FACE.openButtonPx * OPENING_ZOOM).toBeGreaterThanOrEqual(24);
  });

  it('gives a standard card at least two compact title lines at every step', () => {
    for (const zoom of [0.7, 0.45, 0.3, 0.1]) {
      const face = cardFace(cardFaceKey(zoom));
      if (face.kind !== 'compact') throw new Error('expected the compact face');
      expect(compactTitleLines(CARD_SIZE.h, face.titlePx)).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('breakableTitle', () => {
  const SOFT = '\u00AD';

  it('lets long words break with a hyphen, never leaving fewer than three letters on a line', () => {
    const title = breakableTitle('Kompetensutveckling om våld');
    expect(title.replaceAll(SOFT, '')).toBe('Kompetensutveckling om våld');
    const fragments = (title.split(' ')[0] ?? '').split(SOFT);
    expect(fragments[0]).toBe('Kom');
    expect(fragments.at(-1)).toBe('ing');
    expect(fragments.length).toBe('Kompetensutveckling'.length - 4);
  });

  it('leaves words of up to seven letters whole', () => {
    expect(breakableTitle('Vård och omsorg för 40-åringar')).toBe('Vård och omsorg för 40-åringar');
    expect(breakableTitle('Gemensam krisövning')).toContain(SOFT);
  });
});
