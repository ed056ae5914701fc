/**
 * Private drafting (README "Running the workshop"): the facilitator's drafting
 * round as the server stores it in `meta.drafting`. The drafts themselves are
 * never in the board document: each page keeps its own in the browser until it
 * sees the round revealed, then publishes them as ordinary cards.
 */
import * as z from 'zod/mini';

export const DRAFTING_ACTIONS = ['start', 'reveal', 'end'] as const;
export type DraftingAction = (typeof DRAFTING_ACTIONS)[number];

export interface DraftingRound {
  /** private: drafts stay in each browser; revealed: each page publishes its drafts. */
  state: 'private' | 'revealed';
  roundId: string;
  /** Server epoch ms. */
  startedAt: number;
  revealedAt?: number;
  /** The facilitator's name as their page gave it. */
  by: string;
}

const NAME_MAX = 100;
const ROUND_ID_MAX = 40;

/** POST /api/boards/:id/drafting. */
export const DraftingBody = z.object({
  action: z.enum(DRAFTING_ACTIONS, { error: 'action must be start, reveal or end' }),
  by: z.optional(z.string({ error: 'by must be a string' }).check(z.maxLength(NAME_MAX))),
});
export type DraftingBody = z.infer<typeof DraftingBody>;

/** A drafting action that does not fit the round as it is (answered 409). */
export class DraftingConflict extends Error {}

const isTime = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Whether a value is a round the server could have written, or null (the board contract's check). */
export function isDraftingRound(value: unknown): value is DraftingRound | null {
  if (value === null) return true;
  if (typeof value !== 'object' || Array.isArray(value)) return false;
  const round = value as Record<string, unknown>;
  const { state, roundId, startedAt, revealedAt, by } = round;
  if (Object.keys(round).some((key) => !['state', 'roundId', 'startedAt', 'revealedAt', 'by'].includes(key))) {
    return false;
  }
  if (typeof roundId !== 'string' || roundId.length === 0 || roundId.length > ROUND_ID_MAX) return false;
  if (typeof by !== 'string' || by.length > NAME_MAX || !isTime(startedAt)) return false;
  if (state === 'private') return revealedAt === undefined;
  return state === 'revealed' && isTime(revealedAt);
}

/**
 * The round after the facilitator's action at server time `now`: start opens a
 * new private round (also after a reveal), reveal lets every page publish,
 * end closes the round (drafts not revealed stay in their browsers).
 */
export function applyDraftingAction(
  round: DraftingRound | null,
  action: DraftingAction,
  now: number,
  by: string,
  newRoundId: string,
): DraftingRound | null {
  if (action === 'start') {
    if (round?.state === 'private') throw new DraftingConflict('a private drafting round is already running');
    return { state: 'private', roundId: newRoundId, startedAt: now, by };
  }
  if (action === 'reveal') {
    if (round?.state !== 'private') throw new DraftingConflict('no private drafting round to reveal');
    return { ...round, state: 'revealed', revealedAt: now };
  }
  return null;
}
