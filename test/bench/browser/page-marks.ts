/** In-page timing for the Chromium benches: marks that a bench script installs before the page's own scripts. */
import type { BrowserContext, Page } from 'playwright-core';

export interface FrameMark {
  /** The performance mark's name. */
  name: string;
  selector: string;
  /** How many elements must match. */
  count: number;
}

/**
 * Marks, in every page of `context`, the first frame after the one in which
 * `selector` matched `count` elements: a rAF callback runs before its frame's
 * layout and paint, so the next one starts once that frame is drawn.
 */
export async function markFrames(context: BrowserContext, marks: FrameMark[]): Promise<void> {
  await context.addInitScript((wanted: FrameMark[]) => {
    for (const { name, selector, count } of wanted) {
      const check = () => {
        if (document.querySelectorAll(selector).length >= count) requestAnimationFrame(() => performance.mark(name));
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
