import { describe, expect, it } from 'vitest';
import { type Camera, fitCamera, panelInsets, revealShift, shiftCamera } from '../../client/canvas/camera-fit.ts';
import { openingArea } from '../../client/canvas/navigation/camera-moves.ts';
import { getTemplate } from '../../shared/template.ts';

const toScreen = (camera: Camera, x: number, y: number) => ({
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

  it('holds a tall area at the zoom floor and shows its top, centred across', () => {
    const area = { x: 2000, y: 0, w: 816, h: 4000 };
    const camera = fitCamera(area, viewport, insets, { minZoom: 0.28 });
    expect(camera.z).toBe(0.28);
    expect(toScreen(camera, area.x, area.y).y).toBeCloseTo(insets.top);
    const freeCentre = insets.left + (viewport.w - insets.left - insets.right) / 2;
    expect(toScreen(camera, area.x + area.w / 2, 0).x).toBeCloseTo(freeCentre);
  });

  it('puts a rectangle at the top left of the free space at a fixed zoom with align start', () => {
    const area = { x: 880, y: 0, w: 816, h: 1656 };
    const camera = fitCamera(area, viewport, insets, { minZoom: 0.8, maxZoom: 0.8, align: 'start' });
    expect(camera.z).toBe(0.8);
    const topLeft = toScreen(camera, area.x, area.y);
    expect(topLeft.x).toBeCloseTo(insets.left);
    expect(topLeft.y).toBeCloseTo(insets.top);
  });
});

describe('revealShift', () => {
  const free = { x: 24, y: 120, w: 900, h: 640 };

  it('leaves a card alone that is already in the free part', () => {
    expect(revealShift({ x: 100, y: 200, w: 186, h: 118 }, free)).toEqual({ dx: 0, dy: 0 });
  });

  it('moves a card from under the panel on the right to just inside the free part', () => {
    const card = { x: 1100, y: 300, w: 186, h: 118 };
    const { dx, dy } = revealShift(card, free);
    expect(dy).toBe(0);
    expect(card.x + dx + card.w).toBe(free.x + free.w);
  });

  it('brings a card back from above or left of the screen', () => {
    expect(revealShift({ x: -300, y: 20, w: 186, h: 118 }, free)).toEqual({ dx: 324, dy: 100 });
  });

  it('shows the top left of a card larger than the free part', () => {
    expect(revealShift({ x: 500, y: 500, w: 2000, h: 2000 }, free)).toEqual({ dx: -476, dy: -380 });
  });
});

describe('shiftCamera', () => {
  it('moves what is on screen by the shift, at the same zoom', () => {
    const camera = { x: -100, y: 50, z: 0.5 };
    const moved = shiftCamera(camera, { dx: -200, dy: 40 });
    expect(moved.z).toBe(0.5);
    const before = toScreen(camera, 1000, 1000);
    const after = toScreen(moved, 1000, 1000);
    expect(after.x - before.x).toBeCloseTo(-200);
    expect(after.y - before.y).toBeCloseTo(40);
  });
});

describe('openingArea', () => {
  const hsvo = getTemplate('hsvo-2024-2026');
  if (!hsvo) throw new Error('the HSVO template is missing');

  it('opens on the first area, in template order, that holds a card', () => {
    expect(openingArea(hsvo, [null, 'D1', 'B2', 'B1'])).toBe('B');
  });

  it('opens on the first area of a board without placed cards', () => {
    expect(openingArea(hsvo, [])).toBe('A');
    expect(openingArea(hsvo, [null, 'no-such-goal'])).toBe('A');
  });
});
