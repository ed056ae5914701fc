/**
 * Who is on the board right now, from Yjs awareness. Each connection
 * announces `{ user: { id, name, color } }`; one person with two tabs is
 * listed once.
 */
import { useEffect, useState } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type { Person } from './identity.ts';

export interface AwarenessUser extends Person {}

function isAwarenessUser(value: unknown): value is AwarenessUser {
  const v = value as Partial<AwarenessUser> | null;
  return !!v && typeof v.id === 'string' && typeof v.name === 'string' && typeof v.color === 'string';
}

/** Distinct people in awareness states, sorted by name, so the list does not jump around. */
export function peopleFromStates(states: Iterable<Record<string, unknown>>): AwarenessUser[] {
  const byId = new Map<string, AwarenessUser>();
  for (const state of states) {
    const user = state.user;
    if (isAwarenessUser(user) && user.name) byId.set(user.id, { id: user.id, name: user.name, color: user.color });
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

function samePeople(a: readonly AwarenessUser[], b: readonly AwarenessUser[]): boolean {
  return (
    a.length === b.length &&
    a.every((person, i) => {
      const other = b[i] as AwarenessUser;
      return person.id === other.id && person.name === other.name && person.color === other.color;
    })
  );
}

/** Announces `me` on the awareness and returns everyone present (including me). */
export function usePeople(awareness: Awareness | null, me: Person | null): AwarenessUser[] {
  const [people, setPeople] = useState<AwarenessUser[]>([]);

  useEffect(() => {
    if (!awareness || !me) return;
    awareness.setLocalStateField('user', { id: me.id, name: me.name, color: me.color });
  }, [awareness, me]);

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
