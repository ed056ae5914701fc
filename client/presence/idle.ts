/**
 * Whether this person is idle, for the people list's "inaktiv" (README
 * "Following and summoning"): no pointer or key for IDLE_AFTER_MS, or the tab
 * is hidden. Published in awareness as `idle`.
 */
import { useEffect, useState } from 'react';

export const IDLE_AFTER_MS = 2 * 60 * 1000;
/** How often the page looks whether the quiet spell has grown long enough. */
const CHECK_EVERY_MS = 15_000;

export function isIdle(lastActivity: number, now: number, hidden: boolean): boolean {
  return hidden || now - lastActivity >= IDLE_AFTER_MS;
}

const ACTIVITY = ['pointermove', 'pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

/** This page's idleness, re-read on activity, on tab visibility and every CHECK_EVERY_MS. */
export function useIdle(): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    let last = Date.now();
    let idleNow = false;
    const set = (next: boolean) => {
      // Only a change reaches React: pointer moves arrive every frame.
      if (next === idleNow) return;
      idleNow = next;
      setIdle(next);
    };
    const check = () => set(isIdle(last, Date.now(), document.visibilityState === 'hidden'));
    const active = () => {
      last = Date.now();
      if (idleNow) check();
    };
    for (const event of ACTIVITY) window.addEventListener(event, active, { passive: true, capture: true });
    document.addEventListener('visibilitychange', check);
    const timer = setInterval(check, CHECK_EVERY_MS);
    return () => {
      for (const event of ACTIVITY) window.removeEventListener(event, active, { capture: true });
      document.removeEventListener('visibilitychange', check);
      clearInterval(timer);
    };
  }, []);
  return idle;
}
