/**
 * Who may change a room's document: viewers never, participants unless the
 * facilitator locked the board. A refused update is not stored and not
 * relayed; the sender keeps its connection (it still follows the board live)
 * and is told with the y-websocket "permission denied" message.
 *
 * A participant refused while the board was locked (an edit in flight at the
 * moment of locking) has that edit only in its own document. When the board is
 * unlocked such peers are closed with CLOSE_RESYNC: they reconnect, resync and
 * send it again, instead of building later edits on something the server
 * never stored.
 */
import { mayEdit } from '../../shared/roles.ts';
import { CLOSE_RESYNC } from './limits.ts';
import { encodePermissionDenied } from './protocol.ts';
import type { Peer } from './room.ts';

export class RoomGate {
  private isLocked: boolean;
  /** Participants refused while locked, to resync on unlock. */
  private readonly refusedWhileLocked = new Set<Peer>();

  /** Whether the workshop's current phase is 'locked' (README "Running the workshop"). */
  private readonly phaseLocked: () => boolean;

  constructor(locked: boolean, phaseLocked: () => boolean = () => false) {
    this.isLocked = locked;
    this.phaseLocked = phaseLocked;
  }

  /** Locked by the facilitator, or by the workshop's current phase. */
  get locked(): boolean {
    return this.isLocked || this.phaseLocked();
  }

  /** True when `peer` may change the document now; otherwise tells it so and returns false. */
  admits(peer: Peer): boolean {
    if (mayEdit(peer.role, this.locked)) return true;
    if (peer.role === 'participant') this.refusedWhileLocked.add(peer);
    const why = peer.role === 'viewer' ? 'viewer' : 'locked';
    peer.refused?.(why === 'viewer' ? 'a viewer link cannot change the board' : 'the board is locked');
    peer.send(DENIED[why]);
    return false;
  }

  setLocked(locked: boolean): void {
    this.isLocked = locked;
    this.recheck();
  }

  /** After the lock or the phase changed: once unlocked, the peers refused meanwhile resync. */
  recheck(): void {
    if (this.locked) return;
    for (const peer of this.refusedWhileLocked) peer.close(CLOSE_RESYNC, 'the board was unlocked; resync');
    this.refusedWhileLocked.clear();
  }

  forget(peer: Peer): void {
    this.refusedWhileLocked.delete(peer);
  }
}

const DENIED = {
  viewer: encodePermissionDenied('a viewer link cannot change the board'),
  locked: encodePermissionDenied('the board is locked by its facilitator'),
};
