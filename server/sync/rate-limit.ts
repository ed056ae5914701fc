/** A token bucket: `capacity` tokens (messages, bytes) at once, refilled at `perSecond`. Pure; the clock is injectable. */
export class TokenBucket {
  private tokens: number;
  private last: number;

  private readonly capacity: number;
  private readonly perMs: number;
  private readonly now: () => number;

  constructor(capacity: number, perSecond: number, now: () => number = performance.now.bind(performance)) {
    this.capacity = capacity;
    this.perMs = perSecond / 1000;
    this.now = now;
    this.tokens = capacity;
    this.last = now();
  }

  /** Takes one token; false when the bucket is empty. */
  take(): boolean {
    if (this.level() < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** The tokens there are now (negative after an overdraft). */
  level(): number {
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    return this.tokens;
  }

  /** Spends `amount` tokens, going below zero if need be: what is owed is refilled before anything else. */
  spend(amount: number): void {
    this.level();
    this.tokens -= amount;
  }

  /** Milliseconds until the bucket holds a positive amount again (0 when it does). */
  msUntilPositive(): number {
    const level = this.level();
    return level > 0 ? 0 : -level / this.perMs;
  }
}
