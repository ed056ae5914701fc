/**
 * One activity as a table row, every cell editable in place and bound live to
 * the document. The activity cell (title + activity text) is the row header,
 * and every control's label names its column and the activity, so a screen
 * reader user always knows which cell they are in.
 */
import { memo } from 'react';
import type * as Y from 'yjs';
import { deleteCard } from '../../shared/card.ts';
import { type Card, type CardTextField, missingForAgreed } from '../../shared/card-schema.ts';
import type { Template } from '../../shared/template.ts';
import type { CardText } from '../cards/card-messages.ts';
import { BoundField } from '../cards/fields/BoundField.tsx';
import { GoalSelect } from '../cards/fields/GoalSelect.tsx';
import { PartiesField } from '../cards/fields/PartiesField.tsx';
import { StatusField } from '../cards/fields/StatusField.tsx';
import { boardUndoFor } from '../undo/board-undo.ts';
import { announceDeleted } from '../undo/deletion-notice.ts';

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
  const cell = (field: CardTextField, extra: { multiline?: boolean; hint?: string; list?: string } = {}) => (
    <BoundField
      doc={doc}
      cardId={card.id}
      field={field}
      label={`${text.field(field)} – ${context}`}
      hideLabel
      readOnly={readOnly}
      {...extra}
    />
  );

  const remove = () => {
    if (!window.confirm(t('card.deleteConfirm', { title: context }))) return;
    boardUndoFor(doc).stopCapturing();
    deleteCard(doc, card.id);
    announceDeleted(doc, [card.title]);
  };

  return (
    <tr data-card-id={card.id} data-testid="card-row" className={rowClass(card)}>
      <td>{cell('priorityArea', { multiline: true })}</td>
      <th scope="row" className="card-row__activity">
        <BoundField
          doc={doc}
          cardId={card.id}
          field="title"
          label={`${text.field('title')} – ${context}`}
          hideLabel
          readOnly={readOnly}
          autoFocus={focusTitle}
          wrap
          className="card-row__title"
        />
        {cell('activity', { multiline: true })}
      </th>
      <td>{cell('indicator', { multiline: true, hint: t('card.indicatorHint') })}</td>
      <td>{cell('responsible', { multiline: true })}</td>
      <td>{cell('targetGroup', { list: targetGroupList })}</td>
      <td>
        <PartiesField
          doc={doc}
          card={card}
          template={template}
          text={text}
          readOnly={readOnly}
          compact
          context={context}
        />
      </td>
      <td>{cell('period')}</td>
      <td>
        <StatusField doc={doc} card={card} text={text} readOnly={readOnly} hideLabel context={context} />
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
