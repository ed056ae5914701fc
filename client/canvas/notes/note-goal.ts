/**
 * Records in each sticky note's meta which goal it was put in (shared/canvas-notes.ts
 * says why the plan reads the goal from there). Runs before tldraw stores a
 * note this person creates, pastes or moves, so the goal travels in the same
 * change (one undo step, one update); notes from before this existed get one
 * when a writer opens the board.
 */
import type { Editor, TLNoteShape, TLShape } from 'tldraw';
import { NOTE_GOAL_KEY, NOTE_TYPE, noteGoalId } from '../../../shared/canvas-notes.ts';
import { writeAutomatically } from '../yjs-binding.ts';
import { goalAtPoint, type ZoneLayout } from '../zones/layout.ts';

/** tldraw draws a note 200 units square at scale 1, taller by `growY` when its text needs it. */
const NOTE_SIZE = 200;

export const isNoteShape = (shape: TLShape | undefined): shape is TLNoteShape => shape?.type === NOTE_TYPE;

/** A note's centre in page coordinates, worked out from the record alone (the shape may not be stored yet). */
export function noteCenter(editor: Editor, note: TLNoteShape): { x: number; y: number } {
  const { scale, growY } = note.props;
  const local = { x: note.x + (NOTE_SIZE * scale) / 2, y: note.y + ((NOTE_SIZE + growY) * scale) / 2 };
  const parent = editor.getShape(note.parentId as TLShape['id']);
  if (!parent) return local;
  const point = editor.getShapePageTransform(parent).applyToPoint(local);
  return { x: point.x, y: point.y };
}

/** The note with exactly `{ goalId }` as its meta: nothing else may ride along (the server refuses other keys). */
function withGoal(editor: Editor, note: TLNoteShape, layout: ZoneLayout): TLNoteShape {
  const center = noteCenter(editor, note);
  const goalId = goalAtPoint(layout, center.x, center.y);
  const meta = note.meta as Record<string, unknown>;
  const keys = Object.keys(meta);
  if (keys.length === 1 && keys[0] === NOTE_GOAL_KEY && noteGoalId(note) === goalId) return note;
  return { ...note, meta: { [NOTE_GOAL_KEY]: goalId } };
}

/** Starts recording note goals on `editor`; `getLayout` is the board's current zone layout. Returns the stop. */
export function trackNoteGoals(editor: Editor, getLayout: () => ZoneLayout): () => void {
  const stopCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) =>
    source === 'user' && isNoteShape(shape) ? withGoal(editor, shape, getLayout()) : shape,
  );
  // Only a move re-reads the goal: typing in a note, recolouring it or its growing taller keeps the
  // goal it was put in, even after the zones around it have grown.
  const moved = (prev: TLShape, next: TLShape) =>
    prev.x !== next.x || prev.y !== next.y || prev.parentId !== next.parentId;
  const stopChange = editor.sideEffects.registerBeforeChangeHandler('shape', (prev, next, source) =>
    source === 'user' && isNoteShape(next) && moved(prev, next) ? withGoal(editor, next, getLayout()) : next,
  );
  // Notes written before goals were recorded: the canvas fills them in, outside the person's undo.
  const unrecorded = editor
    .getCurrentPageShapes()
    .filter((shape): shape is TLNoteShape => isNoteShape(shape) && noteGoalId(shape) === undefined);
  if (unrecorded.length > 0 && !editor.getIsReadonly()) {
    writeAutomatically(editor.store, () => {
      editor.updateShapes(unrecorded.map((note) => withGoal(editor, note, getLayout())));
    });
  }
  return () => {
    stopCreate();
    stopChange();
  };
}
