/**
 * Documents kept between whole-state tasks, so a restore does not rebuild a
 * board from bytes each time. Building the Y.Doc of a fragmented 1,000-card
 * board (merge the log, apply 1.5 MB) took two thirds of a restore; a warm
 * document only needs the log updates stored since the task that left it.
 *
 * They live in whichever thread runs the tasks (the state worker, or the main
 * thread for small boards), a few at a time: a Y.Doc of a 1,000-card board is
 * ≈ 12 MB, so only the boards worked on last keep one. Compaction and version
 * snapshots leave theirs here, which keeps a busy board's document warm before
 * anyone restores.
 *
 * A position in a room's log identifies what a document holds: `room` names one
 * load of the board (and changes when a document may hold an edit that was not
 * stored), `folded` counts the log updates already folded into the state the
 * task was given. Log update k (counted from the load) is therefore part k −
 * `folded` of the task's tail.
 */
import * as Y from 'yjs';
import type { BoardContent } from '../../shared/restore.ts';
import { applyAll } from './merge.ts';

export interface LogPosition {
  room: string;
  folded: number;
}

/** Boards whose document is kept; ≈ 12 MB each at 1,000 cards. */
export const WARM_DOCS_MAX = 4;
/** Versions whose cards are kept, to restore without decoding their state. */
export const WARM_VERSIONS_MAX = 8;

interface WarmDoc {
  doc: Y.Doc;
  /** Log updates (counted from the load) the document holds: all before this one. */
  through: number;
}

// Maps iterate in insertion order: re-inserting on use makes the first entry the least recently used.
const docs = new Map<string, WarmDoc>();
const versions = new Map<string, BoardContent>();

const endOf = (updates: Uint8Array[], at: LogPosition): number => at.folded + updates.length - 1;

function remember<T>(map: Map<string, T>, key: string, value: T, max: number, drop?: (value: T) => void): void {
  map.delete(key);
  map.set(key, value);
  while (map.size > max) {
    const [oldest, evicted] = map.entries().next().value as [string, T];
    map.delete(oldest);
    drop?.(evicted);
  }
}

/**
 * A document holding what `updates` (a state, then the log after it) hold, at
 * `at`: the one left by an earlier task brought up to date, or a new one. It
 * does not collect garbage: collecting deleted text while a restore deletes
 * cards splices the store's arrays, which made restores 4× slower. The caller
 * edits it in place and must not destroy it.
 */
export function warmDoc(updates: Uint8Array[], at: LogPosition): Y.Doc {
  const end = endOf(updates, at);
  const warm = docs.get(at.room);
  if (warm && warm.through >= at.folded && warm.through <= end) {
    const missing = updates.slice(1 + warm.through - at.folded);
    applyAll(warm.doc, missing);
    warm.through = end;
    remember(docs, at.room, warm, WARM_DOCS_MAX);
    return warm.doc;
  }
  const doc = new Y.Doc({ gc: false });
  applyAll(doc, updates);
  keepWarm(doc, updates, at);
  return doc;
}

/** Keeps a document a task built from `updates` (at `at`) for the next task; it is no longer the caller's. */
export function keepWarm(doc: Y.Doc, updates: Uint8Array[], at: LogPosition): void {
  // From now on the document is edited, not stored: see warmDoc on why it stops collecting.
  doc.gc = false;
  const previous = docs.get(at.room);
  if (previous && previous.doc !== doc) previous.doc.destroy();
  remember(docs, at.room, { doc, through: endOf(updates, at) }, WARM_DOCS_MAX, (evicted) => evicted.doc.destroy());
}

/** Drops a room's document: the room was unloaded. */
export function forgetWarm(room: string): void {
  docs.get(room)?.doc.destroy();
  docs.delete(room);
}

/** The cards of a version read earlier in this thread, if still kept. */
export const warmVersion = (versionId: string): BoardContent | undefined => versions.get(versionId);

export function keepVersion(versionId: string, content: BoardContent): void {
  remember(versions, versionId, content, WARM_VERSIONS_MAX);
}
