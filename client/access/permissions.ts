/**
 * What each role may do on a board, as the page shows it. The server enforces
 * the same rules (it drops a viewer's updates, and a participant's while the
 * board is locked); the page only keeps people from trying.
 */
import { mayEdit, type Role } from '../../shared/roles.ts';

/** Whether this role ever writes the board document (a viewer never does, not even zones or canvas records). */
export function writesDocument(role: Role): boolean {
  return role !== 'viewer';
}

/** Whether the lock keeps this role from editing right now: participants only, facilitators never. */
export function lockedOut(role: Role, locked: boolean): boolean {
  return writesDocument(role) && !mayEdit(role, locked);
}

/** Rename, lock, delete, share links: the facilitator's controls. */
export function isFacilitator(role: Role): boolean {
  return role === 'facilitator';
}
