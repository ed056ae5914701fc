/**
 * The inputs of one card's follow-up in one round: the status, the comment and
 * the effect (bound live, merging with others' typing), and an answer per
 * indicator line in the kind its wording asks for. The card editor's section
 * and the follow-up view's table cells both use these.
 */
import { useId, useState } from 'react';
import type * as Y from 'yjs';
import type { Card, FollowUpStatus } from '../../shared/card-schema.ts';
import { FOLLOW_UP_STATUSES, TEXT_FIELD_MAX } from '../../shared/card-schema.ts';
import {
  type FollowUpTextField,
  resetFollowUpEntry,
  setFollowUpStatus,
  setFollowUpText,
  setIndicatorValue,
} from '../../shared/follow-up/follow-up-entry.ts';
import { useI18n } from '../i18n/I18nProvider.tsx';
import { followUpText, useBoundText } from './follow-up-binding.ts';
import {
  entryFor,
  type IndicatorLine,
  indicatorInputText,
  indicatorLines,
  parseIndicatorInput,
} from './follow-up-values.ts';

export interface FollowUpInputProps {
  doc: Y.Doc;
  card: Card;
  round: string;
  /** Who writes (stamped on the entry). */
  by: string;
  readOnly: boolean;
  /** The table: labels are read by screen readers only, with the activity named. */
  context?: string;
}

const labelClass = (context?: string) => (context === undefined ? 'card-field__label' : 'sr-only');
const named = (label: string, context?: string) => (context === undefined ? label : `${label} – ${context}`);

export function FollowUpStatusSelect({ doc, card, round, by, readOnly, context }: FollowUpInputProps) {
  const { t } = useI18n();
  const id = useId();
  const entry = entryFor(card, round);
  const status = entry?.status ?? '';
  const choose = (next: string) => {
    if (next) {
      setFollowUpStatus(doc, card.id, round, next as FollowUpStatus, by);
      return;
    }
    // "Not followed up" empties the entry: its words go too, so ask first when there are any.
    const words = entry && (entry.comment || entry.effect || Object.keys(entry.indicators).length > 0);
    if (words && !window.confirm(t('followUp.resetConfirm'))) return;
    resetFollowUpEntry(doc, card.id, round);
  };
  return (
    <div className="card-field follow-up-status">
      <label htmlFor={id} className={labelClass(context)}>
        {named(t('followUp.status'), context)}
      </label>
      <select
        id={id}
        value={status}
        disabled={readOnly}
        data-testid="follow-up-status"
        onChange={(event) => choose(event.target.value)}
      >
        <option value="">{t('followUp.status.none')}</option>
        {FOLLOW_UP_STATUSES.map((s) => (
          <option key={s} value={s}>
            {t(`followUp.status.${s}`)}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FollowUpTextArea(props: FollowUpInputProps & { field: FollowUpTextField }) {
  const { doc, card, round, by, readOnly, context, field } = props;
  const { t } = useI18n();
  const id = useId();
  const ytext = followUpText(doc, card.id, round, field);
  const { ref, initialValue } = useBoundText(ytext, readOnly, (value) =>
    setFollowUpText(doc, card.id, round, field, value, by),
  );
  return (
    <div className="card-field">
      <label htmlFor={id} className={labelClass(context)}>
        {named(t(`followUp.${field}`), context)}
      </label>
      <textarea
        id={id}
        ref={ref}
        rows={2}
        defaultValue={initialValue}
        maxLength={TEXT_FIELD_MAX}
        readOnly={readOnly}
        className="card-field__input"
        data-follow-up={field}
      />
    </div>
  );
}

function IndicatorInput(props: FollowUpInputProps & { line: IndicatorLine }) {
  const { doc, card, round, by, readOnly, context, line } = props;
  const { t } = useI18n();
  const id = useId();
  const stored = indicatorInputText(entryFor(card, round)?.indicators[line.text]);
  // What the person is typing in a number input, until it is a value (or given up); null: show the stored value.
  const [draft, setDraft] = useState<string | null>(null);
  const [bad, setBad] = useState(false);
  const write = (raw: string) => {
    const value = parseIndicatorInput(line.kind, raw);
    setBad(value === undefined);
    if (value !== undefined) setIndicatorValue(doc, card.id, round, line.text, value, by);
  };
  // The wording shows; the activity it belongs to is for screen readers (the table's row header shows it).
  const label = (
    <>
      {line.text}
      {context !== undefined && <span className="sr-only"> – {context}</span>}
    </>
  );

  if (line.kind === 'yesno') {
    const choices = [
      ['yes', t('followUp.yes')],
      ['no', t('followUp.no')],
      ['', t('followUp.unanswered')],
    ] as const;
    return (
      <fieldset className="follow-up-indicator" data-indicator-kind="yesno">
        <legend>{label}</legend>
        {choices.map(([value, text]) => (
          <label key={value} className="follow-up-indicator__choice">
            <input
              type="radio"
              name={id}
              value={value}
              checked={stored === value}
              disabled={readOnly}
              onChange={() => write(value)}
            />{' '}
            {text}
          </label>
        ))}
      </fieldset>
    );
  }
  const number = line.kind !== 'text';
  return (
    <div className="card-field follow-up-indicator" data-indicator-kind={line.kind}>
      <label htmlFor={id} className="card-field__label">
        {label}
        {line.kind === 'percent' && <span className="card-field__hint"> ({t('followUp.percentHint')})</span>}
      </label>
      <input
        id={id}
        type={number ? 'number' : 'text'}
        min={number ? 0 : undefined}
        max={line.kind === 'percent' ? 100 : undefined}
        step={line.kind === 'count' ? 1 : 'any'}
        value={draft ?? stored}
        readOnly={readOnly}
        aria-invalid={bad || undefined}
        aria-describedby={bad ? `${id}-bad` : undefined}
        className="card-field__input"
        onChange={(event) => {
          setDraft(event.target.value);
          write(event.target.value);
        }}
        onBlur={() => setDraft(null)}
      />
      {bad && (
        <span id={`${id}-bad`} className="card-field__error">
          {t('followUp.badNumber')}
        </span>
      )}
    </div>
  );
}

/** An input per indicator line of the card (none when the card names no indicator). */
export function IndicatorInputs(props: FollowUpInputProps) {
  const lines = indicatorLines(props.card);
  if (lines.length === 0) return null;
  return (
    <div className="follow-up-indicators">
      {lines.map((line) => (
        <IndicatorInput key={line.text} {...props} line={line} />
      ))}
    </div>
  );
}
