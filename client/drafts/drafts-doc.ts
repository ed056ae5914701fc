/**
 * A person's private drafts of one board (README "Running the workshop",
 * private drafting) as a small Y.Doc of their own: never the board's document,
 * never sent anywhere. draft-store.ts keeps it in this browser's IndexedDB.
 * Each draft is a plain value under its id; the id becomes the card's id on
 * publishing, which is what makes publishing happen once (publish-drafts.ts).
 */
import type * as Y from 'yjs';
import { fieldMax } from '../../shared/card-schema.ts';
import { randomId } from '../../shared/ids.ts';

export interface Draft {
  id: string;
  title: string;
  goalId: string | null;
  /** ISO time the draft was begun: the card's creation time and order when published. */
  createdAt: string;
}

export const draftsMap = (doc: Y.Doc): Y.Map<Draft> => doc.getMap('drafts');

/** A card id the board's contract takes (shared/board-contract.ts), so a published draft is never refused for it. */
const DRAFT_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isDraft = (value: unknown): value is Draft => {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, goalId, createdAt } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    DRAFT_ID.test(id) &&
    typeof title === 'string' &&
    (goalId === null || typeof goalId === 'string') &&
    typeof createdAt === 'string'
  );
};

/** The drafts in the order they were begun. */
export function readDrafts(doc: Y.Doc): Draft[] {
  return [...draftsMap(doc).values()]
    .filter(isDraft)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function addDraft(doc: Y.Doc, goalId: string | null, now = new Date()): Draft {
  const draft: Draft = { id: randomId(16), title: '', goalId, createdAt: now.toISOString() };
  draftsMap(doc).set(draft.id, draft);
  return draft;
}

/** Changes a draft's title or goal (the title cut at the card's limit); a removed draft stays removed. */
export function updateDraft(doc: Y.Doc, id: string, change: Partial<Pick<Draft, 'title' | 'goalId'>>): void {
  const draft = draftsMap(doc).get(id);
  if (!isDraft(draft)) return;
  const title = change.title === undefined ? draft.title : change.title.slice(0, fieldMax('title'));
  draftsMap(doc).set(id, { ...draft, ...change, title });
}

export function removeDrafts(doc: Y.Doc, ids: readonly string[]): void {
  doc.transact(() => {
    for (const id of ids) draftsMap(doc).delete(id);
  });
}
