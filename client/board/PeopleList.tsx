/** The people on the board as coloured initials; my own chip opens the rename dialog. */
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { Person } from '../presence/identity.ts';
import type { AwarenessUser } from '../presence/usePeople.ts';

/** "Anna Berg" → "AB"; one-word names give one letter. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  return words
    .slice(0, 2)
    .map((w) => w.charAt(0).toUpperCase())
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
                aria-label={`${label} – ${t('name.change')}`}
                onClick={onRename}
              >
                {initials(person.name)}
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
