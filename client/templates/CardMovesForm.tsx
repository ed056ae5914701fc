/**
 * The answer to a layout save the server refused (409) because removed goals
 * or areas still hold cards: per removed place, where its cards go — any goal
 * of the new layout, or an area of it that has no goals and so takes cards.
 */
import { type FormEvent, useState } from 'react';
import type { Template } from '../../shared/template.ts';
import type { CardMoves, PlaceWithCards } from '../api/templates.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import type { MessageKey } from '../i18n/messages.ts';

export interface CardMovesFormProps {
  places: PlaceWithCards[];
  /** The template the cards are to move into. */
  template: Template;
  /** The layout before the change: tells a removed area from a removed goal. */
  previous: Template | null;
  busy: boolean;
  onSubmit(moves: CardMoves): void;
  onBack(): void;
}

/** The question for one place: area or goal, one card or several. */
function movesMessage(area: boolean, count: number): MessageKey {
  if (area) return count === 1 ? 'layout.moves.area.one' : 'layout.moves.area';
  return count === 1 ? 'layout.moves.goal.one' : 'layout.moves.goal';
}

/** Every place of a template a card may be in, grouped by area. */
function targets(template: Template, lang: 'sv' | 'en') {
  return template.focusAreas.map((area) => ({
    area,
    options:
      area.goals.length === 0
        ? [{ id: area.id, label: `${area.id} – ${area.title[lang]}` }]
        : area.goals.map((goal) => ({ id: goal.id, label: `${goal.id} – ${goal.title[lang]}` })),
  }));
}

export function CardMovesForm({ places, template, previous, busy, onSubmit, onBack }: CardMovesFormProps) {
  const { t, lang } = useI18n();
  const groups = targets(template, lang);
  const first = groups[0]?.options[0]?.id ?? '';
  const [moves, setMoves] = useState<CardMoves>(() => Object.fromEntries(places.map((place) => [place.id, first])));
  const isArea = (id: string) => previous?.focusAreas.some((area) => area.id === id) ?? false;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSubmit(moves);
  };

  return (
    <form className="card-moves" onSubmit={submit} data-testid="card-moves">
      <h3>{t('layout.moves.heading')}</h3>
      <p className="muted">{t('layout.moves.intro')}</p>
      {places.map((place) => (
        <label key={place.id} className="field card-moves__place" data-place={place.id}>
          <span>
            {t(movesMessage(isArea(place.id), place.cardCount), { title: place.title, count: place.cardCount })}
          </span>
          <select
            value={moves[place.id] ?? first}
            onChange={(event) => setMoves({ ...moves, [place.id]: event.target.value })}
            data-testid="card-moves-target"
          >
            {groups.map(({ area, options }) => (
              <optgroup key={area.id} label={`${area.id} – ${area.title[lang]}`}>
                {options.map((option) => (
                  <option key={option.id} value={option.id}>
                    {option.label}
                  </option>
                ))}
              </optgroup>
            ))}
          </select>
        </label>
      ))}
      <div className="modal__actions">
        <button type="button" className="button button--quiet" onClick={onBack}>
          {t('layout.moves.back')}
        </button>
        <button type="submit" className="button button--primary" disabled={busy} data-testid="card-moves-submit">
          {busy ? t('layout.saving') : t('layout.moves.submit')}
        </button>
      </div>
    </form>
  );
}
