// What the sampler's prune tick deletes, oldest first and in chunks: history past each
// resolution's retention, closed findings, events and finished jobs past the hour rollups' retention (the newest jobs of each
// kind kept), the slow log archive and the audit log by age and size (config.retention), and the archive rows still to backfill (migration 6).
import type { Retention } from '@/lib/config/schema';
import type { EventsStore } from '@/lib/events/events-store';
import type { FindingsStore } from '@/lib/health/findings-store';
import type { HistoryStore } from '@/lib/history/history-store';
import { jobsRetention } from '@/lib/jobs/retention';
import type { SlowlogArchive } from '@/lib/slowlog/archive';
import { auditRetention, StoreRetention } from '@/lib/store/retention';
import type { Store } from '@/lib/store/sqlite';

const DAY = 86_400_000;

export function storeRetention(db: Store, stores: { history: HistoryStore; findings: FindingsStore; events: EventsStore; slowlog: SlowlogArchive }, retention: Retention): StoreRetention {
  return new StoreRetention([
    { name: 'history', pruneSome: (now, maxRows) => stores.history.pruneSome(now, maxRows) },
    { name: 'findings', pruneSome: (now, maxRows) => stores.findings.pruneSome(now - retention.hourDays * DAY, maxRows) },
    // Events are kept as long as the findings they explain.
    { name: 'events', pruneSome: (now, maxRows) => stores.events.pruneSome(now - retention.hourDays * DAY, maxRows) },
    // Finished jobs (analysis runs and their results) as long as the findings and events.
    jobsRetention(db, retention),
    { name: 'slowlog', pruneSome: (now, maxRows) => stores.slowlog.pruneSome(now, retention, maxRows) },
    // Not a deletion, but the same kind of chunked work: fill in what older rows lack.
    { name: 'slowlog-backfill', pruneSome: (_now, maxRows) => stores.slowlog.backfillSome(maxRows) },
    auditRetention(db, retention),
  ]);
}
