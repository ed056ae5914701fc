/**
 * The web page (index.html of the built client) with this answer's CSP nonce
 * filled in. The page hands the nonce to tldraw (client/canvas/csp-nonce.ts),
 * which puts it on the <style> elements it renders, so the policy can allow
 * those and no other inline style element. The server's run-time settings for
 * the page (the tldraw licence key) go into a second meta element.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Handler } from 'hono';

/** The placeholders in client/index.html. */
export const NONCE_META = '<meta name="csp-nonce" content="" />';
export const CONFIG_META = '<meta name="samtavla-config" content="" />';

/** What the page learns at run time (client/app/runtime-config.ts). */
export interface PageConfig {
  tldrawLicenseKey?: string;
}

/** Text as an HTML attribute value in double quotes. */
const attribute = (text: string) =>
  text.replaceAll('&', '&amp;').replaceAll('"', '&quot;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');

export function pageHandler(staticDir: string, config: PageConfig = {}): Handler {
  const file = join(staticDir, 'index.html');
  const configMeta = `<meta name="samtavla-config" content="${attribute(JSON.stringify(config))}" />`;
  return async (c) => {
    // Read per answer (a few KB from the page cache): a rebuild is served without a restart.
    const html = await readFile(file, 'utf8');
    const nonce = c.get('secureHeadersNonce') ?? '';
    return c.html(
      html.replace(NONCE_META, `<meta name="csp-nonce" content="${nonce}" />`).replace(CONFIG_META, configMeta),
    );
  };
}
