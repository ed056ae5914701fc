/**
 * The first middleware of every request: works out the client address (for
 * per-address limits and the log) and writes one log line when the answer is
 * ready: method, path without its query string, status, duration, address and
 * the board id when the path names one. Never the query or any header (a
 * token travels in `?token=` or `Authorization`).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Logger } from '../log/logger.ts';
import { clientAddress } from './client-address.ts';

/** What the app's handlers may read from the context (`c.get('address')`). */
export interface AppEnv {
  Bindings: { incoming?: { socket?: { remoteAddress?: string } } };
  Variables: { address: string };
}

/** A board id in an API path, e.g. /api/boards/<id>/export (never the string "import"). */
const BOARD_IN_PATH = /^\/api\/boards\/([A-Za-z0-9_-]{22})(?:\/|$)/;

export function boardInPath(path: string): string | undefined {
  return BOARD_IN_PATH.exec(path)?.[1];
}

export function requestContext(log: Logger, trustedProxies: number): MiddlewareHandler<AppEnv> {
  return async (c: Context<AppEnv>, next) => {
    const started = performance.now();
    const address = clientAddress(
      c.env?.incoming?.socket?.remoteAddress,
      c.req.header('x-forwarded-for'),
      trustedProxies,
    );
    c.set('address', address);
    await next();
    // Cut: a path is client input, and one line must not grow with it.
    const path = c.req.path.slice(0, 300);
    log.info(
      {
        event: 'http.request',
        method: c.req.method,
        path,
        status: c.res.status,
        ms: Math.round((performance.now() - started) * 10) / 10,
        address,
        board: boardInPath(path),
      },
      `${c.req.method} ${path} ${c.res.status}`,
    );
  };
}
