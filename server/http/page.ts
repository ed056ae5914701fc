/**
 * The web page (index.html of the built client) with this answer's CSP nonce
 * filled in. The page hands the nonce to tldraw (client/canvas/csp-nonce.ts),
 * which puts it on the <style> elements it renders, so the policy can allow
 * those and no other inline style element.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handler } from 'hono';

/** The placeholder in client/index.html. */
export const NONCE_META = '<meta name="csp-nonce" content="" />';

export function pageHandler(staticDir: string): Handler {
  const file = join(staticDir, 'index.html');
  return async (c) => {
    // Read per answer (a few KB from the page cache): a rebuild is served without a restart.
    const html = await readFile(file, 'utf8');
    const nonce = c.get('secureHeadersNonce') ?? '';
    return c.html(html.replace(NONCE_META, `<meta name="csp-nonce" content="${nonce}" />`));
  };
}
