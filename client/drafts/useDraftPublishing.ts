/**
 * Publishes the person's drafts when the page sees the round revealed (README
 * "Running the workshop", private drafting): live, or at the next open, also
 * after being offline. It waits for the board's state from the server this
 * visit, so publish-drafts.ts sees every card already published. When the
 * person may not write now (a lock, a restricting phase, a closed
 * connection) the drafts stay and the reason is given; they go out as soon
 * as writing is allowed again while the round is still revealed.
 */
import { useEffect, useRef, useState } from 'react';
import type * as Y from 'yjs';
import type { DraftingRound } from '../../shared/workshop/drafting.ts';
import { boardUndoFor } from '../undo/board-undo.ts';
import type { Draft } from './drafts-doc.ts';
import { clearPublished, type PublishAs, publishDrafts } from './publish-drafts.ts';

/**
 * How long the connection must stay up after the cards went out before their drafts are cleared.
 * The server refuses an edit at once (a close), so cards still there after this were taken.
 */
const SETTLE_MS = 3_000;

/** Why the page may not write the board now, or null when it may. */
export type WriteBlock = 'locked' | 'closed' | 'readOnly' | null;

/** The board page's WriteBlock: a newer board's read-only copy, a lock or restricting phase, a closed connection. */
export function writeBlock(page: { writable: boolean; lockedOut: boolean; connection: string }): WriteBlock {
  if (!page.writable) return 'readOnly';
  if (page.lockedOut) return 'locked';
  return page.connection === 'closed' ? 'closed' : null;
}

export interface PublishingInput {
  board: Y.Doc;
  round: DraftingRound | null;
  drafts: { doc: Y.Doc | null; list: Draft[]; loaded: boolean };
  hasSynced: boolean;
  /** The connection is up and synced now. */
  connected: boolean;
  blocked: WriteBlock;
  as: PublishAs;
}

export interface Publishing {
  /** Why waiting drafts were not published, while they wait. */
  refused: WriteBlock;
  /** How many cards this page published at the last reveal (0 until then). */
  published: number;
}

export function useDraftPublishing(input: PublishingInput): Publishing {
  const { board, round, drafts, hasSynced, connected, blocked, as } = input;
  const [published, setPublished] = useState(0);
  const [settling, setSettling] = useState(false);
  // One try a round per page: a refused publish waits for the next open, not a loop of refusals.
  const tried = useRef<string | null>(null);
  const revealed = round?.state === 'revealed';
  const waiting = revealed && drafts.loaded && hasSynced && drafts.list.length > 0;
  const { createdBy, period, goalIds } = as;
  const roundId = round?.roundId ?? null;
  useEffect(() => {
    if (!waiting || blocked || !drafts.doc || tried.current === roundId) return;
    tried.current = roundId;
    // One undo step of its own: a stray Ctrl+Z must not take away an edit and the published cards together.
    boardUndoFor(board).stopCapturing();
    publishDrafts(board, drafts.doc, { createdBy, period, goalIds });
    boardUndoFor(board).stopCapturing();
    setSettling(true);
  }, [waiting, blocked, board, drafts.doc, roundId, createdBy, period, goalIds]);
  useEffect(() => {
    if (!settling || !connected || !drafts.doc) return;
    const doc = drafts.doc;
    const timer = setTimeout(() => {
      setSettling(false);
      const cleared = clearPublished(board, doc, createdBy);
      if (cleared > 0) setPublished(cleared);
    }, SETTLE_MS);
    return () => clearTimeout(timer);
  }, [settling, connected, board, drafts.doc, createdBy]);
  return { refused: waiting && !settling ? blocked : null, published };
}
