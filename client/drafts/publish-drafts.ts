/**
 * Publishing a person's drafts when the facilitator reveals the round (README
 * "Running the workshop", private drafting): each draft becomes an ordinary
 * card through the normal write path (shared/card.ts), then leaves the drafts.
 *
 * Exactly once: a draft's id is its card's id, and a draft whose card is
 * already on the board is only cleared. Writing and clearing are two steps:
 * the page clears (clearPublished) only once the server has had the cards a
 * while (useDraftPublishing.ts), so a page closed or refused in between finds
 * the drafts at its next open, and the cards too if the server kept them.
 */
import type * as Y from 'yjs';
import { cardsMap, Origin } from '../../shared/board-doc.ts';
import { createCard } from '../../shared/card.ts';
import { placeCard } from '../../shared/card-order.ts';
import { type Draft, readDrafts, removeDrafts } from './drafts-doc.ts';

export interface Published {
  /** Drafts written as new cards now. */
  written: string[];
  /** Drafts whose card was already on the board (an earlier publish): cleared only. */
  already: string[];
}

/** Whether a draft is worth a card: an empty one (begun, never written) is dropped on publishing. */
const hasContent = (draft: Draft) => draft.title.trim().length > 0;

export interface PublishAs {
  /** The person's name: whose drafts go out, and the cards' creator. */
  createdBy: string;
  /** The time frame a new card starts with (the plan year), as on the canvas and in the table. */
  period: string;
  /** The goals of the board's layout now: a draft's goal that is gone (the layout changed) leaves its card unplaced. */
  goalIds: ReadonlySet<string>;
}

export function publishDrafts(board: Y.Doc, drafts: Y.Doc, as: PublishAs): Published {
  const placed = (draft: Draft) => (draft.goalId !== null && as.goalIds.has(draft.goalId) ? draft.goalId : null);
  const all = readDrafts(drafts, as.createdBy);
  const cards = cardsMap(board);
  const already = all.filter((draft) => cards.has(draft.id)).map((draft) => draft.id);
  const toWrite = all.filter((draft) => !cards.has(draft.id) && hasContent(draft));
  board.transact(() => {
    for (const draft of toWrite) {
      createCard(board, {
        id: draft.id,
        goalId: placed(draft),
        createdBy: draft.author,
        createdAt: draft.createdAt,
        fields: { title: draft.title.trim(), period: as.period },
      });
      // At the end of its goal's cards, as a card added there now.
      placeCard(board, draft.id, placed(draft), Number.POSITIVE_INFINITY);
    }
  }, Origin.user);
  return { written: toWrite.map((draft) => draft.id), already };
}

/** Clears `author`'s drafts whose cards are on the board, and the empty ones; how many had cards. */
export function clearPublished(board: Y.Doc, drafts: Y.Doc, author: string): number {
  const cards = cardsMap(board);
  const done = readDrafts(drafts, author).filter((draft) => cards.has(draft.id) || !hasContent(draft));
  removeDrafts(
    drafts,
    done.map((draft) => draft.id),
  );
  return done.filter((draft) => cards.has(draft.id)).length;
}
