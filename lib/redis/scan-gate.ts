// At most N holders at once; the rest wait in line for a bounded time, then are told to come
// back later. The key browser holds one slot per listing request, per instance, so however many
// tabs page at once, Redis sees at most N SCAN loops from it.

/** Hands the slot to the next in line; calling it twice does nothing. */
export type Release = () => void;

/** Why no slot was given, and when trying again makes sense. */
export interface GateRefusal {
  retryAfterMs: number;
}

interface Waiter {
  grant: (release: Release) => void;
  timer: NodeJS.Timeout;
}

export class ConcurrencyGate {
  private active = 0;
  private readonly line: Waiter[] = [];

  constructor(
    private readonly slots: number,
    /** How long one request may wait in line before it is refused. */
    private readonly maxWaitMs: number,
    /** Past this many waiting, a request is refused at once: a long line only adds latency. */
    private readonly maxWaiting: number,
  ) {}

  /** A release function once a slot is free, or a refusal after maxWaitMs (or a full line). */
  acquire(): Promise<Release | GateRefusal> {
    if (this.active < this.slots) {
      this.active += 1;
      return Promise.resolve(this.releaser());
    }
    if (this.line.length >= this.maxWaiting) return Promise.resolve({ retryAfterMs: this.maxWaitMs });
    return new Promise((resolve) => {
      const waiter: Waiter = {
        grant: resolve,
        timer: setTimeout(() => {
          this.line.splice(this.line.indexOf(waiter), 1);
          resolve({ retryAfterMs: this.maxWaitMs });
        }, this.maxWaitMs),
      };
      this.line.push(waiter);
    });
  }

  /** Slots in use and requests in line, for tests and diagnostics. */
  get load(): { active: number; waiting: number } {
    return { active: this.active, waiting: this.line.length };
  }

  private releaser(): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = this.line.shift();
      if (!next) {
        this.active -= 1;
        return;
      }
      // The slot passes straight to the next in line: `active` stays as it is.
      clearTimeout(next.timer);
      next.grant(this.releaser());
    };
  }
}

export const isRefusal = (value: Release | GateRefusal): value is GateRefusal => typeof value !== 'function';
