/**
 * One field of the card field registry (shared/fields/card-fields.ts) as its
 * input: a Y.Text field as a bound text input, the parties as their picker.
 * The card editor and the table row both render their fields through this, in
 * registry order, so a field added to the registry appears in both.
 */
import type * as Y from 'yjs';
import type { Card } from '../../../shared/card-schema.ts';
import type { CardField } from '../../../shared/fields/card-fields.ts';
import type { Template } from '../../../shared/template.ts';
import type { CardText } from '../card-messages.ts';
import { BoundField } from './BoundField.tsx';
import { PartiesField } from './PartiesField.tsx';

export interface CardFieldInputProps {
  field: CardField;
  doc: Y.Doc;
  card: Card;
  template: Template;
  text: CardText;
  readOnly: boolean;
  /** The table: the label is the column header's (read by screen readers only), with the activity named. */
  context?: string;
  /** The id of the <datalist> of the template's suggestions for a field that has them. */
  listId?: string;
  autoFocus?: boolean;
  className?: string;
}

export function CardFieldInput(props: CardFieldInputProps) {
  const { field, doc, card, template, text, readOnly, context, listId, autoFocus, className } = props;
  if (field.yjs === 'Y.Map') {
    return (
      <PartiesField
        doc={doc}
        card={card}
        template={template}
        text={text}
        readOnly={readOnly}
        compact={context !== undefined}
        context={context}
      />
    );
  }
  const label = context === undefined ? text.field(field.id) : `${text.field(field.id)} – ${context}`;
  const input = context !== undefined && 'tableInput' in field ? field.tableInput : field.input;
  const hint = 'hint' in field ? field.hint[text.lang] : undefined;
  return (
    <BoundField
      doc={doc}
      cardId={card.id}
      field={field.id}
      label={label}
      hideLabel={context !== undefined}
      readOnly={readOnly}
      multiline={input === 'multiline'}
      wrap={input === 'wrap'}
      list={'suggestFrom' in field ? listId : undefined}
      hint={hint}
      autoFocus={autoFocus}
      className={className}
    />
  );
}

/** The <datalist> of a field's template suggestions, when it has any. */
export function FieldSuggestions({ field, template, id }: { field: CardField; template: Template; id: string }) {
  if (!('suggestFrom' in field)) return null;
  return (
    <datalist id={id}>
      {template[field.suggestFrom].map((value) => (
        <option key={value} value={value} />
      ))}
    </datalist>
  );
}
