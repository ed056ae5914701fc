import { describe, expect, it } from 'vitest';
import { fitCamera, panelInsets } from '../../client/canvas/camera-fit.ts';

const toScreen = (camera: { x: number; y: number; z: number }, x: number, y: number) => ({
  x: (x + camera.x) * camera.z,
  y: (y + camera.y) * camera.z,
});

describe('fitCamera', () => {
  const viewport = { w: 1440, h: 840 };
  const insets = panelInsets(viewport.w);

  it("shows the whole board inside the part of the screen tldraw's panels leave free", () => {
    const bounds = { x: 0, y: 0, w: 3456, h: 1666 };
    const camera = fitCamera(bounds, viewport, insets);
    const topLeft = toScreen(camera, bounds.x, bounds.y);
    const bottomRight = toScreen(camera, bounds.x + bounds.w, bounds.y + bounds.h);
    expect(topLeft.x).toBeGreaterThanOrEqual(insets.left - 0.001);
    expect(topLeft.y).toBeGreaterThanOrEqual(insets.top - 0.001);
    expect(bottomRight.x).toBeLessThanOrEqual(viewport.w - insets.right + 0.001);
    expect(bottomRight.y).toBeLessThanOrEqual(viewport.h - insets.bottom + 0.001);
    // Width-limited here: the board spans the whole free width.
    expect(bottomRight.x - topLeft.x).toBeCloseTo(viewport.w - insets.left - insets.right);
  });

  it('never zooms in past 100 %', () => {
    expect(fitCamera({ x: 0, y: 0, w: 100, h: 100 }, viewport, insets).z).toBe(1);
  });

  it('leaves room for the style panel only on wide screens', () => {
    expect(panelInsets(1440).right).toBeGreaterThan(panelInsets(800).right);
  });
});
