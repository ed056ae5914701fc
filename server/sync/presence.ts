/**
 * A room's presence (y-protocols awareness): who is here, cursors, selections.
 *
 * Bounded three ways (limits in limits.ts, README "Limits"):
 *  - what one connection may send: a state over `maxPresenceStateBytes`, or
 *    more states than `maxPresenceStatesPerConnection`, refuses the connection
 *    (PresenceRefused → close 4431). Sizes are checked before the JSON is parsed.
 *    So is a state whose `role` is not the connection's (the people list shows it).
 *  - what the board holds: states past `maxPresenceStatesPerBoard` or
 *    `maxPresenceBytesPerBoard` are dropped (not applied, not relayed). Nobody
 *    is closed for them, since the board being full is not the sender's doing;
 *    it also bounds what a joining client is sent.
 *  - what the board sends: changes are collected and relayed to every peer as
 *    one message at most every `awarenessIntervalMs` (the first after a quiet
 *    spell at once), and the bytes sent to all peers together are paid from a
 *    budget of `presenceBytesPerSecond`. A flush takes the waiting changes
 *    oldest first until the budget's share is spent; the rest wait for the next
 *    flush in the same order (a state that changes again keeps its place), so
 *    in a busy room every cursor still moves, less often. Without it N people
 *    moving cursors cost N² relayed states.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { Role } from '../../shared/roles.ts';
import type { SyncLimits } from './limits.ts';
import { type AwarenessEntry, encodeAwareness, encodeAwarenessEntries, ProtocolError } from './protocol.ts';
import { TokenBucket } from './rate-limit.ts';
import type { SyncStats } from './stats.ts';

export type PresenceLimits = Pick<
  SyncLimits,
  | 'awarenessIntervalMs'
  | 'maxPresenceStateBytes'
  | 'maxPresenceStatesPerConnection'
  | 'maxPresenceStatesPerBoard'
  | 'maxPresenceBytesPerBoard'
  | 'presenceBytesPerSecond'
>;

export interface PresenceFanOut {
  /** Sends one message to every peer of the room. */
  broadcast(message: Uint8Array): void;
  /** How many peers a broadcast reaches. */
  audience(): number;
}

interface AwarenessChange {
  added: number[];
  updated: number[];
  removed: number[];
}

/** The origin of states another process relayed (README "Running on several machines"). */
export const RELAYED = Symbol('relayed');

/** A peer broke a per-connection presence limit; the room closes it (CLOSE_PRESENCE_REFUSED). */
export class PresenceRefused extends Error {}

/** Bytes an entry adds to a message besides its state: client id and clock as varUints. */
const ENTRY_OVERHEAD = 12;
const NULL_STATE_BYTES = 4;
const utf8 = new TextDecoder();

export class Presence {
  /** The awareness needs a Y.Doc only for its own client id; this one stays empty. */
  readonly awareness = new awarenessProtocol.Awareness(new Y.Doc());
  /** Client ids whose state changed since the last flush, oldest first. */
  private readonly changed = new Set<number>();
  /** The size of each current state, in bytes of JSON, and their sum. */
  private readonly sizes = new Map<number, number>();
  private totalBytes = 0;
  /** Sizes of the states of the update being applied (read by the update listener). */
  private incoming: Map<number, number> | undefined;
  private readonly budget: TokenBucket;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastFlush = 0;

  private readonly limits: PresenceLimits;
  private readonly fanOut: PresenceFanOut;
  private readonly stats: SyncStats;

  /** `onChange` sees every change with its origin (the peer that sent it), before it is relayed. */
  constructor(
    limits: PresenceLimits,
    fanOut: PresenceFanOut,
    stats: SyncStats,
    onChange: (change: AwarenessChange, origin: unknown) => void,
  ) {
    this.limits = limits;
    this.fanOut = fanOut;
    this.stats = stats;
    // A quarter second's worth at once: a quiet room's first change goes out whole and at once.
    this.budget = new TokenBucket(limits.presenceBytesPerSecond / 4, limits.presenceBytesPerSecond);
    this.awareness.setLocalState(null);
    this.awareness.on('update', (change: AwarenessChange, origin: unknown) => {
      for (const id of [...change.added, ...change.updated]) this.setSize(id, this.sizeOf(id));
      for (const id of change.removed) this.setSize(id, 0);
      onChange(change, origin);
      for (const id of [...change.added, ...change.updated, ...change.removed]) this.changed.add(id);
      this.schedule();
    });
  }

  /**
   * Applies a peer's awareness update within the limits. `controlled` are the
   * client ids this peer has added. Throws PresenceRefused for a per-connection
   * limit and ProtocolError for a state that is not JSON; nothing is applied then.
   */
  apply(
    entries: readonly AwarenessEntry[],
    update: Uint8Array,
    origin: unknown,
    controlled: ReadonlySet<number>,
    role?: Role,
  ): void {
    const { maxPresenceStateBytes: maxBytes, maxPresenceStatesPerConnection: maxOwn } = this.limits;
    for (const { state } of entries) {
      if (state.byteLength > maxBytes) {
        throw new PresenceRefused(`presence state of ${state.byteLength} bytes; at most ${maxBytes}`);
      }
    }
    const states = this.awareness.getStates();
    const parsed = entries.map(parseState);
    // The people list shows each person's role from their state (README "Following and summoning"):
    // a state claiming another role than the connection's token gives is a forgery.
    // Only states that would apply count: the stock client echoes the others' states it receives,
    // at the clock the server already holds, and those are no-ops here.
    if (role !== undefined) {
      const forged = parsed.find((state, i) => {
        const claimed = claimedRole(state);
        const { clientId, clock } = entries[i] as AwarenessEntry;
        const known = this.awareness.meta.get(clientId)?.clock;
        return claimed !== undefined && claimed !== role && (known === undefined || known < clock);
      });
      if (forged !== undefined)
        throw new PresenceRefused(`presence claims the role ${String(claimedRole(forged))}; this link gives ${role}`);
    }
    const left = parsed.map((state) => state === null);
    const adds = new Set(entries.filter((e, i) => !left[i] && !states.has(e.clientId)).map((e) => e.clientId));
    const own = new Set([...controlled, ...adds]).size;
    if (own > maxOwn) throw new PresenceRefused(`${own} presence states from one connection; at most ${maxOwn}`);

    const kept = this.withinBoardLimits(entries, left);
    if (kept.length === 0) return;
    this.incoming = new Map(kept.map((entry) => [entry.clientId, entry.state.byteLength]));
    try {
      awarenessProtocol.applyAwarenessUpdate(
        this.awareness,
        kept.length === entries.length ? update : encodeAwarenessEntries(kept),
        origin,
      );
    } finally {
      this.incoming = undefined;
    }
  }

