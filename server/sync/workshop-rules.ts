/**
 * What the workshop's current phase lets participants change (README "Running
 * the workshop"): nothing to the document in a 'locked' or 'voting-only'
 * phase. Read from the agenda the server wrote into
 * `meta.agenda`, as the document index holds it, so the rule always follows
 * the document (after a restart too). The facilitator is never restricted.
 */
import type { Role } from '../../shared/roles.ts';
import { isAgenda, type Restriction, restrictionOf } from '../../shared/workshop/agenda.ts';
import type { DocIndex } from './doc-index.ts';
import { CLOSE_RESYNC } from './limits.ts';
import type { Refusal } from './update-rules.ts';

const parsed = new WeakMap<DocIndex, { json: string; restriction: Restriction }>();

/** The current phase's restriction on this board ('none' without an agenda). */
export function phaseRestriction(index: DocIndex): Restriction {
  const json = index.metaJson('agenda');
  if (json === undefined) return 'none';
  const cached = parsed.get(index);
  if (cached?.json === json) return cached.restriction;
  let agenda: unknown = null;
  try {
    agenda = JSON.parse(json);
  } catch {}
  const restriction = restrictionOf(isAgenda(agenda) ? agenda : null);
  parsed.set(index, { json, restriction });
  return restriction;
}

/**
 * Refused with CLOSE_RESYNC, not a final code: an edit in flight when the
 * phase changed is the sender's only copy; it reconnects and sends it again,
 * which goes through once the phase allows it. Until then such a client
 * reconnects at its provider's backoff (a page in a restricted phase is
 * read-only, so only edits in flight at the switch do this). In a voting-only
 * phase participants vote through the voting routes, which keep ballots
 * outside the document (README "Dot voting"), so the document is closed to
 * them as in a locked one.
 */
export function phaseRefusal(index: DocIndex, role: Role): Refusal | null {
  if (role !== 'participant') return null;
  const restriction = phaseRestriction(index);
  if (restriction === 'none') return null;
  if (restriction === 'locked') return { code: CLOSE_RESYNC, reason: 'the current phase is locked by the facilitator' };
  return { code: CLOSE_RESYNC, reason: 'in this phase participants only vote' };
}
