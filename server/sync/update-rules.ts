/**
 * Whether a planned update (update-plan.ts) may be stored: the contract's
 * structure was checked while planning; here come what needs the board as a
 * whole: text lengths after the update, entry caps, and who may change meta
 * keys and template zones (a participant only creates what is missing;
 * the facilitator changes them; server-owned keys change only through the
 * server's own calls).
 */
import { CONTAINERS, ENTRY_CAPS, type MetaOwner, slotOf } from '../../shared/board-contract.ts';
import type { Role } from '../../shared/roles.ts';
import type { DocIndex } from './doc-index.ts';
import { CLOSE_BOARD_FULL, CLOSE_LAYOUT_BROKEN } from './limits.ts';
import type { UpdatePlan } from './update-plan.ts';
import { phaseRefusal } from './workshop-rules.ts';

export interface Refusal {
  code: number;
  reason: string;
}

const TEXT = CONTAINERS.indexOf('text');
const KEY_SPACE = 2 ** 24;

const contract = (reason: string): Refusal => ({ code: CLOSE_LAYOUT_BROKEN, reason });

export function refusalOf(
  index: DocIndex,
  plan: UpdatePlan,
  role: Role,
  limits: { maxCardsPerBoard: number },
): Refusal | null {
  if (plan.problem) return contract(plan.problem);
  if (plan.missing) return contract('an edit builds on content the server does not have');
  if (plan.removesKept) return contract("a round's comments are removed by the server only");
  const roleOf = (node: number) =>
    node < index.nodeCount ? index.roles[node] : plan.newNodes[node - index.nodeCount]?.role;
  const keyName = (key: number) =>
    key < index.keyNames.length ? index.keyNames[key] : plan.newKeys[key - index.keyNames.length];

  for (const [node, delta] of plan.sizeDeltas) {
    if (delta <= 0) continue;
    const before = node < index.nodeCount ? (index.sizes[node] as number) : 0;
    const after = before + delta;
    const container = CONTAINERS[roleOf(node) as number];
    if (roleOf(node) === TEXT) {
      const limit = node < index.nodeCount ? index.limits[node] : plan.newNodes[node - index.nodeCount]?.limit;
      const nodeKey = node < index.nodeCount ? index.nodeKeys[node] : plan.newNodes[node - index.nodeCount]?.key;
      const field = keyName(nodeKey as number) ?? 'text';
      if (after > (limit as number)) return contract(`"${field}" is longer than ${limit} characters`);
      continue;
    }
    if (container === 'cards' && after > limits.maxCardsPerBoard) {
      return { code: CLOSE_BOARD_FULL, reason: `the board is full (at most ${limits.maxCardsPerBoard} cards)` };
    }
    const cap = container ? ENTRY_CAPS[container] : undefined;
    if (cap !== undefined && after > cap) {
      if (container === 'canvas') return { code: CLOSE_BOARD_FULL, reason: `the canvas is full (at most ${cap})` };
      return contract(`a card's ${container} holds more than ${cap} entries`);
    }
  }

  for (const slot of plan.watchedTouched) {
    const node = Math.floor(slot / KEY_SPACE);
    const key = keyName(slot % KEY_SPACE) as string;
    const metaSlot = node === 0 ? slotOf('meta', key) : null;
    const owner: MetaOwner = metaSlot && metaSlot.kind !== 'text' && metaSlot.owner ? metaSlot.owner : 'first-writer';
    const what = node === 0 ? `meta "${key.slice(0, 40)}"` : `zone "${key.slice(0, 40)}"`;
    if (owner === 'server') return contract(`${what} is changed by the server only`);
    if (role === 'facilitator') continue;
    if (owner === 'facilitator') return contract(`${what} is changed by the facilitator only`);
    if (!createsOrKeeps(index, plan, slot)) return contract(`${what} exists; only the facilitator changes it`);
  }
  return phaseRefusal(index, role);
}

/**
 * A participant may create a missing meta value or zone, or write the very
 * value that is there (two people opening a new board at once write the same
 * zones and canvas schema): nothing else.
 */
function createsOrKeeps(index: DocIndex, plan: UpdatePlan, slot: number): boolean {
  const before = index.watched.get(slot);
  if (!before || before.size === 0) return true;
  const after = new Map(before);
  for (const [s, id, json] of plan.watchedAdded) if (s === slot) after.set(id, json);
  for (const [s, id] of plan.watchedRemoved) if (s === slot) after.delete(id);
  const kept = new Set(before.values());
  return after.size > 0 && kept.size === 1 && [...after.values()].every((json) => kept.has(json));
}
