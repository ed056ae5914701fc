/**
 * The Content-Security-Policy nonce of this page, which the server writes into
 * <meta name="csp-nonce"> (server/http/page.ts). tldraw puts it on the <style>
 * elements it renders; without it the policy blocks them. Empty under the Vite
 * dev server, which sends no policy.
 */
export function cspNonce(): string | undefined {
  return document.querySelector('meta[name="csp-nonce"]')?.getAttribute('content') || undefined;
}
