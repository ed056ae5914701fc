/** A token bucket: `capacity` messages at once, refilled at `perSecond`. Pure; the clock is injectable. */
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
    const now = this.now();
    this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
