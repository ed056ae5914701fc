/**
 * A card's decision in the card editor (README "Decisions"): everyone sees the latest one
 * (note, who, when); the facilitator gets "Besluta" — agreed or not, a note, save — which
 * the server writes (POST …/decisions) and everyone then sees live. In the agreement phase
 * (shared/decisions/agreement-phase.ts) it is open and marked; otherwise it is folded away.
 */
import { useEffect, useId, useState } from 'react';
import type * as Y from 'yjs';
import type { CardStatus } from '../../shared/card-schema.ts';
import { DECISION_NOTE_MAX } from '../../shared/decisions/decisions.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { decisionWhen } from './decision-format.ts';
import { postDecision } from './decision-requests.ts';
import { useCardDecision } from './use-decisions.ts';
import './decisions.css';

export interface DecisionAccess {
  boardId: string;
  token: string;
  /** The facilitator's display name, signed on the decision. */
  by: string;
}

export interface DecisionSectionProps {
  doc: Y.Doc;
  cardId: string;
  status: CardStatus;
  /** Present for the facilitator only: then the form is offered. */
  access?: DecisionAccess;
  /** The current phase is the agreement phase: the form comes open and marked. */
  prominent: boolean;
  /** The card's title, for screen readers where the card is not otherwise named (a table row). */
  context?: string;
  /** In a table cell: folded even in the agreement phase (marked only), so rows stay short. */
  compact?: boolean;
}

export function DecisionSection({ doc, cardId, status, access, prominent, context, compact }: DecisionSectionProps) {
  const { t, lang } = useI18n();
  const decision = useCardDecision(doc, cardId);
  const headingId = useId();
  const noteId = useId();
  const hintId = useId();
  const [agreed, setAgreed] = useState(status === 'agreed');
  const [note, setNote] = useState(decision?.note ?? '');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState('');
  // The form follows what was decided (here or by the facilitator elsewhere) until someone edits it.
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    if (dirty) return;
    setAgreed(status === 'agreed');
    setNote(decision?.note ?? '');
  }, [status, decision, dirty]);

  const save = async () => {
    if (!access) return;
    setBusy(true);
    setMessage('');
    try {
      await postDecision(access.boardId, access.token, { cardId, agreed, note, by: access.by });
      setDirty(false);
      setMessage(t('decision.saved'));
    } catch (error) {
      setMessage(t('decision.failed', { error: (error as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const shown = decision && (
    <div className="decision__current" data-testid="card-decision">
      <p className="decision__who">
        {/* Who and when only: the card's status is shown beside it and may have changed since. */}
        {t('decision.made', { when: decisionWhen(decision.at, lang), by: decision.by })}
      </p>
      {decision.note && <p className="decision__note">{decision.note}</p>}
    </div>
  );

  const form = access && (
    <div className="decision__form">
      {prominent && <p className="card-field__hint">{t('decision.agreementHint')}</p>}
      <label className="decision__agreed">
        <input
          type="checkbox"
          checked={agreed}
          onChange={(event) => {
            setAgreed(event.target.checked);
            setDirty(true);
          }}
          data-testid="decision-agreed"
        />{' '}
        {t('decision.agreed')}
      </label>
      <label htmlFor={noteId} className="card-field__label">
        {t('decision.note')}
      </label>
      <textarea
        id={noteId}
        rows={3}
        maxLength={DECISION_NOTE_MAX}
        value={note}
        aria-describedby={hintId}
        onChange={(event) => {
          setNote(event.target.value);
          setDirty(true);
        }}
        data-testid="decision-note"
      />
      <span id={hintId} className="card-field__hint">
        {t('decision.noteHint', { max: DECISION_NOTE_MAX })}
      </span>
      <div>
        <button type="button" className="button" disabled={busy} onClick={save} data-testid="decision-save">
          {busy ? t('decision.saving') : t('decision.save')}
        </button>
      </div>
      <p role="status" className="decision__message" data-testid="decision-message">
        {message}
      </p>
    </div>
  );

  if (!access) {
    if (!shown) return null;
    return (
      <section className={`decision${compact ? ' decision--compact' : ''}`} aria-labelledby={headingId}>
        <h3 id={headingId} className="card-field__label">
          {t('decision.heading')}
          {context && <span className="sr-only"> – {context}</span>}
        </h3>
        {shown}
      </section>
    );
  }
  return (
    <details
      className={`decision${prominent ? ' decision--prominent' : ''}${compact ? ' decision--compact' : ''}`}
      open={(prominent && !compact) || undefined}
      data-testid="decision-section"
    >
      <summary className="decision__summary">
        <span id={headingId}>
          {t('decision.decide')}
          {context && <span className="sr-only"> – {context}</span>}
        </span>
        {!decision && <span className="decision__none"> · {t('decision.none')}</span>}
      </summary>
      {shown}
      {form}
    </details>
  );
}
