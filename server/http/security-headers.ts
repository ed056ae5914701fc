/**
 * Headers on every answer (README "Security headers"): a Content-Security-Policy
 * that keeps every request of the page on its own origin, no framing, no
 * sniffing, no referrer, and caching that fits each kind of answer.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { NONCE, secureHeaders } from 'hono/secure-headers';

/** A Host header as browsers send it (name or [IPv6], optional port); anything else is left out of the CSP. */
const PLAIN_HOST = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The WebSocket origins of the page: ws: and wss: of the host it was loaded
 * from. CSP 3 lets 'self' cover them, but not every browser does, and behind
 * a TLS proxy the page is https while the server sees http, so both schemes.
 */
function websocketSources(c: Context): string {
  const host = c.req.header('host') ?? '';
  return PLAIN_HOST.test(host) ? `ws://${host} wss://${host}` : '';
}

/**
 * What the board page needs beyond 'self' (found by running it in Chromium and
 * listening for violations; test/e2e/security-headers.test.ts keeps it so):
 * - style-src 'nonce-…': tldraw renders <style> elements (its licence
 *   watermark, the fonts of an SVG/PNG export) and puts `options.nonce` on them;
 *   the page passes it this answer's nonce (server/http/page.ts). Its inline
 *   `style` attributes are set through the DOM (element.style), which CSP
 *   allows, so no 'unsafe-inline'.
 * - img-src data: blob: — tldraw's cursors and icons are data: URLs, exported
 *   and pasted images blob: URLs.
 * - connect-src ws:/wss: of the host (below), for the live sync.
 * Fonts, scripts and tldraw's assets are all served from the origin itself.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", NONCE],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'", websocketSources],
  frameAncestors: ["'none'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

export const securityHeaders: MiddlewareHandler = secureHeaders({
  contentSecurityPolicy: CONTENT_SECURITY_POLICY,
  referrerPolicy: 'no-referrer',
  crossOriginOpenerPolicy: 'same-origin',
  crossOriginResourcePolicy: 'same-origin',
  xFrameOptions: 'DENY',
  // HSTS belongs to the TLS-terminating proxy; on plain http browsers ignore it anyway.
  strictTransportSecurity: false,
  permissionsPolicy: {
    camera: [],
    microphone: [],
    geolocation: [],
    payment: [],
    usb: [],
    serial: [],
    bluetooth: [],
    midi: [],
    magnetometer: [],
    gyroscope: [],
    accelerometer: [],
    displayCapture: [],
    browsingTopics: [],
  },
});

/** Hashed build output (dist/assets/*): its name changes with its content, so it may be kept for good. */
const HASHED_ASSET = /^\/assets\//;

/**
 * Cache-Control: no-store for the API (board data must not linger in caches),
 * a year and immutable for hashed assets, no-cache (revalidate every time)
 * for the page and everything else, so a deploy is picked up at once.
 */
export const cacheControl: MiddlewareHandler = async (c, next) => {
  await next();
  const path = c.req.path;
  let value = 'no-cache';
  if (path === '/api' || path.startsWith('/api/')) value = 'no-store';
  else if (HASHED_ASSET.test(path) && c.res.status === 200) value = 'public, max-age=31536000, immutable';
  c.res.headers.set('Cache-Control', value);
};
