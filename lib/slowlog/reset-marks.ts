// Whether Redlens reset an instance's slow log since the sampler last looked, so emptied entries
// are not reported as a reset by someone else. archiveAndReset (live.ts) writes its row in
// slowlog_resets before it sends SLOWLOG RESET, so a sample that sees the emptied log also sees
// a changed mark. Read from the store, not from memory: route handlers and the sampler may run
// in different bundles of one process.
import type { Store } from '@/lib/store/sqlite';

export class SlowlogResetMarks {
  private readonly latest;

  constructor(db: Store) {
    this.latest = db.prepare('SELECT max(at) FROM slowlog_resets WHERE instance = ?').pluck();
  }

  /** Changes whenever Redlens starts a reset of this instance; null before any. */
  mark(instance: string): number | null {
    return (this.latest.get(instance) as number | null) ?? null;
  }
}
