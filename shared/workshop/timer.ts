/**
 * The workshop timer (README "Running the workshop") as pure maths on a state
 * the server keeps in `meta.timer`: a running timer ends at a server epoch
 * time, a paused one keeps what was left. Every page counts down to the same
 * `endsAt` with its own estimate of the server clock, so the countdowns agree
 * however wrong the people's clocks are.
 */

export const TIMER_MAX_MS = 6 * 60 * 60 * 1000;
const NAME_MAX = 100;

export type TimerState =
  | { state: 'running'; endsAt: number; durationMs: number; startedBy: string }
  | { state: 'paused'; remainingMs: number; durationMs: number; startedBy: string };

export type TimerAction =
  | { action: 'start'; seconds: number }
  | { action: 'pause' }
  | { action: 'resume' }
  | { action: 'add'; seconds: number }
  | { action: 'stop' };

/** Why an action does not apply to the timer as it is (the route answers 409). */
export class TimerConflict extends Error {}

const isMs = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;
const isName = (v: unknown) => typeof v === 'string' && v.length <= NAME_MAX;

/** Whether a value is a timer state the server could have written (the board contract's check). */
export function isTimerState(value: unknown): value is TimerState {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const t = value as Record<string, unknown>;
  if (!isMs(t.durationMs) || (t.durationMs as number) > TIMER_MAX_MS || !isName(t.startedBy)) return false;
  if (t.state === 'running') return isMs(t.endsAt);
  return t.state === 'paused' && isMs(t.remainingMs) && (t.remainingMs as number) <= TIMER_MAX_MS;
}

/** Milliseconds left at server time `now` (never below 0). */
export function remainingMs(timer: TimerState, now: number): number {
  if (timer.state === 'paused') return timer.remainingMs;
  return Math.max(0, timer.endsAt - now);
}

/** Whether the time is up at server time `now`. */
export function timeIsUp(timer: TimerState, now: number): boolean {
  return remainingMs(timer, now) === 0;
}

const capped = (ms: number) => Math.min(TIMER_MAX_MS, Math.max(0, Math.round(ms)));

/**
 * The timer after an action at server time `now`, or null when it is stopped.
 * Adding time to a timer that ran out counts from now, so "+1 min" after the
 * end gives one more minute, not one minute after the end already passed.
 */
export function applyTimerAction(
  timer: TimerState | null,
  act: TimerAction,
  now: number,
  by: string,
): TimerState | null {
  switch (act.action) {
    case 'start': {
      const durationMs = capped(act.seconds * 1000);
      return { state: 'running', endsAt: now + durationMs, durationMs, startedBy: by.slice(0, NAME_MAX) };
    }
    case 'stop':
      return null;
    case 'pause':
      if (timer?.state !== 'running') throw new TimerConflict('the timer is not running');
      return {
        state: 'paused',
        remainingMs: remainingMs(timer, now),
        durationMs: timer.durationMs,
        startedBy: timer.startedBy,
      };
    case 'resume':
      if (timer?.state !== 'paused') throw new TimerConflict('the timer is not paused');
      return {
        state: 'running',
        endsAt: now + timer.remainingMs,
        durationMs: timer.durationMs,
        startedBy: timer.startedBy,
      };
    case 'add': {
      if (!timer) throw new TimerConflict('no timer to add time to');
      const left = capped(remainingMs(timer, now) + act.seconds * 1000);
      const durationMs = capped(timer.durationMs + act.seconds * 1000);
      if (timer.state === 'paused') return { ...timer, remainingMs: left, durationMs };
      return { ...timer, endsAt: now + left, durationMs };
    }
  }
}

/** "4:05", "1:02:03": minutes and seconds left, rounded up so 0:00 shows only at the end. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(Math.max(0, ms) / 1000);
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}

/**
 * The client's estimate of (server clock − own clock) from one round trip: the
 * server answered at about the midpoint of the request, so the offset is its
 * `now` minus that midpoint. Off by at most half the round trip.
 */
export function clockOffset(sentAt: number, serverNow: number, receivedAt: number): number {
  return serverNow - (sentAt + receivedAt) / 2;
}
