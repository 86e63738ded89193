// The jobs table's retention, a task of the sampler's prune tick (lib/sampler/retention-tasks.ts):
// finished jobs older than the hour rollups' retention go, oldest first, but the newest
// JOBS_KEPT_PER_KIND of each instance and kind stay whatever their age (the runs a page lists
// and compares).
import 'server-only';
import type { RetentionTask } from '@/lib/store/retention';
import type { Store } from '@/lib/store/sqlite';

export const JOBS_KEPT_PER_KIND = 50;

const DAY = 86_400_000;

export function jobsRetention(db: Store, retention: { hourDays: number }): RetentionTask {
  // The window runs over the whole table on each chunk: it holds a few rows a day per instance.
  const prune = db.prepare(
    `DELETE FROM jobs WHERE id IN (
       SELECT id FROM (
         SELECT id, status, finished_at,
                row_number() OVER (PARTITION BY instance, kind ORDER BY started_at DESC, id DESC) AS newest
         FROM jobs)
       WHERE newest > ? AND status <> 'running' AND finished_at < ?
       ORDER BY finished_at LIMIT ?)`,
  );
  return {
    name: 'jobs',
    pruneSome: (now, maxRows) => prune.run(JOBS_KEPT_PER_KIND, now - retention.hourDays * DAY, maxRows).changes,
  };
}
