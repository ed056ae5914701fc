/**
 * What the server tells the page at run time (README "The tldraw licence
 * key"): it writes a JSON object into `<meta name="samtavla-config">` of
 * every page it serves (server/http/page.ts), so an operator changes the
 * tldraw licence key in the server's environment without a rebuild.
 */
import { isLoopbackHost } from '../../shared/loopback.ts';

export interface RuntimeConfig {
  tldrawLicenseKey?: string;
}

let cached: RuntimeConfig | undefined;

export function runtimeConfig(): RuntimeConfig {
  if (cached) return cached;
  cached = {};
  const content = document.querySelector<HTMLMetaElement>('meta[name="samtavla-config"]')?.content;
  try {
    const parsed: unknown = content ? JSON.parse(content) : {};
    const key = (parsed as { tldrawLicenseKey?: unknown }).tldrawLicenseKey;
    if (typeof key === 'string' && key) cached.tldrawLicenseKey = key;
  } catch {
    // A page not served by our server (vite dev) has no config: the build-time key applies.
  }
  return cached;
}

/** The key tldraw gets: the server's, else one built in (VITE_TLDRAW_LICENSE_KEY), else none. */
export function tldrawLicenseKey(): string | undefined {
  return runtimeConfig().tldrawLicenseKey || import.meta.env.VITE_TLDRAW_LICENSE_KEY || undefined;
}

/**
 * tldraw's own rule (LicenseManager.getIsDevelopment in a production build):
 * plain http, or https on a loopback host, runs without a key; anything else
 * is production, where tldraw hides its editor after five seconds without one.
 */
export function isTldrawProductionHost(location: Pick<Location, 'protocol' | 'hostname'>): boolean {
  return location.protocol === 'https:' && !isLoopbackHost(location.hostname);
}

/** False where tldraw would hide the canvas for want of a key: the board then opens as a table. */
export function canvasAvailable(location: Pick<Location, 'protocol' | 'hostname'> = window.location): boolean {
  return tldrawLicenseKey() !== undefined || !isTldrawProductionHost(location);
}
