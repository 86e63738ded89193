// A job's rate: units per second over the recent past (keys/s of a walk), from which its ETA.
// Pure; the clock is passed in so tests can drive it.

/** The rate is measured over about this much of the recent past. */
const RATE_WINDOW_MS = 5_000;

/** Units per second over the last RATE_WINDOW_MS. */
export class Rate {
  private readonly points: Array<{ at: number; done: number }> = [];

  constructor(private readonly now: () => number) {
    this.points.push({ at: now(), done: 0 });
  }

  /** The total done so far; answers the rate (null before any time has passed). */
  add(done: number): number | null {
    const at = this.now();
    this.points.push({ at, done });
    while (this.points.length > 2 && at - this.points[1]!.at >= RATE_WINDOW_MS) this.points.shift();
    const first = this.points[0]!;
    const seconds = (at - first.at) / 1000;
    return seconds > 0 ? (done - first.done) / seconds : null;
  }
}
