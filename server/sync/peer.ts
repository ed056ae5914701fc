/** The room's view of a connection: what it is, the name it shows, how a stored batch reaches it. */
import type { Role } from '../../shared/roles.ts';
import { encodeUpdate } from './protocol.ts';
import type { PendingUpdate } from './room-writes.ts';
import type { SyncStats } from './stats.ts';

/** The room's view of a connection; the socket details live in connection.ts. */
export interface Peer {
  /** What the connection's token allows (see room-gate.ts; what it may change: update-rules.ts). */
  readonly role: Role;
  /**
   * The hash of the token it connected with: a catch-up after a relay gap closes it when its link
   * was rotated meanwhile (the rotation's own message may be what was lost).
   */
  readonly tokenHash?: string;
  send(message: Uint8Array): void;
  close(code: number, reason: string): void;
  /** An update of this peer was refused without closing it (the log's audit trail). */
  refused?(reason: string): void;
}

/** The name a peer shows in presence (the page's `user`, else tldraw's record), else its role. */
export function shownName(peer: Peer, clientIds: Iterable<number>, states: Map<number, unknown>): string {
  for (const id of clientIds) {
    // The page always sets `user.name`; tldraw's presence record has it too while the canvas is open.
    const state = states.get(id) as { user?: { name?: unknown }; presence?: { userName?: unknown } } | undefined;
    for (const name of [state?.user?.name, state?.presence?.userName]) {
      if (typeof name === 'string' && name.trim()) return name.trim().slice(0, 100);
    }
  }
  return peer.role;
}

/**
 * Sends a stored batch to every peer as one message. A sender gets the batch
 * too when others' updates are in it: its own are no news to its Y.Doc (Yjs
 * skips structs it has), and one merge per batch instead of one per sender is
 * what keeps a busy room cheap.
 */
export function sendStoredBatch(
  peers: Iterable<Peer>,
  batch: readonly PendingUpdate[],
  merged: Uint8Array,
  stats: SyncStats,
): void {
  const own = new Map<Peer, number>();
  for (const { from } of batch) own.set(from, (own.get(from) ?? 0) + 1);
  let message: Uint8Array | undefined;
  for (const peer of peers) {
    const mine = own.get(peer) ?? 0;
    if (mine === batch.length) continue;
    message ??= encodeUpdate(merged);
    peer.send(message);
    stats.relayMessages++;
    stats.deliveries += batch.length - mine;
  }
}
