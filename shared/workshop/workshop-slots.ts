/**
 * The workshop's meta keys in the board contract (README "Running the
 * workshop"): server-owned, so only the timer and agenda routes write them and
 * a client's update touching them is refused.
 */
import type { Slot } from '../board-contract.ts';
import { isVotingRound } from '../voting/voting.ts';
import { isAgenda } from './agenda.ts';
import { isSummon } from './summon.ts';
import { isTimerState } from './timer.ts';

const check = (what: string, ok: (value: unknown) => boolean) => (value: unknown) =>
  ok(value) ? null : `must be ${what}`;

export const WORKSHOP_META_SLOTS: Record<string, Slot> = {
  timer: { kind: 'value', problem: check('a workshop timer or null', isTimerState), owner: 'server' },
  agenda: { kind: 'value', problem: check('a workshop agenda or null', isAgenda), owner: 'server' },
  // "Samla alla hit" (summon.ts): written by POST …/summon only.
  summon: { kind: 'value', problem: check('a summon or null', isSummon), owner: 'server' },
  // Dot voting's round (shared/voting/voting.ts): written by the voting routes only.
  voting: { kind: 'value', problem: check('a voting round or null', isVotingRound), owner: 'server' },
};
