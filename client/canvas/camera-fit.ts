/**
 * The camera that shows the whole board at once, clear of tldraw's own
 * panels (menu and the card bar on top, style panel on the right, toolbar at the bottom), so
 * no focus area starts hidden behind a panel.
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

/** Screen space tldraw's desktop panels cover; narrow screens fold the style panel away. */
export function panelInsets(viewportWidth: number): Insets {
  return viewportWidth >= 1000
    ? { top: 120, right: 176, bottom: 80, left: 24 }
    : { top: 120, right: 16, bottom: 80, left: 16 };
}

/** tldraw camera (screen = (page + camera) × z) that centres `bounds` in the free part of the viewport. */
export function fitCamera(bounds: Rect, viewport: { w: number; h: number }, insets: Insets) {
  const freeW = Math.max(1, viewport.w - insets.left - insets.right);
  const freeH = Math.max(1, viewport.h - insets.top - insets.bottom);
  const z = Math.min(freeW / bounds.w, freeH / bounds.h, 1);
  const centreX = insets.left + freeW / 2;
  const centreY = insets.top + freeH / 2;
  return {
    x: centreX / z - (bounds.x + bounds.w / 2),
    y: centreY / z - (bounds.y + bounds.h / 2),
    z,
  };
}
