/** The per-key limits and the client address, with an injected clock. */
import { describe, expect, it } from 'vitest';
import { ConcurrencyCounts, createAddressLimits, KeyedBuckets } from '../../server/http/address-limits.ts';
import { addressKey, clientAddress } from '../../server/http/client-address.ts';

describe('KeyedBuckets', () => {
  it('lets a burst through, then one per refill interval, and says how long to wait', () => {
    let now = 0;
    const buckets = new KeyedBuckets(3, 6, 100, () => now); // 3 at once, then one per 10 s
    expect([buckets.take('a'), buckets.take('a'), buckets.take('a')]).toEqual([0, 0, 0]);
    expect(buckets.take('a')).toBe(10);
    expect(buckets.take('b')).toBe(0);
    now = 9_000;
    expect(buckets.take('a')).toBe(1);
    now = 10_000;
    expect(buckets.take('a')).toBe(0);
    expect(buckets.take('a')).toBe(10);
  });

  it('keeps at most maxKeys keys, forgetting the least recently used, and forgets a refilled key', () => {
    let now = 0;
    const buckets = new KeyedBuckets(1, 60, 3, () => now);
    for (const key of ['a', 'b', 'c', 'd']) buckets.take(key);
    expect(buckets.size).toBe(3);
    expect(buckets.take('a')).toBe(0); // forgotten, so a full bucket again
    expect(buckets.take('d')).toBe(1);
    now = 60_000;
    expect(buckets.wait('c')).toBe(0);
    expect(buckets.size).toBeLessThan(3);
  });
});

describe('ConcurrencyCounts', () => {
  it('holds at most the limit per key and forgets a key at zero', () => {
    const counts = new ConcurrencyCounts(2);
    expect([counts.acquire('x'), counts.acquire('x'), counts.acquire('x')]).toEqual([true, true, false]);
    counts.release('x');
    expect(counts.acquire('x')).toBe(true);
    counts.release('x');
    counts.release('x');
    expect(counts.held('x')).toBe(0);
  });
});

describe('failedAuth', () => {
  it('blocks an address after the allowed failures, one IPv6 /64 as one address', () => {
    let now = 0;
    const limits = createAddressLimits(
      { boardCreationsPerMinute: 1, failedAuthPerMinute: 2, wsPerAddress: 1, wsPerBoard: 1 },
      () => now,
    );
    expect(limits.failedAuth.blocked('2001:db8:1:2::1')).toBe(0);
    limits.failedAuth.note('2001:db8:1:2::1');
    limits.failedAuth.note('2001:db8:1:2:ffff::9');
    expect(limits.failedAuth.blocked('2001:db8:1:2::77')).toBe(30);
    expect(limits.failedAuth.blocked('2001:db8:1:3::1')).toBe(0);
    now = 30_000;
    expect(limits.failedAuth.blocked('2001:db8:1:2::1')).toBe(0);
  });
});

describe('clientAddress', () => {
  it('is the socket address unless proxies are trusted', () => {
    expect(clientAddress('::ffff:192.0.2.4', '198.51.100.1', 0)).toBe('192.0.2.4');
    expect(clientAddress('10.0.0.2', '203.0.113.9, 198.51.100.1', 1)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', '203.0.113.9, 198.51.100.1, 10.0.0.3', 2)).toBe('198.51.100.1');
    expect(clientAddress('10.0.0.2', 'not-an-address', 1)).toBe('10.0.0.2');
    expect(clientAddress('10.0.0.2', undefined, 1)).toBe('10.0.0.2');
  });

  it('keys IPv6 by its /64 and IPv4 by itself', () => {
    expect(addressKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
    expect(addressKey('2001:db8:0:0:1::')).toBe('2001:db8:0:0::/64');
    expect(addressKey('192.0.2.4')).toBe('192.0.2.4');
  });
});
