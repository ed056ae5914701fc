/**
 * The page's estimate of the server's clock, so every countdown ends at the
 * same moment however wrong this computer's clock is: one GET /api/time, the
 * offset taken from the midpoint of the round trip (shared clockOffset). Until
 * it answers (or when it cannot), the page's own clock stands in. Asked when a
 * board page first shows the timer, and again when one mounts more than an hour
 * after the last answer (clocks drift); a page left open is not asked again.
 */
import { useEffect, useState } from 'react';
import { clockOffset } from '../../shared/workshop/timer.ts';
import { serverTime } from './workshop-requests.ts';

const REMEASURE_MS = 60 * 60 * 1000;
let offset = 0;
let measuredAt = 0;
let measuring: Promise<void> | null = null;

function measure(): Promise<void> {
  measuring ??= (async () => {
    try {
      const sentAt = Date.now();
      const now = await serverTime();
      offset = clockOffset(sentAt, now, Date.now());
      measuredAt = Date.now();
    } catch {
      // Unreachable: the page's own clock is the best there is; asked again next time.
    } finally {
      measuring = null;
    }
  })();
  return measuring;
}

/** The server's time now, as this page estimates it. */
export const serverNow = (): number => Date.now() + offset;

/** Measures the offset when a timer is shown; re-renders once the estimate arrives. */
export function useServerClock(): () => number {
  const [, setMeasured] = useState(measuredAt);
  useEffect(() => {
    if (measuredAt !== 0 && Date.now() - measuredAt < REMEASURE_MS) return;
    let live = true;
    void measure().then(() => live && setMeasured(measuredAt));
    return () => {
      live = false;
    };
  }, []);
  return serverNow;
}
