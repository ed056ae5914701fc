/**
 * Everything the canvas needs for activity cards, for BoardCanvas to plug in:
 *  - `context`: wrap <Tldraw> in <CardCanvasContext.Provider value={context}>;
 *  - `mount(editor)`: call from onMount, call its result on unmount; it lays
 *    out zones and cards from the document (client/canvas/layout/);
 *  - `overlay`: render beside <Tldraw> (the add button, the card editor, notices).
 */
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Editor } from 'tldraw';
import { readPlanPeriod } from '../../../shared/board-doc.ts';
import { type BoardLayout, goalAtPoint } from '../../../shared/board-layout.ts';
import { defaultCardPeriod } from '../../../shared/card-schema.ts';
import { findGoal } from '../../../shared/template.ts';
import type { BoardContextValue } from '../../board/board-context.ts';
import { CardEditor } from '../../cards/CardEditor.tsx';
import { useCardText } from '../../cards/card-messages.ts';
import { useDecisionAccess } from '../../decisions/use-decision-access.ts';
import { useI18n } from '../../i18n/I18nProvider.tsx';
import { announceDeleted } from '../../undo/deletion-notice.ts';
import { UndoButtons } from '../../undo/UndoButtons.tsx';
import { bindLayout, type LayoutBinding } from '../layout/bind-layout.ts';
import { NoteToCardButton } from '../notes/NoteToCardButton.tsx';
import { registerNoteConverter } from '../notes/note-actions.tsx';
import { trackNoteGoals } from '../notes/note-goal.ts';
import { noteToCard, selectedNote } from '../notes/note-to-card.ts';
import { AddCardMenu, goalInView } from './AddCardMenu.tsx';
import { addCard, addCardAt, onZoneDoubleClick } from './add-card.ts';
import { type CardCanvasContextValue, registerCardCanvas } from './card-canvas-context.ts';
import { openOnEnter, revealCard, swallowStrayTyping } from './card-opening.ts';
import { bindCardShapes } from './card-shape-sync.ts';

export interface CardLayer {
  context: CardCanvasContextValue;
  mount(editor: Editor): () => void;
  overlay: ReactNode;
  /** The board as laid out now (zones grown with their cards), once mounted: what a camera fits to. */
  layout(): BoardLayout | null;
}

interface Open {
  cardId: string;
  /** Where the caret goes: the title of a new card, the panel when opened from the keyboard. */
  focus: 'title' | 'panel' | null;
}

/** Focus has nowhere to be: the element holding it just left the page (or never was on it). */
const focusLost = () => !document.activeElement || document.activeElement === document.body;

/** Keys to the canvas. tldraw's own focus() skips the element while it thinks it still has the focus. */
function focusCanvas(editor: Editor): void {
  editor.getContainer().focus();
  editor.focus();
}

/**
 * `readOnly`: no edits right now (live: a lock, a final close). `readOnlyForGood`:
 * this client never writes on this board (a viewer), so cards and shapes are not even kept in step.
 */
