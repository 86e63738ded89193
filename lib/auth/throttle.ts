// Sign-in throttling an outsider cannot turn against the admin.
// - Per address first: five wrong passwords for one username from one address within a minute
//   lock that pair out for the rest of the minute (SPEC section 5); twenty for any usernames
//   from one address do the same for the address.
// - Per username, guesses from many addresses are slowed, not locked: past a few failures each
//   further try waits twice as long as the last (capped), so a flood from rotating addresses
//   costs the attacker time without locking the real user out.
// - An address the user signed in from before skips the per-username slow-down: failures from
//   elsewhere cannot stop the admin at their usual desk.
// The address is the peer's (lib/auth/request-origin.ts), which a client cannot choose.

export const WINDOW_MS = 60_000;
export const MAX_FAILURES_PER_PAIR = 5;
export const MAX_FAILURES_PER_ADDRESS = 20;
/** Failures of one username (from anywhere) before each try is slowed. */
export const USERNAME_FREE_FAILURES = 10;
export const USERNAME_BACKOFF_BASE_MS = 1_000;
export const USERNAME_BACKOFF_CAP_MS = 30_000;
/** A username's failure count is forgotten after this long without a failure. */
export const USERNAME_FORGET_MS = 15 * 60_000;
/** Addresses remembered per user as "signed in from here before" (most recent kept). */
export const KNOWN_ADDRESSES_PER_USER = 16;
/** Bound on the counters held in memory, whatever an attacker sends. */
export const MAX_TRACKED = 50_000;

interface Window {
  startedAt: number;
  failures: number;
}

interface UsernameFailures {
  failures: number;
  lastFailureAt: number;
}

export type ThrottleVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number; reason: 'address' | 'username' };

export class LoginThrottle {
  private readonly windows = new Map<string, Window>();
  private readonly usernames = new Map<string, UsernameFailures>();
  private readonly knownAddresses = new Map<string, string[]>();

  constructor(private readonly now: () => number = Date.now) {}

  private current(key: string): Window | undefined {
    const window = this.windows.get(key);
    if (window && this.now() - window.startedAt >= WINDOW_MS) {
      this.windows.delete(key);
      return undefined;
    }
    return window;
  }

  private addressWindows(username: string, address: string): Array<[string, number]> {
    return [
      [`pair\u0000${username}\u0000${address}`, MAX_FAILURES_PER_PAIR],
      [`addr\u0000${address}`, MAX_FAILURES_PER_ADDRESS],
    ];
  }

  private usernameWaitMs(username: string): number {
    const record = this.usernames.get(username);
    if (!record) return 0;
    if (this.now() - record.lastFailureAt >= USERNAME_FORGET_MS) {
      this.usernames.delete(username);
      return 0;
    }
    if (record.failures < USERNAME_FREE_FAILURES) return 0;
    const delay = Math.min(USERNAME_BACKOFF_BASE_MS * 2 ** (record.failures - USERNAME_FREE_FAILURES), USERNAME_BACKOFF_CAP_MS);
    return Math.max(0, record.lastFailureAt + delay - this.now());
  }

  /** True when `username` signed in successfully from `address` before (since this process started). */
  isKnownAddress(username: string, address: string): boolean {
    return this.knownAddresses.get(username)?.includes(address) ?? false;
  }

  /** Whether a try may check the password now, and if not, for how long to wait. */
  check(username: string, address: string): ThrottleVerdict {
    let wait = 0;
    for (const [key, limit] of this.addressWindows(username, address)) {
      const window = this.current(key);
      if (window && window.failures >= limit) wait = Math.max(wait, window.startedAt + WINDOW_MS - this.now());
    }
    if (wait > 0) return { allowed: false, retryAfterSeconds: Math.ceil(wait / 1000), reason: 'address' };
    if (this.isKnownAddress(username, address)) return { allowed: true };
    const slowed = this.usernameWaitMs(username);
    if (slowed > 0) return { allowed: false, retryAfterSeconds: Math.ceil(slowed / 1000), reason: 'username' };
    return { allowed: true };
  }

  /** Seconds until a try is allowed again, or 0 when it is allowed now. */
  retryAfterSeconds(username: string, address: string): number {
    const verdict = this.check(username, address);
    return verdict.allowed ? 0 : verdict.retryAfterSeconds;
  }

  recordFailure(username: string, address: string): void {
    for (const [key] of this.addressWindows(username, address)) {
      const window = this.current(key);
      if (window) window.failures += 1;
      else this.windows.set(key, { startedAt: this.now(), failures: 1 });
    }
    const record = this.usernames.get(username);
    if (record && this.now() - record.lastFailureAt < USERNAME_FORGET_MS) {
      record.failures += 1;
      record.lastFailureAt = this.now();
    } else {
      this.usernames.set(username, { failures: 1, lastFailureAt: this.now() });
    }
    this.prune();
  }

  recordSuccess(username: string, address: string): void {
    this.windows.delete(`pair\u0000${username}\u0000${address}`);
    const known = (this.knownAddresses.get(username) ?? []).filter((entry) => entry !== address);
    known.push(address);
    this.knownAddresses.set(username, known.slice(-KNOWN_ADDRESSES_PER_USER));
  }

  private prune(): void {
    if (this.windows.size + this.usernames.size < MAX_TRACKED) return;
    for (const key of [...this.windows.keys()]) this.current(key);
    for (const username of [...this.usernames.keys()]) this.usernameWaitMs(username);
    // Still full of live counters (a flood faster than they expire): drop the oldest, which
    // Map keeps first, down to half the bound so the next prune is far off (amortized O(1)).
    // An attacker gains nothing by it; the users' known addresses are kept apart.
    for (const map of [this.windows, this.usernames] as Array<Map<string, unknown>>) {
      const excess = map.size - MAX_TRACKED / 4;
      if (excess <= 0) continue;
      let dropped = 0;
      for (const key of map.keys()) {
        if (dropped++ >= excess) break;
        map.delete(key);
      }
    }
  }
}
