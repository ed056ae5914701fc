/**
 * Brainstorm to plan: a sticky note becomes an activity card of its goal, its
 * text the card's title, in one undoable step (the card, its shape and the
 * note's removal). The note's recorded goal wins over its position, since
 * zones move as they grow.
 */
import type { Editor, TLNoteShape } from 'tldraw';
import type * as Y from 'yjs';
import { type BoardLayout, dropTarget, goalAtPoint, goalZone } from '../../../shared/board-layout.ts';
import { noteGoalId, richTextToPlain } from '../../../shared/canvas-notes.ts';
import { TEXT_FIELD_MAX, TITLE_MAX } from '../../../shared/card-schema.ts';
import { boardUndoFor } from '../../undo/board-undo.ts';
import { cardShapeId } from '../card/ActivityCardShape.ts';
import { addCard } from '../card/add-card.ts';
import { isNoteShape, noteCenter } from './note-goal.ts';

export interface NoteToCardOptions {
  doc: Y.Doc;
  /** The board as laid out now (client/canvas/layout/). */
  layout: BoardLayout;
  personName: string;
  /** The time frame a new card starts with (the plan year). */
  period: string;
}

/** The one selected sticky note, or null when the selection is anything else. */
export function selectedNote(editor: Editor): TLNoteShape | null {
  const selected = editor.getSelectedShapes();
  return selected.length === 1 && isNoteShape(selected[0]) ? selected[0] : null;
}

/** Title and activity from a note's text: the title on one line, the whole text kept as activity when it is longer. */
export function cardFieldsFromNote(text: string): { title: string; activity?: string } {
  const line = text.replace(/\s*\n\s*/g, ' ').trim();
  if (line.length <= TITLE_MAX) return { title: line };
  return { title: `${line.slice(0, TITLE_MAX - 1).trimEnd()}…`, activity: text };
}

/**
 * Turns `note` into a card; returns the card id. The card goes into the note's
 * goal at the place in the grid under the note (last, when the note has drifted
 * out of its goal's zone); the layout then draws its shape.
 */
export function noteToCard(editor: Editor, options: NoteToCardOptions, note: TLNoteShape): string {
  const { doc, layout } = options;
  const center = noteCenter(editor, note);
  const recorded = noteGoalId(note);
  const zone = recorded ? goalZone(layout, recorded) : undefined;
  const under = goalAtPoint(layout, center.x, center.y);
  const goalId = zone ? (recorded ?? null) : under;
  const index = under === goalId ? dropTarget(layout, center).index : Number.POSITIVE_INFINITY;
  const text = richTextToPlain(note.props.richText, TEXT_FIELD_MAX);

  const undo = boardUndoFor(doc);
  undo.stopCapturing();
  const newCard = { doc, personName: options.personName, period: options.period };
  const id = addCard(newCard, goalId, index, cardFieldsFromNote(text));
  editor.markHistoryStoppingPoint('note to activity card');
  editor.deleteShapes([note.id]);
  // The store tells the document on the next frame; flushing now puts the canvas write in the card's undo step.
  editor.store._flushHistory();
  undo.stopCapturing();
  if (editor.getShape(cardShapeId(id))) editor.select(cardShapeId(id));
  return id;
}
