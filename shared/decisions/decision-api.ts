/** Body and answer of POST /api/boards/:id/decisions (README "HTTP API", "Decisions"). */
import * as z from 'zod/mini';
import type { CardDecision, DecisionLogEntry } from './decisions.ts';

/** Kept here with no imports of the card schema, so the page's bundle stays small; decisions.ts checks they agree. */
const NOTE_MAX = 500;
const ID_MAX = 64;

export const DecisionBody = z.object({
  cardId: z
    .string({ error: 'cardId must be a string' })
    .check(
      z.minLength(1, 'cardId must not be empty'),
      z.maxLength(ID_MAX, `cardId must be at most ${ID_MAX} characters`),
    ),
  agreed: z.boolean({ error: 'agreed must be true or false' }),
  note: z
    .string({ error: 'note must be a string' })
    .check(z.maxLength(NOTE_MAX, `note must be at most ${NOTE_MAX} characters`)),
  /** The facilitator's display name, for the decision's `by` (trimmed and cut to 100 characters). */
  by: z.optional(
    z.string({ error: 'by must be a string' }).check(z.maxLength(200, 'by must be at most 200 characters')),
  ),
});
export type DecisionBody = z.infer<typeof DecisionBody>;

/** What the route answers: the log entry as stored, and the card's decision. */
export interface DecisionAnswer {
  entry: DecisionLogEntry;
  decision: CardDecision;
}