export function useCardLayer(
  board: BoardContextValue,
  { readOnly, readOnlyForGood }: { readOnly: boolean; readOnlyForGood: boolean },
): CardLayer {
  const { doc, template } = board;
  const text = useCardText(template);
  const { pick } = useI18n();
  const layoutRef = useRef<LayoutBinding | null>(null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState('');
  const panel = useRef<HTMLElement>(null);
  const { decisionAccess, agreementPhase } = useDecisionAccess(board);
  // onMount runs once, so what it needs later is read through refs.
  const latest = useRef({ personName: board.person.name, readOnly, readOnlyForGood });
  latest.current = { personName: board.person.name, readOnly, readOnlyForGood };

  const context = useMemo<CardCanvasContextValue>(
    () => ({
      doc,
      template,
      openCard: (cardId) => {
        setNotice('');
        setOpen({ cardId, focus: null });
      },
    }),
    [doc, template],
  );

  const newCard = useCallback(() => {
    const period = defaultCardPeriod(template.period, readPlanPeriod(doc));
    return { doc, personName: latest.current.personName, period };
  }, [doc, template]);

  /** A double-click in a goal: the card goes where the pointer is, in that goal's grid. */
  const addAtPoint = useCallback(
    (target: Editor, point: { x: number; y: number }) => {
      const layout = layoutRef.current?.current();
      if (latest.current.readOnly || !layout) return;
      const cardId = addCardAt(target, newCard(), layout, point);
      setNotice('');
      setOpen({ cardId, focus: 'title' });
    },
    [newCard],
  );

  /** The toolbar: last in the goal the person chose, and the notice says where. */
  const addToGoal = useCallback(
    (goalId: string | null) => {
      if (latest.current.readOnly || !editor) return;
      const cardId = addCard(newCard(), goalId);
      const goal = goalId ? findGoal(template, goalId)?.goal : undefined;
      setNotice(
        goal ? text.t('card.placedIn', { goal: `${goal.id} ${pick(goal.title)}` }) : text.t('card.placedUnplaced'),
      );
      setOpen({ cardId, focus: 'title' });
    },
    [editor, newCard, template, text, pick],
  );

  const convertNote = useCallback(
    (target: Editor) => {
      const note = selectedNote(target);
      const layout = layoutRef.current?.current();
      if (latest.current.readOnly || !note || !layout) return;
      noteToCard(target, { ...newCard(), layout }, note);
    },
    [newCard],
  );

  const mount = useCallback(
    (target: Editor) => {
      setEditor(target);
      const layout = bindLayout(target, { doc, template, writes: !latest.current.readOnlyForGood });
      layoutRef.current = layout;
      const stops = [
        registerCardCanvas(target, context),
        layout.stop,
        openOnEnter(target, (cardId) => {
          setNotice('');
          setOpen({ cardId, focus: 'panel' });
        }),
      ];
      // Bound for anyone who may ever write: while locked, tldraw's read-only mode keeps these handlers from writing.
      if (!latest.current.readOnlyForGood) {
        stops.push(
          bindCardShapes(target, {
            doc,
            goalAt: (point) => goalAtPoint(layout.current(), point.x, point.y),
            personName: latest.current.personName,
            onCardsDeleted: (deleted) =>
              announceDeleted(
                doc,
                deleted.map((card) => card.title),
              ),
          }),
          onZoneDoubleClick(target, layout.current, (point) => addAtPoint(target, point)),
          // The layout changes while the canvas is mounted (zones grow); notes take the one of the moment.
          trackNoteGoals(target, layout.current),
          registerNoteConverter(target, convertNote),
        );
      }
      return () => {
        for (const stop of stops) stop();
        layoutRef.current = null;
        setEditor(null);
      };
    },
    [context, doc, template, addAtPoint, convertNote],
  );

  // tldraw mounts once: a new template (the facilitator's layout edit, live) reaches the mounted binding here.
  useEffect(() => {
    layoutRef.current?.setTemplate(template);
  }, [template]);

  // The open card stays in sight beside the panel (a card in the right-hand column would be under it).
  useEffect(() => {
    if (open && editor && panel.current) revealCard(editor, open.cardId, panel.current);
  }, [open, editor]);

  const close = useCallback(() => {
    // Keys go back to the canvas, not to the page's <body>, when the person was in the panel.
    if (editor && panel.current?.contains(document.activeElement)) focusCanvas(editor);
    setOpen(null);
  }, [editor]);
  const gone = useCallback(
    (byMe: boolean) => {
      setOpen(null);
      // A deletion here is announced by the undo toast, which also offers to take it back.
      setNotice(byMe ? '' : text.t('card.deleted'));
      // The panel is gone with the focus it held. Someone else's deletion may land mid-word:
      // the rest of that word must not pick canvas tools (r, n …) or delete the selection.
      if (editor && focusLost()) {
        focusCanvas(editor);
        if (!byMe) swallowStrayTyping(document);
      }
    },
    [text, editor],
  );

  const overlay = (
    <>
      {!readOnly && (
        <div className="card-toolbar">
          <AddCardMenu
            template={template}
            text={text}
            disabled={!editor}
            suggest={() => {
              const layout = layoutRef.current?.current();
              return layout && editor ? goalInView(layout, editor.getViewportPageBounds()) : null;
            }}
            onAdd={addToGoal}
          />
          {editor && <NoteToCardButton editor={editor} text={text} onConvert={() => convertNote(editor)} />}
          <UndoButtons doc={doc} />
          <span className="card-toolbar__hint">{text.t('card.addHint')}</span>
        </div>
      )}
      {open && (
        <CardEditor
          key={open.cardId}
          doc={doc}
          cardId={open.cardId}
          template={template}
          readOnly={readOnly}
          personName={board.person.name}
          decisionAccess={decisionAccess}
          agreementPhase={agreementPhase}
          focusTitle={open.focus === 'title'}
          focusPanel={open.focus === 'panel'}
          panelRef={panel}
          onClose={close}
          onGone={gone}
        />
      )}
      <div className="card-notice" role="status" data-testid="card-notice">
        {notice && (
          <>
            <span>{notice}</span>
            <button type="button" className="button button--quiet" onClick={() => setNotice('')}>
              {text.t('card.close')}
            </button>
          </>
        )}
      </div>
    </>
  );

  return { context, mount, overlay, layout: () => layoutRef.current?.current() ?? null };
}
