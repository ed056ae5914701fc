/**
 * Every field of one activity card, bound live to the document: opened from a
 * card on the canvas. Non-modal, so the board stays visible and others' edits
 * show in the fields as they type. When the card is deleted (here or by
 * someone else) the editor closes and says so; the deletion wins.
 */
import { Fragment, type RefObject, useEffect, useId, useRef } from 'react';
import type * as Y from 'yjs';
import { deleteCard } from '../../shared/card.ts';
import { CARD_FIELDS } from '../../shared/fields/card-fields.ts';
import type { Template } from '../../shared/template.ts';
import { type DecisionAccess, DecisionSection } from '../decisions/DecisionSection.tsx';
import { FollowUpSection } from '../follow-up/FollowUpSection.tsx';
import { boardUndoFor } from '../undo/board-undo.ts';
import { announceDeleted } from '../undo/deletion-notice.ts';
import { UndoButtons } from '../undo/UndoButtons.tsx';
import { VoteControl } from '../voting/VoteControl.tsx';
import { useCard } from './card-hooks.ts';
import { useCardText } from './card-messages.ts';
import { CardFieldInput, FieldSuggestions } from './fields/CardFieldInput.tsx';
import { GoalSelect } from './fields/GoalSelect.tsx';
import { StatusField } from './fields/StatusField.tsx';

export interface CardEditorProps {
  doc: Y.Doc;
  cardId: string;
  template: Template;
  readOnly: boolean;
  /** Who edits (stamped on follow-up entries); without it the follow-up section is read-only. */
  personName?: string;
  /** Put the caret in the title (a card just created). */
  focusTitle?: boolean;
  /** Put the focus on the panel itself (opened from the keyboard: Tab goes on to its fields). */
  focusPanel?: boolean;
  /** The facilitator's access for "Besluta" (README "Decisions"); without it the decision is shown only. */
  decisionAccess?: DecisionAccess;
  /** The current phase is the agreement phase: the decision comes first ("Besluta" open for the facilitator). */
  agreementPhase?: boolean;
  /** The panel element, for the canvas to keep the open card in sight beside it. */
  panelRef?: RefObject<HTMLElement | null>;
  onClose(): void;
  /** The card no longer exists; `byMe` when this editor's delete button removed it. */
  onGone(byMe: boolean): void;
}

export function CardEditor(props: CardEditorProps) {
  const { doc, cardId, template, readOnly, focusTitle, focusPanel, onClose, onGone } = props;
  const card = useCard(doc, cardId);
  const text = useCardText(template);
  const { t } = text;
  const headingId = useId();
  const listId = useId();
  const deletingHere = useRef(false);
  const ownPanel = useRef<HTMLElement>(null);
  const panel = props.panelRef ?? ownPanel;

  useEffect(() => {
    if (focusPanel) panel.current?.focus();
  }, [focusPanel, panel]);

  useEffect(() => {
    if (!card) onGone(deletingHere.current);
  }, [card, onGone]);
  if (!card) return null;

  const remove = () => {
    if (!window.confirm(t('card.deleteConfirm', { title: card.title.trim() || t('card.untitled') }))) return;
    deletingHere.current = true;
    // Its own undo step, and the toast offers it at once (the confirmation alone could not be taken back).
    boardUndoFor(doc).stopCapturing();
    deleteCard(doc, cardId);
    announceDeleted(doc, [card.title]);
  };
  const common = { doc, card, template, text, readOnly, listId };
  // In the agreement phase the decision comes first for everyone, and the facilitator's form open.
  const first = Boolean(props.agreementPhase);
  const decision = (
    <DecisionSection
      doc={doc}
      cardId={cardId}
      status={card.status}
      access={props.decisionAccess}
      prominent={first && props.decisionAccess !== undefined}
    />
  );

  return (
    // Keys stay in the editor: tldraw must not read Delete or arrow keys pressed here as canvas shortcuts.
    <aside
      ref={panel}
      tabIndex={-1}
      className="card-editor"
      role="dialog"
      aria-labelledby={headingId}
      data-testid="card-editor"
      data-card-id={cardId}
      onKeyDown={(event) => {
        event.stopPropagation();
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="card-editor__header">
        <h2 id={headingId}>{t('card.editorHeading')}</h2>
        {!readOnly && <UndoButtons doc={doc} className="card-editor__undo" />}
        <button type="button" className="button button--quiet" onClick={onClose} data-testid="close-card-editor">
          {t('card.close')}
        </button>
      </header>
      {readOnly && <p className="notice">{t('card.readOnly')}</p>}
      <div className="card-editor__body">
        {first && decision}
        {/* The registry's fields in its order; where the card sits comes right after its title. */}
        {CARD_FIELDS.map((field) => (
          <Fragment key={field.id}>
            <CardFieldInput {...common} field={field} autoFocus={field.id === 'title' ? focusTitle : undefined} />
            <FieldSuggestions field={field} template={template} id={listId} />
            {field.id === 'title' && (
              <GoalSelect doc={doc} card={card} template={template} text={text} readOnly={readOnly} />
            )}
          </Fragment>
        ))}
        <StatusField doc={doc} card={card} text={text} readOnly={readOnly} />
        <div className="card-editor__votes">
          <VoteControl card={card} title={card.title.trim() || t('card.untitled')} />
        </div>
        {!first && decision}
        <FollowUpSection doc={doc} card={card} readOnly={readOnly} personName={props.personName} />
      </div>
      {!readOnly && (
        <footer className="card-editor__footer">
          <button type="button" className="button button--danger" onClick={remove} data-testid="delete-card">
            {t('card.delete')}
          </button>
        </footer>
      )}
    </aside>
  );
}
