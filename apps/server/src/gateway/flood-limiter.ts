// A token bucket (per socket, per token, per team): a steady rate with a burst above it.
export class FloodLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token; false when the socket is sending faster than allowed. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whole seconds until the next message would be taken, for the refusal's wording. */
  secondsUntilNext(): number {
    return Math.max(1, Math.ceil((1 - this.tokens) / this.perSecond));
  }
}
