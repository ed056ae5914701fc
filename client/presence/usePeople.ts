/**
 * Who is on the board right now, from Yjs awareness. Each connection
 * announces `{ user: { id, name, color }, role, idle }`; one person with two
 * tabs is listed once. The server refuses a state whose `role` is not the
 * connection's own (README "Following and summoning"), so the role shown is
 * the one the person's link gives.
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import { isRole, type Role } from '../../shared/roles.ts';
import type { Person } from './identity.ts';

export interface AwarenessUser extends Person {
  /** Unknown for a client that does not announce it (a stock y-websocket client). */
  role?: Role;
  idle: boolean;
}

function isPerson(value: unknown): value is Person {
  const v = value as Partial<Person> | null;
  return !!v && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.color === 'string';
}

const RANK: Record<Role, number> = { viewer: 0, participant: 1, facilitator: 2 };

/** Distinct people in awareness states, sorted by name, so the list does not jump around. */
export function peopleFromStates(states: Iterable<Record<string, unknown>>): AwarenessUser[] {
  const byId = new Map<string, AwarenessUser>();
  for (const state of states) {
    const user = state.user;
    if (!isPerson(user) || !user.name) continue;
    const role = isRole(state.role) ? state.role : undefined;
    const idle = state.idle === true;
    const before = byId.get(user.id);
    // Two tabs of one person: idle only when both are, and the stronger link's role.
    const strongest = before?.role && (!role || RANK[before.role] > RANK[role]) ? before.role : role;
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      color: user.color,
      role: strongest,
      idle: before ? before.idle && idle : idle,
    });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

function samePeople(a: readonly AwarenessUser[], b: readonly AwarenessUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i] as AwarenessUser;
      return (
        person.id === other.id &&
        person.name === other.name &&
        person.color === other.color &&
        person.role === other.role &&
        person.idle === other.idle
      );
    })
  );
}

/** Announces `me`, my role and whether I am idle on the awareness, and returns everyone present (including me). */
export function usePeople(
  awareness: Awareness | null,
  me: Person | null,
  mine?: { role: Role; idle: boolean },
): AwarenessUser[] {
  const [people, setPeople] = useState<AwarenessUser[]>([]);
  const role = mine?.role;
  const idle = mine?.idle ?? false;

  useEffect(() => {
    if (!awareness || !me) return;
    awareness.setLocalStateField('user', { id: me.id, name: me.name, color: me.color });
  }, [awareness, me]);

  useEffect(() => {
    if (!awareness || !role) return;
    awareness.setLocalStateField('role', role);
  }, [awareness, role]);

  useEffect(() => {
    if (!awareness) return;
    awareness.setLocalStateField('idle', idle);
  }, [awareness, idle]);

  useEffect(() => {
    if (!awareness) return;
    // Awareness changes whenever a cursor or the camera moves (presence rides on it, ~30 times a
    // second); the list, and the whole board page under it, re-renders only when the people change.
    const update = () =>
      setPeople((before) => {
        const now = peopleFromStates(awareness.getStates().values());
        return samePeople(before, now) ? before : now;
      });
    update();
    awareness.on('change', update);
    return () => awareness.off('change', update);
  }, [awareness]);

  return people;
}
