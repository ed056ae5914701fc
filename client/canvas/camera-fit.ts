/**
 * Camera math for the canvas, pure so it is tested without a browser: the
 * camera that shows a rectangle (the whole board, one focus area) in the part
 * of the viewport tldraw's panels leave free, and the pan that brings a card
 * out from under the card editor. tldraw's camera maps page to screen as
 * screen = (page + camera) × z.
 */
export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Insets {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface Camera {
  x: number;
  y: number;
  z: number;
}

/** Screen space tldraw's desktop panels and the board's own bars cover; narrow screens fold the style panel away. */
export function panelInsets(viewportWidth: number): Insets {
  return viewportWidth >= 1000
    ? { top: 120, right: 176, bottom: 80, left: 24 }
    : { top: 120, right: 16, bottom: 80, left: 16 };
}

export interface FitOptions {
  /** Never zoom out past this (text stays legible); the rectangle's top (and left, with `align: 'start'`) then shows. */
  minZoom?: number;
  /** Never zoom in past this (default 100 %). */
  maxZoom?: number;
  /** Where a rectangle smaller than the free space sits: in its centre (default) or at its top left. */
  align?: 'centre' | 'start';
}

/**
 * The camera that shows `bounds` as large as it fits in the free part of the
 * viewport, within [minZoom, maxZoom]. On an axis where it fits it is centred
 * (or put at the start); where it does not (held at minZoom), its start shows.
 */
export function fitCamera(
  bounds: Rect,
  viewport: { w: number; h: number },
  insets: Insets,
  { minZoom = 0, maxZoom = 1, align = 'centre' }: FitOptions = {},
): Camera {
  const freeW = Math.max(1, viewport.w - insets.left - insets.right);
  const freeH = Math.max(1, viewport.h - insets.top - insets.bottom);
  const fit = Math.min(freeW / Math.max(1, bounds.w), freeH / Math.max(1, bounds.h));
  const z = Math.min(maxZoom, Math.max(minZoom, fit));
  // Screen position of the rectangle's start on one axis.
  const place = (start: number, free: number, size: number) =>
    size * z > free || align === 'start' ? start : start + (free - size * z) / 2;
  return {
    x: place(insets.left, freeW, bounds.w) / z - bounds.x,
    y: place(insets.top, freeH, bounds.h) / z - bounds.y,
    z,
  };
}

/**
 * How far (screen px) to move a card's screen rectangle so it lies inside
 * `free` (the part of the screen the editor panel and the bars leave):
 * nothing when it is already inside; its start edge wins when it is larger.
 */
export function revealShift(card: Rect, free: Rect): { dx: number; dy: number } {
  const shift = (start: number, size: number, freeStart: number, freeSize: number) => {
    if (size >= freeSize || start < freeStart) return freeStart - start;
    if (start + size > freeStart + freeSize) return freeStart + freeSize - (start + size);
    return 0;
  };
  return { dx: shift(card.x, card.w, free.x, free.w), dy: shift(card.y, card.h, free.y, free.h) };
}

/** The camera moved by a screen-space shift, at the same zoom. */
export function shiftCamera(camera: Camera, shift: { dx: number; dy: number }): Camera {
  return { x: camera.x + shift.dx / camera.z, y: camera.y + shift.dy / camera.z, z: camera.z };
}
