/**
 * The people on the board as coloured initials: my own chip opens the rename
 * dialog, anyone else's follows their view on the canvas, and the count
 * button opens the people list (README "Following and summoning").
 */
import { useState } from 'react';
import type { Role } from '../../shared/roles.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { useCanvasLink } from '../presence/canvas-link.ts';
import type { Person } from '../presence/identity.ts';
import { PeoplePanel } from '../presence/PeoplePanel.tsx';
import type { AwarenessUser } from '../presence/usePeople.ts';

/**
 * "Anna Berg" → "AB"; one-word names give one letter. A note in brackets
 * ("Karin (facilitator)") is not part of the name, and a word's first letter
 * is its first letter, not a quote or a dash: "K", not "K(".
 */
export function initials(name: string): string {
  const withoutNotes = name.replace(/\([^)]*\)?|\[[^\]]*\]?/g, ' ');
  const letters = withoutNotes
    .split(/\s+/)
    .map((word) => word.match(/[\p{L}\p{N}]/u)?.[0])
    .filter((letter): letter is string => letter !== undefined);
  // A name that is all note or all signs still gets a chip: its first letter, or its first sign.
  if (letters.length === 0)
    return (name.match(/[\p{L}\p{N}]/u)?.[0] ?? [...name.trim()][0] ?? '?').toLocaleUpperCase('sv');
  return letters
    .slice(0, 2)
    .map((letter) => letter.toLocaleUpperCase('sv'))
    .join('');
}

export interface PeopleListProps {
  people: AwarenessUser[];
  me: Person | null;
  board: { id: string; token: string; role: Role };
  onRename(): void;
}

export function PeopleList({ people, me, board, onRename }: PeopleListProps) {
  const { t } = useI18n();
  const canvas = useCanvasLink();
  const [open, setOpen] = useState(false);
  return (
    <div className="people-bar">
      <ul className="people" aria-label={t('people.label')} data-testid="people">
        {people.map((person) => {
          const isMe = person.id === me?.id;
          const label = isMe ? t('people.you', { name: person.name }) : person.name;
          const classes = `avatar${isMe ? ' avatar--me' : ''}${person.idle ? ' avatar--idle' : ''}`;
          return (
            <li key={person.id}>
              {isMe ? (
                <button
                  type="button"
                  className={classes}
                  style={{ background: person.color }}
                  title={`${label} – ${t('name.change')}`}
                  onClick={onRename}
                >
                  {/* No aria-label: a name that leaves out the visible initials fails WCAG 2.5.3. */}
                  <span aria-hidden="true">{initials(person.name)}</span>
                  <span className="sr-only">{`${label} – ${t('name.change')}`}</span>
                </button>
              ) : (
                <button
                  type="button"
                  className={classes}
                  style={{ background: person.color }}
                  title={canvas ? t('people.follow.avatar', { name: label }) : label}
                  aria-pressed={canvas?.following?.id === person.id}
                  data-testid="avatar"
                  data-person={person.id}
                  // On the table there is no view to follow: the list says so.
                  onClick={() => (canvas ? canvas.follow(person.id) : setOpen(true))}
                >
                  <span aria-hidden="true">{initials(person.name)}</span>
                  <span className="sr-only">{canvas ? t('people.follow.avatar', { name: label }) : label}</span>
                </button>
              )}
            </li>
          );
        })}
      </ul>
      <button
        type="button"
        className="button button--quiet people-bar__open"
        data-testid="people-open"
        onClick={() => setOpen(true)}
      >
        {t('people.open', { count: people.length })}
      </button>
      {open && <PeoplePanel people={people} me={me} board={board} onClose={() => setOpen(false)} />}
    </div>
  );
}
