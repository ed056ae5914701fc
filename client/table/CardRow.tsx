/**
 * One activity as a table row, every cell editable in place and bound live to
 * the document. The activity cell (title + activity text) is the row header,
 * and every control's label names its column and the activity, so a screen
 * reader user always knows which cell they are in.
 */
import { type MouseEvent, memo } from 'react';
import type * as Y from 'yjs';
import { deleteCard } from '../../shared/card.ts';
import { type Card, missingForAgreed } from '../../shared/card-schema.ts';
import { cardField } from '../../shared/fields/card-fields.ts';
import type { Template } from '../../shared/template.ts';
import type { CardText } from '../cards/card-messages.ts';
import { CardFieldInput } from '../cards/fields/CardFieldInput.tsx';
import { GoalSelect } from '../cards/fields/GoalSelect.tsx';
import { StatusField } from '../cards/fields/StatusField.tsx';
import { TableDecision } from '../decisions/TableDecision.tsx';
import { boardUndoFor } from '../undo/board-undo.ts';
import { announceDeleted } from '../undo/deletion-notice.ts';
import { VoteControl } from '../voting/VoteControl.tsx';
import { focusAfterRemoval, keepFocusInMovedRow } from './row-focus.ts';
import { TABLE_FIELDS } from './table-columns.ts';

export interface CardRowProps {
  doc: Y.Doc;
  card: Card;
  template: Template;
  text: CardText;
  readOnly: boolean;
  /** The id of the shared <datalist> of suggested target groups. */
  targetGroupList: string;
  /** Put the caret in this row's title (a row just added). */
  focusTitle: boolean;
}

/** An agreed card that has lost a required field is marked (its status cell says which). */
const rowClass = (card: Card): string =>
  `card-row card-row--${card.status}${card.status === 'agreed' && missingForAgreed(card).length > 0 ? ' card-row--warning' : ''}`;

export const CardRow = memo(function CardRow(props: CardRowProps) {
  const { doc, card, template, text, readOnly, targetGroupList, focusTitle } = props;
  const { t } = text;
  const context = card.title.trim() || t('card.untitled');
  const input = { doc, card, template, text, readOnly, context, listId: targetGroupList };
  const title = cardField('title');

  const remove = (event: MouseEvent<HTMLButtonElement>) => {
    if (!window.confirm(t('card.deleteConfirm', { title: context }))) return;
    // Chosen before the row goes: the focus moves to a neighbour, not to the top of the page.
    const refocus = focusAfterRemoval(event.currentTarget);
    boardUndoFor(doc).stopCapturing();
    deleteCard(doc, card.id);
    announceDeleted(doc, [card.title]);
    refocus();
  };

  return (
    <tr data-card-id={card.id} data-testid="card-row" className={rowClass(card)}>
      {/* The plan-table columns of the registry, the activity (with the title) first as the row header. */}
      {TABLE_FIELDS.map((field) =>
        field.id === 'activity' ? (
          <th key={field.id} scope="row" className="card-row__activity">
            {title && <CardFieldInput {...input} field={title} autoFocus={focusTitle} className="card-row__title" />}
            <CardFieldInput {...input} field={field} />
          </th>
        ) : (
          <td key={field.id}>
            <CardFieldInput {...input} field={field} />
          </td>
        ),
      )}
      <td>
        <StatusField doc={doc} card={card} text={text} readOnly={readOnly} hideLabel context={context} />
        <TableDecision doc={doc} cardId={card.id} status={card.status} context={context} />
        <VoteControl card={card} title={context} />
      </td>
      <td>
        <div className="card-row__manage">
          <GoalSelect
            doc={doc}
            card={card}
            template={template}
            text={text}
            readOnly={readOnly}
            hideLabel
            context={context}
            lazy
            onMove={(nextFocus) => keepFocusInMovedRow(card.id, nextFocus)}
          />
          {!readOnly && (
            <button type="button" className="button button--small button--danger" onClick={remove}>
              {t('table.delete')}
              <span className="sr-only"> – {context}</span>
            </button>
          )}
        </div>
      </td>
    </tr>
  );
});
