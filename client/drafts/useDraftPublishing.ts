/**
 * Publishes the person's drafts when the page sees the round revealed (README
 * "Running the workshop", private drafting): live, or at the next open, also
 * after being offline. It waits for the board's state from the server this
 * visit, so publish-drafts.ts sees every card already published. When the
 * person may not write now (a lock, a restricting phase, a closed
 * connection) the drafts stay and the reason is given; they go out as soon
 * as writing is allowed again while the round is still revealed.
 */
import { useEffect, useState } from 'react';
import type * as Y from 'yjs';
import type { DraftingRound } from '../../shared/workshop/drafting.ts';
import type { Draft } from './drafts-doc.ts';
import { type PublishAs, publishDrafts } from './publish-drafts.ts';

/** Why the page may not write the board now, or null when it may. */
export type WriteBlock = 'locked' | 'closed' | 'readOnly' | null;

export interface PublishingInput {
  board: Y.Doc;
  round: DraftingRound | null;
  drafts: { doc: Y.Doc | null; list: Draft[]; loaded: boolean };
  hasSynced: boolean;
  blocked: WriteBlock;
  as: PublishAs;
}

export interface Publishing {
  /** Why waiting drafts were not published, while they wait. */
  refused: WriteBlock;
  /** How many cards this page published at the last reveal (0 until then). */
  published: number;
}

export function useDraftPublishing({ board, round, drafts, hasSynced, blocked, as }: PublishingInput): Publishing {
  const [published, setPublished] = useState(0);
  const revealed = round?.state === 'revealed';
  const waiting = revealed && drafts.loaded && hasSynced && drafts.list.length > 0;
  const { createdBy, period, goalIds } = as;
  useEffect(() => {
    if (!waiting || blocked || !drafts.doc) return;
    const { written } = publishDrafts(board, drafts.doc, { createdBy, period, goalIds });
    if (written.length > 0) setPublished(written.length);
  }, [waiting, blocked, board, drafts.doc, createdBy, period, goalIds]);
  return { refused: waiting ? blocked : null, published };
}
