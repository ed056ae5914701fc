/** Hono middleware: one token of a per-address budget per request, else `429 { error }` with Retry-After. */
import type { MiddlewareHandler } from 'hono';
import type { KeyedBuckets } from './address-limits.ts';
import { addressKey } from './client-address.ts';
import type { AppEnv } from './request-context.ts';

/** `what` completes "too many … from this address". */
export function rateLimited(buckets: KeyedBuckets, what: string): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const wait = buckets.take(addressKey(c.get('address')));
    if (wait > 0) {
      return c.json({ error: `too many ${what} from this address; try again in ${wait} s` }, 429, {
        'Retry-After': String(wait),
      });
    }
    await next();
  };
}
