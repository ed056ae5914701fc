/**
 * The sticky notes of a board's canvas that belong to a goal: what the plan
 * lists as "Anteckningar". Only notes whose goal the client recorded
 * (canvas-notes.ts) count; their order is their place on the canvas, top to
 * bottom, then left to right, then id, so two exports list them alike.
 */
import type * as Y from 'yjs';
import { canvasMap } from '../board-doc.ts';
import { NOTE_TYPE, noteGoalId, richTextToPlain } from '../canvas-notes.ts';
import { TEXT_FIELD_MAX } from '../card-schema.ts';
import type { PlanNote } from './schema.ts';

export interface PlacedNote {
  goalId: string;
  note: PlanNote;
}

const coordinate = (value: unknown): number => (typeof value === 'number' && Number.isFinite(value) ? value : 0);

/** Every note with a recorded goal and some text, in canvas order. */
export function planNotes(doc: Y.Doc): PlacedNote[] {
  const found: (PlacedNote & { x: number; y: number })[] = [];
  for (const [key, value] of canvasMap(doc)) {
    if (typeof value !== 'object' || value === null) continue;
    const record = value as {
      typeName?: unknown;
      type?: unknown;
      x?: unknown;
      y?: unknown;
      props?: unknown;
      meta?: unknown;
    };
    if (record.typeName !== 'shape' || record.type !== NOTE_TYPE) continue;
    const goalId = noteGoalId(record);
    if (!goalId) continue;
    const text = richTextToPlain((record.props as { richText?: unknown } | undefined)?.richText, TEXT_FIELD_MAX);
    if (!text) continue;
    found.push({ goalId, note: { id: key.slice(0, 128), text }, x: coordinate(record.x), y: coordinate(record.y) });
  }
  found.sort((a, b) => a.y - b.y || a.x - b.x || (a.note.id < b.note.id ? -1 : a.note.id > b.note.id ? 1 : 0));
  return found.map(({ goalId, note }) => ({ goalId, note }));
}
