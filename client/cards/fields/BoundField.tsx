/**
 * A labelled input or textarea bound to one card field's Y.Text: what people
 * type merges with what others type in the same field at the same moment.
 */
import { useId } from 'react';
import type * as Y from 'yjs';
import { type CardTextField, fieldMax } from '../../../shared/card-schema.ts';
import { useTextBinding } from '../card-hooks.ts';
import '../cards.css';

export interface BoundFieldProps {
  doc: Y.Doc;
  cardId: string;
  field: CardTextField;
  label: string;
  /** Visually hidden label (the table's column header shows it), still read by screen readers. */
  hideLabel?: boolean;
  multiline?: boolean;
  /** A one-line value that wraps as it grows (a textarea where Enter does not add a line). */
  wrap?: boolean;
  hint?: string;
  /** id of a <datalist> with suggestions. */
  list?: string;
  readOnly?: boolean;
  autoFocus?: boolean;
  className?: string;
}

export function BoundField(props: BoundFieldProps) {
  const { doc, cardId, field, label, hideLabel, multiline, wrap, hint, list, readOnly, autoFocus, className } = props;
  const id = useId();
  const { ref, initialValue } = useTextBinding<HTMLInputElement & HTMLTextAreaElement>(doc, cardId, field, readOnly);
  const common = {
    id,
    ref,
    defaultValue: initialValue,
    maxLength: fieldMax(field),
    readOnly,
    autoFocus,
    'aria-describedby': hint ? `${id}-hint` : undefined,
    'data-field': field,
    className: 'card-field__input',
  };
  return (
    <div className={`card-field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={hideLabel ? 'sr-only' : 'card-field__label'}>
        {label}
      </label>
      {multiline || wrap ? (
        <textarea
          rows={multiline ? 2 : 1}
          onKeyDown={wrap ? (event) => event.key === 'Enter' && event.preventDefault() : undefined}
          {...common}
        />
      ) : (
        <input type="text" list={list} {...common} />
      )}
      {hint && (
        <span id={`${id}-hint`} className={hideLabel ? 'sr-only' : 'card-field__hint'}>
          {hint}
        </span>
      )}
    </div>
  );
}
