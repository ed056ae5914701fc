/**
 * The canvas's layout as a test reads it: every zone's and card shape's page
 * bounds (tldraw's own coordinates, whatever the camera, drawn or culled), from
 * the transform and size tldraw gives each shape's element, and zooming the camera onto a
 * zone as a person would (Ctrl + wheel, then wheel to pan).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

export interface PageRect {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** Page bounds of the shapes of a type (`zone`, `activity-card`), by shape id. */
export async function shapeBounds(page: Page, type: 'zone' | 'activity-card'): Promise<PageRect[]> {
  return page.evaluate((shapeType) => {
    const elements = [...document.querySelectorAll<HTMLElement>(`.tl-shape[data-shape-type="${shapeType}"]`)];
    return elements.map((element) => {
      // The inline transform tldraw writes: a shape outside the view is display:none, and its
      // computed transform would then read as none.
      const matrix = new DOMMatrix(element.style.transform || 'none');
      return {
        id: element.dataset.shapeId ?? '',
        x: matrix.e,
        y: matrix.f,
        w: Number.parseFloat(element.style.width),
        h: Number.parseFloat(element.style.height),
      };
    });
  }, type);
}

export const overlaps = (a: PageRect, b: PageRect) =>
  a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

export const inside = (inner: PageRect, outer: PageRect) =>
  inner.x >= outer.x - 0.01 &&
  inner.y >= outer.y - 0.01 &&
  inner.x + inner.w <= outer.x + outer.w + 0.01 &&
  inner.y + inner.h <= outer.y + outer.h + 0.01;

/** The card ids of a goal as its grid shows them: row by row, left to right. */
export async function gridOrder(page: Page, goalId: string): Promise<string[]> {
  const zone = (await shapeBounds(page, 'zone')).find((z) => z.id === `shape:zone-${goalId}`);
  if (!zone) throw new Error(`no zone ${goalId}`);
  return (await shapeBounds(page, 'activity-card'))
    .filter((card) => inside(card, zone))
    .sort((a, b) => a.y - b.y || a.x - b.x)
    .map((card) => card.id.replace('shape:card-', ''));
}

/** Zooms until the zone's height takes `share` of the window, then pans it to the top left. */
export async function zoomToZone(page: Page, zoneId: string, share = 0.85): Promise<void> {
  const zone = page.locator(`.tl-shape[data-shape-id="shape:zone-${zoneId}"]`);
  const viewport = page.viewportSize() ?? { width: 1440, height: 900 };
  for (let i = 0; i < 40; i++) {
    const box = await zone.boundingBox();
    if (!box) throw new Error(`zone ${zoneId} is not on screen`);
    const ratio = box.height / (viewport.height * share);
    if (ratio > 0.92 && ratio < 1.08) break;
    await page.mouse.move(box.x + box.width / 2, Math.min(Math.max(box.y + box.height / 2, 80), viewport.height - 80));
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, ratio > 1 ? 30 : -30);
    await page.keyboard.up('Control');
  }
  const box = await zone.boundingBox();
  if (!box) throw new Error(`zone ${zoneId} is not on screen`);
  await page.mouse.wheel(box.x - 40, box.y - 70);
  await expect.poll(async () => Math.round((await zone.boundingBox())?.y ?? 0)).toBeLessThan(90);
}
