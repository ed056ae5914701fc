/** In-page timing for the Chromium benches: marks that a bench script installs before the page's own scripts. */
import type { BrowserContext, Page } from 'playwright-core';

export interface FrameMark {
  /** The performance mark's name. */
  name: string;
  selector: string;
  /** How many elements must match. */
  count: number;
  /** And none may match this one (e.g. a shape on screen still drawn as a stand-in). */
  none?: string;
}

/**
 * The canvas benches' mark `bench:cards-drawn`: all `count` cards on the page, and none on
 * screen still drawn as the stand-in an off-screen card gets (client/canvas/card/card-culling.ts).
 */
export const cardsDrawn = (count: number): FrameMark => ({
  name: 'bench:cards-drawn',
  selector: '[data-testid="activity-card"]',
  count,
  none: '.tl-shape:not([style*="display: none"]) [data-testid="activity-card"][data-culled]',
});

/**
 * Marks, in every page of `context`, the first frame after the one in which
 * `selector` matched `count` elements: a rAF callback runs before its frame's
 * layout and paint, so the next one starts once that frame is drawn. With
 * `none`, that frame must also have no element matching it.
 */
export async function markFrames(context: BrowserContext, marks: FrameMark[]): Promise<void> {
  await context.addInitScript((wanted: FrameMark[]) => {
    for (const { name, selector, count, none } of wanted) {
      const check = () => {
        const done = document.querySelectorAll(selector).length >= count && !(none && document.querySelector(none));
        if (done) requestAnimationFrame(() => performance.mark(name));
        else requestAnimationFrame(check);
      };
      requestAnimationFrame(check);
    }
  }, marks);
}

/** Waits for a mark `markFrames` set and returns its time since navigation (ms). */
export async function markTime(page: Page, name: string, timeout = 60_000): Promise<number> {
  const handle = await page.waitForFunction(
    (mark) => performance.getEntriesByName(mark, 'mark').at(-1)?.startTime,
    name,
    { timeout, polling: 100 },
  );
  return (await handle.jsonValue()) as number;
}
