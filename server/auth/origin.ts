/**
 * The Origin check of WebSocket upgrades. Browsers always send `Origin` on a
 * WebSocket and let any page open one to any site, so without this check a
 * page elsewhere could open a board in a visitor's browser. A request without
 * `Origin` comes from a program (a script, a test), not from a cross-site page.
 */

/** Whether a page at `origin` may open a socket on the server reached as `host`. */
export function originAllowed(
  origin: string | undefined,
  host: string | undefined,
  allowed: readonly string[],
): boolean {
  if (origin === undefined) return true;
  if (allowed.includes(origin)) return true;
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false;
  }
  return (parsed.protocol === 'http:' || parsed.protocol === 'https:') && host !== undefined && parsed.host === host;
}

/** `ALLOWED_ORIGINS`: comma-separated origins such as `https://samtavla.example.se`. */
export function parseAllowedOrigins(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const url = new URL(entry);
      if (url.origin !== entry.replace(/\/$/, '')) throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin`);
      return url.origin;
    });
}
