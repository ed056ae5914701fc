/**
 * Share links carry the board token in the URL fragment (`/b/:id#token=…`):
 * browsers never send a fragment to a server or in a Referer. The board page
 * reads it once and removes it from the address bar straight away, so it does
 * not linger in the history, a screenshot or a link copied from the bar.
 */

/** Tokens are random URL-safe strings; anything else cannot be a token and never reaches a header. */
const TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,512}$/;

export function isPlausibleToken(value: string): boolean {
  return TOKEN_PATTERN.test(value);
}

/**
 * What the fragment says about the token: none (no `token=`), a usable one,
 * or `invalid` when it holds something that cannot be a token (a link cut short).
 */
export type FragmentToken = { kind: 'none' } | { kind: 'token'; token: string } | { kind: 'invalid' };

export function tokenFromHash(hash: string): FragmentToken {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (!params.has('token')) return { kind: 'none' };
  const token = params.get('token') ?? '';
  return isPlausibleToken(token) ? { kind: 'token', token } : { kind: 'invalid' };
}

/** The fragment without `token`, so other fragment parameters survive the clean-up. */
export function hashWithoutToken(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('token');
  const rest = params.toString();
  return rest ? `#${rest}` : '';
}

/**
 * Reads the token from the address bar and removes it there (history.replaceState,
 * keeping the router's own history state). Call before anything reads the URL.
 */
export function takeTokenFromAddressBar(): FragmentToken {
  const found = tokenFromHash(window.location.hash);
  if (found.kind !== 'none') {
    const { pathname, search, hash } = window.location;
    window.history.replaceState(window.history.state, '', `${pathname}${search}${hashWithoutToken(hash)}`);
  }
  return found;
}

/** A share link: the board (or its table view) with the token in the fragment. */
export function shareLink(origin: string, boardId: string, token: string, view: 'canvas' | 'table' = 'canvas'): string {
  const path = `/b/${encodeURIComponent(boardId)}${view === 'table' ? '/table' : ''}`;
  return `${origin}${path}#token=${encodeURIComponent(token)}`;
}
