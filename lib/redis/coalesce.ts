// Shares one in-flight call, and its result for a short while, among concurrent callers.

interface Entry {
  promise: Promise<unknown>;
  settledAt: number | null;
}

export class Coalescer {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Runs `load` unless a call for `key` is in flight or finished less than ttlMs ago,
   * in which case its promise is shared. Failures are shared while in flight only.
   */
  run<T>(key: string, load: () => Promise<T>): Promise<T> {
    const existing = this.entries.get(key);
    if (existing && (existing.settledAt === null || this.now() - existing.settledAt < this.ttlMs)) {
      return existing.promise as Promise<T>;
    }
    const entry: Entry = { promise: Promise.resolve(), settledAt: null };
    entry.promise = load().then(
      (value) => {
        entry.settledAt = this.now();
        return value;
      },
      (error: unknown) => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
        throw error;
      },
    );
    this.entries.set(key, entry);
    return entry.promise as Promise<T>;
  }
}
