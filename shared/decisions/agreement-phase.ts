/**
 * Which workshop phase is the agreement phase (README "Decisions"): one named "Beslut" (the
 * suggested agenda's last phase), "Decision", "Decisions" or "Agreement" in any case, or any
 * phase that locks the board for participants (`locked`: only the facilitator acts, which is
 * what deciding is). In it the card editor offers the facilitator "Besluta" first, open.
 */
import { type Agenda, currentPhase } from '../workshop/agenda.ts';

const AGREEMENT_NAMES = /^\s*(beslut|besluta|decisions?|agreement|överenskommelse)\s*$/i;

export function isAgreementPhase(agenda: Agenda | null): boolean {
  const current = currentPhase(agenda);
  if (!current) return false;
  return current.phase.restriction === 'locked' || AGREEMENT_NAMES.test(current.phase.name);
}
