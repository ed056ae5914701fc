/** The people on the board as coloured initials; my own chip opens the rename dialog. */
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Person } from '../presence/identity.ts';
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

export function PeopleList({ people, me, onRename }: { people: AwarenessUser[]; me: Person | null; onRename(): void }) {
  const { t } = useI18n();
  return (
    <ul className="people" aria-label={t('people.label')} data-testid="people">
      {people.map((person) => {
        const isMe = person.id === me?.id;
        const label = isMe ? t('people.you', { name: person.name }) : person.name;
        return (
          <li key={person.id}>
            {isMe ? (
              <button
                type="button"
                className="avatar avatar--me"
                style={{ background: person.color }}
                title={`${label} – ${t('name.change')}`}
                onClick={onRename}
              >
                {/* No aria-label: a name that leaves out the visible initials fails WCAG 2.5.3. */}
                <span aria-hidden="true">{initials(person.name)}</span>
                <span className="sr-only">{`${label} – ${t('name.change')}`}</span>
              </button>
            ) : (
              <span className="avatar" style={{ background: person.color }} title={label}>
                <span aria-hidden="true">{initials(person.name)}</span>
                <span className="sr-only">{label}</span>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
