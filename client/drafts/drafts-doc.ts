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
  /**
   * The name of who wrote it, its card's creator. Several people may take turns at one computer
   * (the same browser, another name): each sees and publishes only their own drafts.
   */
  author: string;
}

export const draftsMap = (doc: Y.Doc): Y.Map<Draft> => doc.getMap('drafts');

/** A card id the board's contract takes (shared/board-contract.ts), so a published draft is never refused for it. */
const DRAFT_ID = /^[A-Za-z0-9_-]{1,64}$/;

const isDraft = (value: unknown): value is Draft => {
  if (typeof value !== 'object' || value === null) return false;
  const { id, title, goalId, createdAt, author } = value as Record<string, unknown>;
  return (
    typeof id === 'string' &&
    DRAFT_ID.test(id) &&
    typeof title === 'string' &&
    title.length <= fieldMax('title') &&
    (goalId === null || (typeof goalId === 'string' && goalId.length <= 64)) &&
    // What the card contract takes as createdAt: a store edited by hand must not get the board's copy refused.
    typeof createdAt === 'string' &&
    createdAt.length <= 40 &&
    !Number.isNaN(Date.parse(createdAt)) &&
    typeof author === 'string'
  );
};

/** The drafts of `author` in the order they were begun. */
export function readDrafts(doc: Y.Doc, author: string): Draft[] {
  return [...draftsMap(doc).values()]
    .filter((draft) => isDraft(draft) && draft.author === author)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
}

export function addDraft(doc: Y.Doc, goalId: string | null, author: string, now = new Date()): Draft {
  const draft: Draft = { id: randomId(16), title: '', goalId, createdAt: now.toISOString(), author };
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
