/**
 * Who is asking: the client address of a request, from the socket or, behind
 * a trusted reverse proxy (TRUST_PROXY), from `X-Forwarded-For`, and the key
 * that per-address limits count under.
 */
import { isIP } from 'node:net';

/** `::ffff:192.0.2.1` (an IPv4 client on a dual-stack socket) is 192.0.2.1. */
function plain(address: string): string {
  const trimmed = address.trim();
  return trimmed.toLowerCase().startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/**
 * The client address. `trustedProxies` is how many proxies in front of the
 * server append to `X-Forwarded-For` (0: the header is ignored, since any client
 * can send it). Each proxy appends the address it saw, so the client is the
 * entry the outermost trusted proxy appended, `trustedProxies` from the right;
 * entries left of it are whatever the client wrote. An entry that is not an IP
 * address falls back to the socket's address.
 */
export function clientAddress(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const fromSocket = plain(socketAddress ?? 'unknown');
  if (trustedProxies <= 0 || forwardedFor === undefined) return fromSocket;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor)
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return fromSocket;
  const entry = plain(entries[Math.max(0, entries.length - trustedProxies)] as string);
  return isIP(entry) ? entry : fromSocket;
}

/** The eight 16-bit groups of an IPv6 address (zone id dropped), or undefined if it is not one. */
function ipv6Groups(address: string): number[] | undefined {
  const bare = address.split('%')[0] as string;
  if (isIP(bare) !== 6 || bare.includes('.')) return undefined;
  const [head = '', tail] = bare.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const zeros = tail === undefined ? [] : new Array<string>(8 - left.length - right.length).fill('0');
  return [...left, ...zeros, ...right].map((group) => Number.parseInt(group, 16));
}

/**
 * What per-address limits count under: the address itself for IPv4, its /64
 * network for IPv6 (one subscriber usually holds a whole /64, so counting
 * single IPv6 addresses would give one client 2^64 budgets).
 */
export function addressKey(address: string): string {
  const groups = ipv6Groups(address);
  if (!groups) return address;
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
