/**
 * Loopback host names, as tldraw tells development from production: the
 * page decides where the canvas needs a licence key by it, the server when
 * to warn that none is set (README "The tldraw licence key").
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127(?:\.\d{1,3}){3}$/.test(host);
}
