/**
 * Draft → agreed. Agreeing is refused while a required field is empty; the
 * refusal names the missing fields, and the missing fields are listed under
 * the control before anyone tries. An agreed card that later loses one stays
 * agreed (the group decided) but says what it lacks, as the exports do.
 */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import { setCardStatus } from '../../../shared/card.ts';
import { CARD_STATUSES, type Card, type CardStatus, missingForAgreed } from '../../../shared/card-schema.ts';
import type { CardText } from '../card-messages.ts';

export interface StatusFieldProps {
  doc: Y.Doc;
  card: Card;
  text: CardText;
  readOnly?: boolean;
  hideLabel?: boolean;
  context?: string;
}

export function StatusField({ doc, card, text, readOnly, hideLabel, context }: StatusFieldProps) {
  const { t } = text;
  const id = useId();
  const [refused, setRefused] = useState<string | null>(null);
  const missing = missingForAgreed(card).map((field) => text.field(field));

  const change = (status: CardStatus) => {
    const stillMissing = setCardStatus(doc, card.id, status);
    setRefused(
      stillMissing.length > 0 ? t('card.refused', { fields: stillMissing.map((f) => text.field(f)).join(', ') }) : null,
    );
  };

  const describedBy = [missing.length > 0 && `${id}-missing`, refused && `${id}-refused`].filter(Boolean).join(' ');
  return (
    <div className="card-field card-status">
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'card-field__label'}>
        {t('card.status')}
        {context && <span className="sr-only"> – {context}</span>}
      </label>
      <select
        id={id}
        value={card.status}
        disabled={readOnly}
        data-status={card.status}
        className={`status-select status-select--${card.status}`}
        aria-describedby={describedBy || undefined}
        onChange={(event) => change(event.target.value as CardStatus)}
      >
        {CARD_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`card.status.${status}`)}
          </option>
        ))}
      </select>
      {card.status === 'draft' && missing.length > 0 && (
        <span id={`${id}-missing`} className="card-field__hint" data-testid="missing-fields">
          {t('card.missing', { fields: missing.join(', ') })}
        </span>
      )}
      {card.status === 'agreed' && missing.length > 0 && (
        <span id={`${id}-missing`} className="card-field__warning" data-testid="agreed-missing">
          {t('card.agreedMissing', { fields: missing.join(', ') })}
        </span>
      )}
      {refused && (
        <span id={`${id}-refused`} className="card-field__error" role="alert">
          {refused}
        </span>
      )}
    </div>
  );
}
