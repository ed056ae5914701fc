/**
 * Pure helpers for binding an input to a Y.Text. When someone else's edit
 * arrives, the local caret must move with the text around it (not jump to the
 * end, not land inside their word): these functions map a position through a
 * Yjs text delta. Kept free of the DOM so they are tested in Node.
 */

/** One step of a Y.Text delta (`YTextEvent.delta`), positions counted in UTF-16 units like the DOM. */
export type DeltaOp = { retain: number } | { insert: string | object } | { delete: number };

const insertLength = (insert: string | object): number => (typeof insert === 'string' ? insert.length : 1);

/**
 * Where `pos` (an index into the text before the change) ends up after it.
 * Text inserted exactly at `pos` goes after it unless `stickToEnd` is set,
 * so a remote typist at my caret does not push my caret along.
 */
export function transformPosition(pos: number, delta: readonly DeltaOp[], stickToEnd = false): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex > pos) break;
    if ('retain' in op) {
      oldIndex += op.retain;
    } else if ('insert' in op) {
      if (oldIndex < pos || (oldIndex === pos && stickToEnd)) shift += insertLength(op.insert);
    } else {
      // Text deleted before the position pulls it back; a position inside the deleted run lands at its start.
      shift -= Math.max(0, Math.min(op.delete, pos - oldIndex));
      oldIndex += op.delete;
    }
  }
  return Math.max(0, pos + shift);
}

export interface Selection {
  start: number;
  end: number;
}

/** A selection mapped through a delta; text inserted at either edge stays outside it. */
export function transformSelection(selection: Selection, delta: readonly DeltaOp[]): Selection {
  const start = transformPosition(selection.start, delta);
  if (selection.end === selection.start) return { start, end: start };
  return { start, end: Math.max(start, transformPosition(selection.end, delta)) };
}

/** A single splice: remove `remove` characters at `index`, then insert `insert` there. */
export interface TextEdit {
  index: number;
  remove: number;
  insert: string;
}

/**
 * Moves a local edit, computed against an older text, past the remote deltas
 * that arrived meanwhile (used after an IME composition, during which the
 * input could not be updated).
 */
export function rebaseEdit(edit: TextEdit, deltas: readonly (readonly DeltaOp[])[]): TextEdit {
  let start = edit.index;
  let end = edit.index + edit.remove;
  for (const delta of deltas) {
    start = transformPosition(start, delta);
    end = Math.max(start, transformPosition(end, delta));
  }
  return { index: start, remove: end - start, insert: edit.insert };
}

/** The text with one splice applied. */
export function applyEdit(text: string, edit: TextEdit): string {
  const index = Math.min(edit.index, text.length);
  return text.slice(0, index) + edit.insert + text.slice(Math.min(text.length, index + edit.remove));
}
