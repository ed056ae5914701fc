/**
 * Brainstorm to plan: a sticky note becomes an activity card of its goal, its
 * text the card's title, in one undoable step (the card, its shape and the
 * note's removal). The note's recorded goal wins over its position, since
 * zones move as they grow.
 */
import type { Editor, TLNoteShape } from 'tldraw';
import type * as Y from 'yjs';
import { noteGoalId, richTextToPlain } from '../../../shared/canvas-notes.ts';
import { createCard } from '../../../shared/card.ts';
import { TEXT_FIELD_MAX, TITLE_MAX } from '../../../shared/card-schema.ts';
import { boardUndoFor } from '../../undo/board-undo.ts';
import { CARD_SIZE, CARD_TYPE, cardShapeId } from '../card/ActivityCardShape.ts';
import { goalZone, placeAt } from '../card/card-placement.ts';
import { goalAtPoint, type ZoneLayout } from '../zones/layout.ts';
import { isNoteShape, noteCenter } from './note-goal.ts';

export interface NoteToCardOptions {
  doc: Y.Doc;
  layout: ZoneLayout;
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

/** Turns `note` into a card; returns the card id. */
export function noteToCard(editor: Editor, options: NoteToCardOptions, note: TLNoteShape): string {
  const { doc, layout } = options;
  const center = noteCenter(editor, note);
  const recorded = noteGoalId(note);
  const zone = recorded ? goalZone(layout, recorded) : undefined;
  const goalId = zone ? (recorded ?? null) : goalAtPoint(layout, center.x, center.y);
  // In its goal's zone: where the note was when that is inside the zone, else the zone's middle.
  const outsideItsZone = zone !== undefined && goalAtPoint(layout, center.x, center.y) !== zone.goalId;
  const point = zone && outsideItsZone ? { x: zone.x + zone.w / 2, y: zone.y + zone.h / 2 } : center;
  const text = richTextToPlain(note.props.richText, TEXT_FIELD_MAX);

  const undo = boardUndoFor(doc);
  undo.stopCapturing();
  // The card before its shape: others then never see a shape without its card.
  const id = createCard(doc, {
    goalId,
    createdBy: options.personName,
    fields: { ...cardFieldsFromNote(text), period: options.period },
  });
  const at = placeAt(layout, point, CARD_SIZE);
  editor.markHistoryStoppingPoint('note to activity card');
  editor.run(() => {
    editor.createShapes([
      { id: cardShapeId(id), type: CARD_TYPE, x: at.x, y: at.y, props: { cardId: id, ...CARD_SIZE } },
    ]);
    editor.deleteShapes([note.id]);
  });
  editor.select(cardShapeId(id));
  // The store tells the document on the next frame; flushing now puts the canvas writes in the card's undo step.
  editor.store._flushHistory();
  undo.stopCapturing();
  return id;
}
