/** A pasted share link (`<origin>/b/<id>#token=…`) read into a board id and its token; null when it is not one. */
import { tokenFromHash } from '../access/url-token.ts';

export function boardFromLink(link: string): { id: string; token: string } | null {
  let url: URL;
  try {
    url = new URL(link.trim(), window.location.origin);
  } catch {
    return null;
  }
  const id = /^\/b\/([^/]+)/.exec(url.pathname)?.[1];
  const found = tokenFromHash(url.hash);
  if (!id || found.kind !== 'token') return null;
  return { id: decodeURIComponent(id), token: found.token };
}
