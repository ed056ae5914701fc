/** The workshop timer's maths and the agenda's checks (README "Running the workshop"). */
import { describe, expect, it } from 'vitest';
import {
  currentPhase,
  defaultPhases,
  isAgenda,
  nextPhaseId,
  PHASE_NAME_MAX,
  PHASES_MAX,
  phasesProblem,
  replacePhases,
  restrictionOf,
} from '../../shared/workshop/agenda.ts';
import {
  applyTimerAction,
  clockOffset,
  formatRemaining,
  isTimerState,
  remainingMs,
  TIMER_MAX_MS,
  TimerConflict,
  timeIsUp,
} from '../../shared/workshop/timer.ts';

const T0 = 1_800_000_000_000;

describe('workshop timer', () => {
  it('counts down from the server’s start, whatever moment a page asks', () => {
    const timer = applyTimerAction(null, { action: 'start', seconds: 120 }, T0, 'Karin');
    expect(timer).toEqual({ state: 'running', endsAt: T0 + 120_000, durationMs: 120_000, startedBy: 'Karin' });
    if (!timer) throw new Error('no timer');
    expect(remainingMs(timer, T0 + 30_000)).toBe(90_000);
    expect(remainingMs(timer, T0 + 500_000)).toBe(0);
    expect(timeIsUp(timer, T0 + 119_999)).toBe(false);
    expect(timeIsUp(timer, T0 + 120_000)).toBe(true);
  });

  it('pauses with what is left and resumes from it', () => {
    const running = applyTimerAction(null, { action: 'start', seconds: 60 }, T0, 'K');
    const paused = applyTimerAction(running, { action: 'pause' }, T0 + 20_000, 'K');
    expect(paused).toMatchObject({ state: 'paused', remainingMs: 40_000 });
    if (!paused) throw new Error('no timer');
    expect(remainingMs(paused, T0 + 999_999)).toBe(40_000);
    const resumed = applyTimerAction(paused, { action: 'resume' }, T0 + 100_000, 'K');
    expect(resumed).toMatchObject({ state: 'running', endsAt: T0 + 140_000 });
  });

  it('adds time to a running, a paused and a finished timer; adding after the end counts from now', () => {
    const running = applyTimerAction(null, { action: 'start', seconds: 60 }, T0, 'K');
    expect(applyTimerAction(running, { action: 'add', seconds: 60 }, T0 + 10_000, 'K')).toMatchObject({
      endsAt: T0 + 120_000,
      durationMs: 120_000,
    });
    const paused = applyTimerAction(running, { action: 'pause' }, T0 + 30_000, 'K');
    expect(applyTimerAction(paused, { action: 'add', seconds: 300 }, T0 + 50_000, 'K')).toMatchObject({
      state: 'paused',
      remainingMs: 330_000,
    });
    expect(applyTimerAction(running, { action: 'add', seconds: 60 }, T0 + 90_000, 'K')).toMatchObject({
      endsAt: T0 + 150_000,
    });
  });

  it('refuses pause, resume and add when they do not apply, and stops to nothing', () => {
    const running = applyTimerAction(null, { action: 'start', seconds: 60 }, T0, 'K');
    expect(() => applyTimerAction(null, { action: 'pause' }, T0, 'K')).toThrow(TimerConflict);
    expect(() => applyTimerAction(running, { action: 'resume' }, T0, 'K')).toThrow(TimerConflict);
    expect(() => applyTimerAction(null, { action: 'add', seconds: 5 }, T0, 'K')).toThrow(TimerConflict);
    expect(applyTimerAction(running, { action: 'stop' }, T0, 'K')).toBeNull();
  });

  it('caps the duration and checks stored states', () => {
    const long = applyTimerAction(null, { action: 'start', seconds: 10 ** 9 }, T0, 'K');
    expect(long?.durationMs).toBe(TIMER_MAX_MS);
    expect(isTimerState(long)).toBe(true);
    expect(isTimerState(null)).toBe(true);
    expect(isTimerState({ state: 'running', endsAt: -1, durationMs: 1, startedBy: '' })).toBe(false);
    expect(isTimerState({ state: 'paused', remainingMs: 1, durationMs: 1 })).toBe(false);
    expect(isTimerState({ state: 'done', durationMs: 1, startedBy: '' })).toBe(false);
  });

  it('formats minutes and seconds left, rounding up', () => {
    expect(formatRemaining(120_000)).toBe('2:00');
    expect(formatRemaining(119_001)).toBe('2:00');
    expect(formatRemaining(61_000)).toBe('1:01');
    expect(formatRemaining(0)).toBe('0:00');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
  });

  it('estimates the server clock from the midpoint of a round trip', () => {
    // The page's clock is 10 s behind; the request took 200 ms.
    expect(clockOffset(1_000, 11_100, 1_200)).toBe(10_000);
    expect(clockOffset(1_000, 1_100, 1_200)).toBe(0);
  });
});

describe('workshop agenda', () => {
  const phases = defaultPhases(['Idéer', 'Diskussion', 'Prioritering', 'Beslut']);

  it('accepts the default agenda and walks through it', () => {
    expect(phasesProblem(phases)).toBeNull();
    const agenda = replacePhases(null, phases);
    expect(agenda.currentPhaseId).toBeNull();
    expect(restrictionOf(agenda)).toBe('none');
    expect(nextPhaseId(agenda)).toBe('ideas');
    const last = { ...agenda, currentPhaseId: 'agreement' };
    expect(currentPhase(last)).toMatchObject({ number: 4, of: 4 });
    expect(restrictionOf(last)).toBe('locked');
    expect(nextPhaseId(last)).toBeNull();
    expect(isAgenda(last)).toBe(true);
  });

  it('keeps the current phase when it stays on the list, else none', () => {
    const agenda = { ...replacePhases(null, phases), currentPhaseId: 'discussion' };
    expect(replacePhases(agenda, phases.slice(0, 2)).currentPhaseId).toBe('discussion');
    expect(replacePhases(agenda, phases.slice(2)).currentPhaseId).toBeNull();
  });

  it('refuses too many phases, long or empty names, doubled ids, bad minutes and restrictions', () => {
    const phase = { id: 'p', name: 'Fas', restriction: 'none' };
    const many = Array.from({ length: PHASES_MAX + 1 }, (_, i) => ({ ...phase, id: `p${i}` }));
    expect(phasesProblem(many)).toMatch(/at most 12/);
    expect(phasesProblem(many.slice(1))).toBeNull();
    expect(phasesProblem([{ ...phase, name: 'x'.repeat(PHASE_NAME_MAX + 1) }])).toMatch(/name/);
    expect(phasesProblem([{ ...phase, name: '  ' }])).toMatch(/name/);
    expect(phasesProblem([phase, phase])).toMatch(/twice/);
    expect(phasesProblem([{ ...phase, minutes: 0 }])).toMatch(/minutes/);
    expect(phasesProblem([{ ...phase, minutes: 1.5 }])).toMatch(/minutes/);
    expect(phasesProblem([{ ...phase, restriction: 'frozen' }])).toMatch(/restriction/);
    expect(phasesProblem([{ ...phase, extra: 1 }])).toMatch(/key/);
    expect(phasesProblem('phases')).toMatch(/list/);
    expect(isAgenda({ phases: [phase], currentPhaseId: 'missing' })).toBe(false);
  });
});
