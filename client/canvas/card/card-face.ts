/**
 * Semantic zoom of activity cards. A card is drawn in page units, so its text
 * shrinks with the camera; below the reading zoom the card shows a compact
 * face instead: only the title, set large enough to stay legible at that zoom.
 * Its open button (an icon in the title's top right corner) is sized the same
 * way, so it stays a 24 × 24 CSS px target. The compact title size steps with the zoom (a few steps, not every frame),
 * so cards re-render only when the camera crosses a step.
 */

/** Screen height (CSS px) every card title keeps at every zoom from MIN_LEGIBLE_ZOOM up. */
export const LEGIBLE_TITLE_PX = 12;

/** Page-unit sizes of the reading face (card.css holds the same numbers). */
export const READING_FACE = { titlePx: 17, openButtonPx: 30 } as const;

/**
 * From this zoom up the card shows its reading face: status, title (up to three lines), responsible,
 * parties and the number of indicators. 17 px × 0.75 = 12.75 px on screen.
 */
export const READING_ZOOM = 0.75;

/** Below this zoom even the largest compact title is under LEGIBLE_TITLE_PX (the overview of a very large board). */
export const MIN_LEGIBLE_ZOOM = 0.28;

/** The compact face's steps, each from its zoom down to the next one's (the last one on down). */
const COMPACT_STEPS = [0.5, 0.35, MIN_LEGIBLE_ZOOM] as const;

/** The smallest hit target (CSS px on screen) of a card's open button, on either face (WCAG 2.5.8). */
export const MIN_TARGET_PX = 24;

export type CardFace = { kind: 'reading' } | { kind: 'compact'; step: number; titlePx: number; openPx: number };

/** Which face a card shows at `zoom`; `key` is a primitive, so it can be compared and subscribed to. */
export function cardFaceKey(zoom: number): string {
  if (zoom >= READING_ZOOM) return 'reading';
  const step = COMPACT_STEPS.findIndex((min) => zoom >= min);
  return `compact-${step === -1 ? COMPACT_STEPS.length - 1 : step}`;
}

export function cardFace(key: string): CardFace {
  if (key === 'reading') return { kind: 'reading' };
  const step = Number(key.slice('compact-'.length));
  const min = COMPACT_STEPS[step] ?? MIN_LEGIBLE_ZOOM;
  // A little over the target, so rounding in the browser never takes it under.
  return {
    kind: 'compact',
    step,
    titlePx: Math.ceil((LEGIBLE_TITLE_PX + 0.5) / min),
    openPx: Math.ceil((MIN_TARGET_PX + 0.5) / min),
  };
}

/** Title lines that fit a compact face of height `h` (page units) with its band and padding. */
export function compactTitleLines(h: number, titlePx: number): number {
  return Math.max(1, Math.floor((h - COMPACT_CHROME_PX) / (titlePx * COMPACT_LINE_HEIGHT)));
}

export const COMPACT_LINE_HEIGHT = 1.12;
/** Padding above and below the compact title and its status band (card.css). */
const COMPACT_CHROME_PX = 20;

const SOFT_HYPHEN = '\u00AD';
/** Word fragments a compact title is broken into are at least this long. */
const MIN_FRAGMENT = 3;

/**
 * A compact title with soft hyphens inside long words: a compact card holds only a few
 * characters a line, and Swedish compounds ("Kompetensutveckling") would otherwise be cut
 * anywhere with no sign of it. The browser breaks only where a word does not fit, and shows
 * a hyphen there (CSS `hyphens: manual`).
 */
export function breakableTitle(title: string): string {
  return title.replace(/\p{L}{8,}/gu, (word) => {
    const letters = [...word];
    return letters
      .map((letter, i) => (i >= MIN_FRAGMENT && i <= letters.length - MIN_FRAGMENT ? SOFT_HYPHEN + letter : letter))
      .join('');
  });
}
