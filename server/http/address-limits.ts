/**
 * Per-key limits with bounded memory, and the server's set of them (README
 * "Limits"). Keys are client addresses (see client-address.ts `addressKey`) or
 * board ids.
 *
 * - `KeyedBuckets`: a token bucket per key (`burst` at once, refilled at
 *   `perMinute`). A key whose bucket has refilled is forgotten; past `maxKeys`
 *   the least recently used key is dropped (it starts over with a full bucket,
 *   which errs towards letting a client through, never towards refusing one).
 * - `ConcurrencyCounts`: how many things (open WebSockets) each key holds now;
 *   memory is bounded by what is open, a key at zero is forgotten.
 *
 * The failed-token hook, used by the token checks of REST (auth/board-access.ts)
 * and the WebSocket upgrade (sync/ws-endpoint.ts):
 *
 *   const wait = limits.failedAuth.blocked(address); // seconds to wait, 0 when allowed
 *   if (wait > 0) → answer 429 { error } with Retry-After: wait, before checking the token
 *   if (token is wrong) limits.failedAuth.note(address); → then 401/403 as usual
 *
 * `address` is the client address (`c.get('address')` in Hono routes, the
 * `address` the WebSocket endpoint works out for an upgrade).
 */

import { addressKey } from './client-address.ts';

/** Past this many keys, the least recently used key of a limit is forgotten. */
export const MAX_TRACKED_KEYS = 10_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class KeyedBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly burst: number;
  private readonly perMs: number;
  private readonly maxKeys: number;
  private readonly now: () => number;

  constructor(burst: number, perMinute: number, maxKeys = MAX_TRACKED_KEYS, now: () => number = Date.now) {
    this.burst = burst;
    this.perMs = perMinute / 60_000;
    this.maxKeys = maxKeys;
    this.now = now;
  }

  /** Takes one token for `key`: 0 when taken, else the seconds until one is there (nothing taken). */
  take(key: string): number {
    const bucket = this.refilled(key);
    if (bucket.tokens < 1) return this.waitSeconds(bucket);
    bucket.tokens -= 1;
    this.remember(key, bucket);
    return 0;
  }

  /** Like `take` without taking: the seconds until `key` may act again, 0 when it may now. */
  wait(key: string): number {
    const bucket = this.refilled(key);
    return bucket.tokens < 1 ? this.waitSeconds(bucket) : 0;
  }

  get size(): number {
    return this.buckets.size;
  }

  private refilled(key: string): Bucket {
    const now = this.now();
    const bucket = this.buckets.get(key);
    if (!bucket) return { tokens: this.burst, at: now };
    const tokens = Math.min(this.burst, bucket.tokens + (now - bucket.at) * this.perMs);
    if (tokens >= this.burst) this.buckets.delete(key);
    return { tokens, at: now };
  }

  private waitSeconds(bucket: Bucket): number {
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.perMs / 1000));
  }

  private remember(key: string, bucket: Bucket): void {
    // Delete first so the key moves to the end: the Map's order is least recently used first.
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) {
      const oldest = this.buckets.keys().next().value as string;
      this.buckets.delete(oldest);
    }
  }
}

export class ConcurrencyCounts {
  private readonly counts = new Map<string, number>();
  private readonly limit: number;

  constructor(limit: number) {
    this.limit = limit;
  }

  /** Counts one more for `key`; false (and nothing counted) when it already holds `limit`. */
  acquire(key: string): boolean {
    const held = this.counts.get(key) ?? 0;
    if (held >= this.limit) return false;
    this.counts.set(key, held + 1);
    return true;
  }

  release(key: string): void {
    const held = (this.counts.get(key) ?? 0) - 1;
    if (held > 0) this.counts.set(key, held);
    else this.counts.delete(key);
  }

  held(key: string): number {
    return this.counts.get(key) ?? 0;
  }
}

/** The numbers (README "Configuration"); tests and the bench pass their own. */
export interface AddressLimitSettings {
  /** Boards created (form, API or plan import) per address and minute; also the burst. */
  boardCreationsPerMinute: number;
  /** Failed token checks per address and minute before that address must wait. */
  failedAuthPerMinute: number;
  /** Open WebSockets from one address, over all boards. */
  wsPerAddress: number;
  /** Open WebSockets to one board, from everyone. */
  wsPerBoard: number;
}

export const DEFAULT_ADDRESS_LIMITS: AddressLimitSettings = {
  boardCreationsPerMinute: 30,
  failedAuthPerMinute: 20,
  wsPerAddress: 500,
  wsPerBoard: 500,
};

export interface FailedAuth {
  /** Counts a failed token check from `address`. */
  note(address: string): void;
  /** Seconds `address` must wait before its next token check; 0 when it may check now. */
  blocked(address: string): number;
}

export interface AddressLimits {
  readonly settings: AddressLimitSettings;
  /** Board creation and plan import share this budget (both create boards). */
  boardCreation: KeyedBuckets;
  failedAuth: FailedAuth;
  wsPerAddress: ConcurrencyCounts;
  wsPerBoard: ConcurrencyCounts;
}

export function createAddressLimits(settings: AddressLimitSettings, now: () => number = Date.now): AddressLimits {
  const failures = new KeyedBuckets(settings.failedAuthPerMinute, settings.failedAuthPerMinute, MAX_TRACKED_KEYS, now);
  return {
    settings,
    boardCreation: new KeyedBuckets(
      settings.boardCreationsPerMinute,
      settings.boardCreationsPerMinute,
      MAX_TRACKED_KEYS,
      now,
    ),
    failedAuth: {
      note: (address) => void failures.take(addressKey(address)),
      blocked: (address) => failures.wait(addressKey(address)),
    },
    wsPerAddress: new ConcurrencyCounts(settings.wsPerAddress),
    wsPerBoard: new ConcurrencyCounts(settings.wsPerBoard),
  };
}
