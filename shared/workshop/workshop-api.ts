/** Bodies and answers of the workshop routes (README "HTTP API", "Running the workshop"). */
import * as z from 'zod/mini';
import type { Agenda } from './agenda.ts';
import { TIMER_MAX_MS, type TimerState } from './timer.ts';

const seconds = z
  .number({ error: 'seconds must be a number' })
  .check(
    z.int('seconds must be a whole number'),
    z.gte(1, 'seconds must be at least 1'),
    z.lte(TIMER_MAX_MS / 1000, `seconds must be at most ${TIMER_MAX_MS / 1000}`),
  );

/** POST /api/boards/:id/timer. */
export const TimerBody = z.discriminatedUnion(
  'action',
  [
    z.object({ action: z.literal('start'), seconds, by: z.optional(z.string().check(z.maxLength(100))) }),
    z.object({ action: z.literal('add'), seconds }),
    z.object({ action: z.literal('pause') }),
    z.object({ action: z.literal('resume') }),
    z.object({ action: z.literal('stop') }),
  ],
  { error: 'action must be start, pause, resume, add or stop' },
);
export type TimerBody = z.infer<typeof TimerBody>;

/** PUT /api/boards/:id/agenda: the phases themselves are checked by phasesProblem (agenda.ts). */
export const AgendaBody = z.object({ phases: z.array(z.unknown(), { error: 'phases must be a list' }) });

/** POST /api/boards/:id/agenda/current: null ends the agenda (no current phase). */
export const CurrentPhaseBody = z.object({
  phaseId: z.nullable(z.string({ error: 'phaseId must be a string or null' }).check(z.maxLength(40))),
});

/** What every workshop route answers: the state as stored, and the server's clock. */
export interface WorkshopAnswer {
  timer: TimerState | null;
  agenda: Agenda | null;
  now: number;
}
