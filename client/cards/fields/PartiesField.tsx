/**
 * Which parties take part in an activity: the template's register as
 * checkboxes, plus free names the group types in. In the table it folds into
 * a <details> showing the chosen parties, so rows stay short.
 */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { setCardParty } from '../../../shared/card.ts';
import { type Card, PARTIES_MAX, partyError } from '../../../shared/card-schema.ts';
import type { Template } from '../../../shared/template.ts';
import type { CardText } from '../card-messages.ts';
import { freeParties, orderParties, partyName } from '../party-labels.ts';

export interface PartiesFieldProps {
  doc: Y.Doc;
  card: Card;
  template: Template;
  text: CardText;
  readOnly?: boolean;
  /** Folded behind a summary of the chosen parties (the table view). */
  compact?: boolean;
  /** Extra context for screen readers in the table ("… for <activity title>"). */
  context?: string;
}

export function PartiesField({ doc, card, template, text, readOnly, compact, context }: PartiesFieldProps) {
  const { t } = text;
  const id = useId();
  const [draft, setDraft] = useState('');
  const [error, setError] = useState<string | null>(null);
  // Folded, the checkboxes are not rendered at all: a thousand rows would otherwise carry ten thousand hidden inputs.
  const [open, setOpen] = useState(false);
  const chosen = new Set(card.parties);
  const legend = text.field('parties');

  const add = () => {
    const name = draft.trim();
    // A typed register name ("heby kommun") ticks the register entry instead of adding a duplicate.
    const registered = template.parties.find((party) => party.name.toLowerCase() === name.toLowerCase());
    const key = registered?.id ?? name;
    const problem = partyError(key, card.parties);
    if (problem === 'empty') return;
    if (problem) {
      setError(problem === 'too-long' ? t('card.parties.tooLong') : t('card.parties.tooMany', { max: PARTIES_MAX }));
      return;
    }
    setCardParty(doc, card.id, key, true);
    setDraft('');
    setError(null);
  };

  const toggle = (key: string, on: boolean) => {
    if (on && partyError(key, card.parties)) return;
    setCardParty(doc, card.id, key, on);
  };

  const checkbox = (key: string) => (
    <li key={key}>
      <label className="parties__option">
        <input
          type="checkbox"
          checked={chosen.has(key)}
          disabled={readOnly}
          onChange={(event) => toggle(key, event.target.checked)}
        />
        {partyName(template, key)}
      </label>
    </li>
  );

  const editor = (
    <fieldset className="parties" disabled={readOnly}>
      <legend className={compact ? 'sr-only' : 'card-field__label'}>
        {legend}
        {context && <span className="sr-only"> – {context}</span>}
      </legend>
      <ul className="parties__list" aria-label={t('card.parties.register')}>
        {template.parties.map((party) => checkbox(party.id))}
      </ul>
      {freeParties(template, card.parties).length > 0 && (
        <ul className="parties__list" aria-label={t('card.parties.free')}>
          {freeParties(template, card.parties).map(checkbox)}
        </ul>
      )}
      {!readOnly && (
        // Not a <form>: a table of a thousand rows with a form each makes Chrome's autofill scan stall the page.
        <div className="parties__add">
          <label htmlFor={`${id}-add`} className="sr-only">
            {t('card.parties.addLabel')}
          </label>
          <input
            id={`${id}-add`}
            type="text"
            value={draft}
            placeholder={t('card.parties.addLabel')}
            autoComplete="off"
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={(event) => {
              if (event.key !== 'Enter') return;
              event.preventDefault();
              add();
            }}
            aria-describedby={error ? `${id}-error` : undefined}
          />
          <button type="button" className="button button--small" onClick={add}>
            {t('card.parties.add')}
          </button>
        </div>
      )}
      {error && (
        <p id={`${id}-error`} className="card-field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );

  if (!compact) return editor;
  const names = orderParties(template, card.parties).map((key) => partyName(template, key));
  return (
    <details className="parties-compact" onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>
        <span className="sr-only">
          {legend}
          {context ? ` – ${context}` : ''}:{' '}
        </span>
        {names.length > 0 ? names.join(', ') : <span className="muted">{t('card.parties.none')}</span>}
      </summary>
      {open && editor}
    </details>
  );
}
