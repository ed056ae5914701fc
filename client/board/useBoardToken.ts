/**
 * The token a board page opens its board with. A token in the fragment (a
 * share link) is taken from the address bar on the first render, before the
 * canvas mounts (tldraw reads window.location), stored in this browser and
 * used by this page; without one the page uses the token stored for this board.
 */
import { useEffect, useState } from 'react';
import { rememberToken, tokenFor } from '../access/access-store.ts';
import { takeTokenFromAddressBar } from '../access/url-token.ts';

export type BoardToken =
  | { kind: 'token'; token: string }
  /** Neither the link nor this browser holds a token for the board. */
  | { kind: 'none' }
  /** The link's fragment holds something that cannot be a token (cut short when copied). */
  | { kind: 'invalid' };

/**
 * Tokens this page took from its address bar, by board, while the board page
 * is open: read again (React's development mode runs state initialisers
 * twice) they are the link's token, not the strongest stored one.
 */
const takenByThisPage = new Map<string, string>();

function resolveToken(boardId: string): BoardToken {
  const fromLink = takeTokenFromAddressBar();
  if (fromLink.kind === 'token') {
    rememberToken(boardId, fromLink.token);
    takenByThisPage.set(boardId, fromLink.token);
    return fromLink;
  }
  if (fromLink.kind === 'invalid') return fromLink;
  const taken = takenByThisPage.get(boardId);
  if (taken) return { kind: 'token', token: taken };
  const stored = tokenFor(boardId);
  return stored ? { kind: 'token', token: stored } : { kind: 'none' };
}

export function useBoardToken(boardId: string): BoardToken {
  // Read during the first render on purpose: the address bar is clean before any child reads it.
  const [state, setState] = useState(() => ({ boardId, token: resolveToken(boardId) }));
  // A link pasted over this board's own address changes only the fragment: no new page, so listen.
  useEffect(() => {
    const onHashChange = () => {
      if (window.location.hash.includes('token=')) setState({ boardId, token: resolveToken(boardId) });
    };
    window.addEventListener('hashchange', onHashChange);
    return () => {
      window.removeEventListener('hashchange', onHashChange);
      // Leaving the board: opened again from the start page, it uses the strongest stored link.
      takenByThisPage.delete(boardId);
    };
  }, [boardId]);
  if (state.boardId !== boardId) {
    const next = { boardId, token: resolveToken(boardId) };
    setState(next);
    return next.token;
  }
  return state.token;
}
