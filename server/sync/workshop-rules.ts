/**
 * What the workshop's current phase lets participants change (README "Running
 * the workshop"): nothing in a 'locked' phase, only the `votes` maps of cards
 * in a 'voting-only' one. Read from the agenda the server wrote into
 * `meta.agenda`, as the document index holds it, so the rule always follows
 * the document (after a restart too). The facilitator is never restricted.
 */
import { CONTAINERS } from '../../shared/board-contract.ts';
import type { Role } from '../../shared/roles.ts';
import { isAgenda, type Restriction, restrictionOf } from '../../shared/workshop/agenda.ts';
import { DEAD, type DocIndex } from './doc-index.ts';
import { CLOSE_RESYNC } from './limits.ts';
import type { UpdatePlan } from './update-plan.ts';
import type { Refusal } from './update-rules.ts';

const VOTES = CONTAINERS.indexOf('votes');
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
 * reconnects at its provider's backoff (a page in a voting-only phase is
 * read-only, so only edits in flight at the switch do this). Dropping the
 * edit quietly, as the lock does, would not do here: the participant goes on
 * voting, and a vote after a dropped edit builds on clocks the server never
 * stored, which is refused for good.
 */
export function phaseRefusal(index: DocIndex, plan: UpdatePlan, role: Role): Refusal | null {
  if (role !== 'participant') return null;
  const restriction = phaseRestriction(index);
  if (restriction === 'none') return null;
  if (restriction === 'locked') return { code: CLOSE_RESYNC, reason: 'the current phase is locked by the facilitator' };
  return writesOnlyVotes(index, plan) ? null : { code: CLOSE_RESYNC, reason: 'in this phase participants only vote' };
}

/** Every item the update adds or deletes sits in a card's `votes` map. */
function writesOnlyVotes(index: DocIndex, plan: UpdatePlan): boolean {
  const isVotes = (node: number) =>
    node === DEAD ||
    (node >= 0 && (node < index.nodeCount ? index.roles[node] : plan.newNodes[node - index.nodeCount]?.role) === VOTES);
  if (plan.newNodes.length > 0) return false;
  if (!plan.ranges.every((range) => isVotes(range.parent))) return false;
  for (const [client, spans] of plan.deletes) {
    const ranges = index.clients.get(client);
    if (!ranges) continue;
    const deleted = index.deleted.get(client);
    for (const [start, end] of spans) {
      for (const [s, e] of deleted ? deleted.missing(start, end) : [[start, end] as [number, number]]) {
        for (const at of ranges.overlapping(s, e)) if (!isVotes(ranges.info(at).parent)) return false;
      }
    }
  }
  return true;
}
