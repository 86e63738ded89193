// Five wrong passwords for one username from one address within a minute lock that pair out
// for the rest of the minute. A wider per-username cap bounds guessing from many addresses,
// because the client address comes from X-Forwarded-For, which a client can set.

export const MAX_FAILURES_PER_ADDRESS = 5;
export const MAX_FAILURES_PER_USERNAME = 20;
export const WINDOW_MS = 60_000;

interface Window {
  startedAt: number;
  failures: number;
}

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();

  constructor(private readonly now: () => number = Date.now) {}

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private windowKeys(username: string, address: string): Array<[string, number]> {
    return [
      [`pair\u0000${username}\u0000${address}`, MAX_FAILURES_PER_ADDRESS],
      [`user\u0000${username}`, MAX_FAILURES_PER_USERNAME],
    ];
  }

  /** Seconds until a try is allowed again, or 0 when it is allowed now. */
  retryAfterSeconds(username: string, address: string): number {
    let wait = 0;
    for (const [key, limit] of this.windowKeys(username, address)) {
      const window = this.current(key);
      if (window && window.failures >= limit) {
        wait = Math.max(wait, Math.ceil((window.startedAt + WINDOW_MS - this.now()) / 1000));
      }
    }
    return wait;
  }

  recordFailure(username: string, address: string): void {
    for (const [key] of this.windowKeys(username, address)) {
      const window = this.current(key);
      if (window) window.failures += 1;
      else this.windows.set(key, { startedAt: this.now(), failures: 1 });
    }
    this.prune();
  }

  private prune(): void {
    if (this.windows.size < 10_000) return;
    for (const key of [...this.windows.keys()]) this.current(key);
  }
}
