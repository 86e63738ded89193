// Pacing of Redlens's long walks over a keyspace (the analysis, the bulk delete; SPEC sections 10
// and 12): between batches a PING on the shared client measures the round trip other clients see
// right now, and while it is above PACE_ABOVE_MS the walk waits before its next batch, so
// production latency stays in the guide's target.
import 'server-only';
import type Redis from 'ioredis';

/** Above this PING round trip (ms) a walk waits before its next batch (SPEC section 10). */
export const PACE_ABOVE_MS = 2;
/**
 * The wait is the round trip times this, and at most PACE_MAX_WAIT_MS: while Redis is slow for
 * every client the walk keeps to a few percent of its time (one batch is a few ms of Redis).
 */
const PACE_FACTOR = 20;
const PACE_MAX_WAIT_MS = 500;
/**
 * The round trip judged is the fastest of the last few: a single PING is slow now and then for
 * reasons other clients do not share (it waits for this process's own parsing of a batch's
 * replies), while a Redis that is slow for everyone makes every PING slow. A walk on a quiet
 * Redis must not pace itself on its own noise.
 */
const PING_WINDOW = 3;

/** Resolves after `ms`, or at once when the signal aborts. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** One PING round trip on the shared client, ms: what other clients wait for Redis right now. */
export async function pingMs(shared: Redis): Promise<number> {
  const started = performance.now();
  await shared.ping();
  return performance.now() - started;
}

/** A walk's pacing: the PING round trips it measured, and whether it waits before its next batch. */
export class PingPacer {
  private readonly pings: number[] = [];
  /** The round trip judged (the fastest of the last PING_WINDOW), ms; null before the first PING. */
  roundTrip: number | null = null;
  /** Whether the last pace() found PING slow (and waited, when asked to). */
  paced = false;

  constructor(private readonly paceAboveMs = PACE_ABOVE_MS) {}

  /** One PING round trip measured beside a batch. */
  record(ping: number): void {
    this.pings.push(ping);
    if (this.pings.length > PING_WINDOW) this.pings.shift();
    this.roundTrip = Math.min(...this.pings);
  }

  /** Judges the round trip measured so far: whether the walk should wait before its next batch. */
  judge(): boolean {
    this.paced = this.roundTrip !== null && this.roundTrip > this.paceAboveMs;
    return this.paced;
  }

  /** The wait judge() asked for (none when it did not); a cancel ends it at once. */
  async wait(signal: AbortSignal): Promise<void> {
    if (this.paced && this.roundTrip !== null) await pause(Math.min(this.roundTrip * PACE_FACTOR, PACE_MAX_WAIT_MS), signal);
  }

  /** judge(), then wait() when `wait` (a next batch is coming). */
  async pace(signal: AbortSignal, wait = true): Promise<void> {
    this.judge();
    if (wait) await this.wait(signal);
  }
}
