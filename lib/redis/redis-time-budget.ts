// A duty cycle for the Redis time one kind of work may use on one instance: every call's round
// trip is charged to a token bucket that refills at `dutyCycle` ms per ms of wall time, and a
// caller waits while the bucket is in debt. SCAN with MATCH costs Redis time in proportion to
// COUNT x name length (about 10-20 µs per 4 KB name with Redis 7.0's glob), so the budget also
// keeps one call short: COUNT shrinks until a call takes about `targetCallMs`, and grows back
// while calls are cheap. A short call and a low duty cycle are what keep other clients' commands
// from queueing behind the key browser. The round trip over-estimates Redis' own time (network,
// our event loop), which errs on the side of Redis.

export interface RedisTimeBudgetOptions {
  /** Share of wall time the work may keep Redis busy, shared by all concurrent requests. */
  dutyCycle: number;
  /** Redis time that may be spent back to back after an idle spell. */
  burstMs: number;
  /** The longest one call should hold Redis. */
  targetCallMs: number;
  /** COUNT never grows beyond this. */
  maxCount: number;
  now?: () => number;
}

export class RedisTimeBudget {
  private credit: number;
  private refilledAt: number;
  private countCap: number;
  private readonly now: () => number;

  constructor(private readonly options: RedisTimeBudgetOptions) {
    this.now = options.now ?? (() => performance.now());
    this.credit = options.burstMs;
    this.refilledAt = this.now();
    this.countCap = options.maxCount;
  }

  /** How long to wait before the next call may start: 0 while there is credit. */
  waitMs(): number {
    this.refill();
    return this.credit >= 0 ? 0 : -this.credit / this.options.dutyCycle;
  }

  /**
   * Waits until a call may start. False, without waiting, when that would be after `deadline`
   * (a `now()` time): the caller answers with what it has instead.
   */
  async pace(deadline: number): Promise<boolean> {
    const wait = this.waitMs();
    if (wait === 0) return true;
    if (this.now() + wait > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, Math.ceil(wait)));
    return true;
  }

  /** The COUNT to send when `wanted` would be asked for. */
  count(wanted: number): number {
    return Math.max(1, Math.min(wanted, Math.floor(this.countCap)));
  }

  /** Charges a call that took `ms` at `count`, and fits COUNT to the target call time. */
  record(count: number, ms: number): void {
    this.charge(ms);
    const { targetCallMs, maxCount } = this.options;
    if (ms > targetCallMs) this.countCap = Math.max(1, (count * targetCallMs) / ms);
    // Grow only when the cap was what limited the call, and at most double per call.
    else if (count >= Math.floor(this.countCap)) this.countCap = Math.min(maxCount, this.countCap * Math.min(2, targetCallMs / Math.max(ms, targetCallMs / 2)));
  }

  /** Charges Redis time spent on anything else of this work (a page's TYPE / PTTL pipeline). */
  charge(ms: number): void {
    this.refill();
    this.credit -= ms;
  }

  private refill(): void {
    const now = this.now();
    this.credit = Math.min(this.options.burstMs, this.credit + (now - this.refilledAt) * this.options.dutyCycle);
    this.refilledAt = now;
  }
}
