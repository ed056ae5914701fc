/**
 * Limits of the Node HTTP server itself (README "Limits"): how long a client
 * may take to send a request's headers and its whole body, how long an idle
 * keep-alive connection stays, and how many sockets are open at once.
 */
import { readFileSync } from 'node:fs';
import type { Server, ServerOptions } from 'node:http';

export interface HttpLimits {
  /** A request whose headers are not complete by then is answered 408 and closed. */
  headersTimeoutMs: number;
  /** A request (headers and body) not received completely by then is answered 408 and closed. */
  requestTimeoutMs: number;
  /** An idle keep-alive connection is closed after this. */
  keepAliveTimeoutMs: number;
  /** Sockets (HTTP and WebSocket) open at once; past it a new socket is closed at once. */
  maxConnections: number;
}

/** File descriptors kept free for what is not a client socket: SQLite (db, WAL, shm), workers, stdio, logs. */
export const DESCRIPTOR_RESERVE = 128;

/** The process's soft limit on open files (Linux /proc), or undefined where it cannot be read. */
export function openFileLimit(): number | undefined {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8')
      .split('\n')
      .find((row) => row.startsWith('Max open files'));
    const soft = line?.split(/\s{2,}/)[1];
    const value = Number(soft);
    return Number.isInteger(value) && value > 0 ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Sockets the server accepts at once: the descriptor limit minus a reserve, so
 * that past it a new socket is closed at once instead of `accept` failing with
 * EMFILE (Node then retries for seconds and nothing, not even /api/health,
 * is answered) and SQLite still finds a descriptor when it needs one.
 * "unlimited" or an unreadable limit: 16,384.
 */
export function defaultMaxConnections(limit = openFileLimit()): number {
  if (limit === undefined || limit > 1_048_576) return 16_384;
  return Math.max(16, limit - DESCRIPTOR_RESERVE);
}

export const DEFAULT_HTTP_LIMITS: Omit<HttpLimits, 'maxConnections'> = {
  headersTimeoutMs: 10_000,
  // A 10 MB import needs about 1.4 Mbit/s to arrive in time.
  requestTimeoutMs: 120_000,
  keepAliveTimeoutMs: 5_000,
};

/**
 * Options for http.createServer. Node checks the header and request timeouts
 * only every `connectionsCheckingInterval` (30 s by default), which is why a
 * half-open request used to be held for about 80 s: check often enough that
 * the configured bound holds within a quarter of it (the check is cheap).
 */
export function httpServerOptions(limits: HttpLimits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(25, Math.min(1_000, Math.floor(limits.headersTimeoutMs / 4))),
  };
}

/** What createServer's options cannot set. */
export function applyConnectionCap(server: Server, limits: HttpLimits): void {
  server.maxConnections = limits.maxConnections;
}