  /** The entries that fit the board's state count and bytes; the others are dropped and counted. */
  private withinBoardLimits(entries: readonly AwarenessEntry[], left: boolean[]): AwarenessEntry[] {
    const states = this.awareness.getStates();
    let count = states.size;
    let bytes = this.totalBytes;
    return entries.filter((entry, i) => {
      const before = this.sizes.get(entry.clientId) ?? 0;
      if (left[i]) {
        bytes -= before;
        return true;
      }
      const isNew = !states.has(entry.clientId);
      const after = bytes - before + entry.state.byteLength;
      if ((isNew && count >= this.limits.maxPresenceStatesPerBoard) || after > this.limits.maxPresenceBytesPerBoard) {
        this.stats.presenceDropped++;
        return false;
      }
      if (isNew) count++;
      bytes = after;
      return true;
    });
  }

  /**
   * Applies states another process relayed: its peers' limits were checked there. They are
   * relayed on to this room's peers like any change (origin RELAYED, never published back).
   */
  applyRelayed(update: Uint8Array): void {
    try {
      awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAYED);
    } catch {
      // Not an awareness update: nothing of it applies.
    }
  }

  remove(clientIds: number[]): void {
    if (clientIds.length > 0) awarenessProtocol.removeAwarenessStates(this.awareness, clientIds, null);
  }

  /** Every current state, for a peer that joins (bounded by maxPresenceBytesPerBoard); paid from the budget. */
  snapshot(): Uint8Array | undefined {
    const ids = [...this.awareness.getStates().keys()];
    if (ids.length === 0) return undefined;
    const message = encodeAwareness(this.awareness, ids);
    this.budget.spend(message.byteLength);
    this.stats.awarenessBytes += message.byteLength;
    return message;
  }

  /** The snapshot for a peer that asks again (stock clients never do over a socket): only while the budget allows. */
  answerQuery(): Uint8Array | undefined {
    return this.budget.level() > 0 ? this.snapshot() : undefined;
  }

  private sizeOf(clientId: number): number {
    const known = this.incoming?.get(clientId);
    if (known !== undefined) return known;
    const state = this.awareness.getStates().get(clientId);
    return state === undefined ? 0 : Buffer.byteLength(JSON.stringify(state));
  }

  private setSize(clientId: number, bytes: number): void {
    this.totalBytes += bytes - (this.sizes.get(clientId) ?? 0);
    if (bytes > 0) this.sizes.set(clientId, bytes);
    else this.sizes.delete(clientId);
  }

  private schedule(): void {
    if (this.timer) return;
    const interval = Math.max(0, this.lastFlush + this.limits.awarenessIntervalMs - performance.now());
    this.timer = setTimeout(() => this.flush(), Math.max(interval, this.budget.msUntilPositive()));
  }

  private flush(): void {
    this.timer = undefined;
    if (this.changed.size === 0) return;
    if (this.budget.msUntilPositive() > 0) {
      this.schedule();
      return;
    }
    this.lastFlush = performance.now();
    const audience = Math.max(1, this.fanOut.audience());
    // This flush's share: what the budget holds now, spread over the peers that each get the message.
    const allowance = this.budget.level() / audience;
    const ids: number[] = [];
    let size = 0;
    for (const id of this.changed) {
      const cost = (this.sizes.get(id) ?? NULL_STATE_BYTES) + ENTRY_OVERHEAD;
      // At least one state per flush, however large (within maxPresenceStateBytes): the budget goes into debt.
      if (ids.length > 0 && size + cost > allowance) break;
      ids.push(id);
      size += cost;
    }
    for (const id of ids) this.changed.delete(id);
    const message = encodeAwareness(this.awareness, ids);
    this.budget.spend(message.byteLength * audience);
    this.stats.awarenessBytes += message.byteLength * audience;
    this.fanOut.broadcast(message);
    if (this.changed.size > 0) this.schedule();
  }

  destroy(): void {
    clearTimeout(this.timer);
    this.awareness.destroy();
  }
}

/** The `role` a presence state claims, if it has one (a stock client's has none). */
function claimedRole(state: unknown): unknown {
  return typeof state === 'object' && state !== null ? (state as { role?: unknown }).role : undefined;
}

/** A state's JSON value; ProtocolError when it is not JSON (the client's bytes are garbage). */
function parseState(entry: AwarenessEntry): unknown {
  try {
    return JSON.parse(utf8.decode(entry.state));
  } catch {
    throw new ProtocolError(`presence state of client ${entry.clientId} is not JSON`);
  }
}
