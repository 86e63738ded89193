// The jobs table's retention on a real store: finished jobs past hourDays go, the newest 50 of
// each instance and kind stay whatever their age, running ones are never touched.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreRetention } from '@/lib/store/retention';
import { openStore, type Store } from '@/lib/store/sqlite';
import { JOBS_KEPT_PER_KIND, jobsRetention } from './retention';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);

function insertJobs(db: Store, instance: string, count: number, startedAt: (i: number) => number, status = 'done') {
  const insert = db.prepare(
    `INSERT INTO jobs (id, instance, kind, status, params, result, started_at, finished_at)
     VALUES (?, ?, 'analysis', ?, '{}', '{"big":true}', ?, ?)`,
  );
  db.transaction(() => {
    for (let i = 0; i < count; i += 1) {
      const at = startedAt(i);
      insert.run(`${instance}-${status}-${i}`, instance, status, at, status === 'running' ? null : at + 60_000);
    }
  })();
}

const ids = (db: Store, instance: string) =>
  db.prepare('SELECT id FROM jobs WHERE instance = ? ORDER BY started_at DESC').pluck().all(instance) as string[];

describe('jobs retention', () => {
  it('deletes finished jobs older than hourDays beyond the newest 50 of each instance and kind, in chunks', async () => {
    const db = openStore(mkdtempSync(path.join(tmpdir(), 'redlens-jobs-retention-')));
    const retention = { hourDays: 30 };
    // Instance a: 70 old jobs (100 days back, one a minute) and 5 recent ones.
    insertJobs(db, 'a', 70, (i) => NOW - 100 * DAY + i * 60_000);
    insertJobs(db, 'a', 5, (i) => NOW - DAY + i * 60_000, 'cancelled');
    // Instance b: 3 old jobs only, fewer than the kept newest.
    insertJobs(db, 'b', 3, (i) => NOW - 200 * DAY + i * 60_000, 'failed');
    // A row still running (never finished) is never pruned, however old.
    insertJobs(db, 'c', 1, () => NOW - 400 * DAY, 'running');

    const runner = new StoreRetention([jobsRetention(db, retention)]);
    const deleted = await runner.run(NOW);

    // a keeps its 50 newest: the 5 recent and the 45 newest old ones.
    expect(deleted.jobs).toBe(70 + 5 - JOBS_KEPT_PER_KIND);
    const keptA = ids(db, 'a');
    expect(keptA).toHaveLength(JOBS_KEPT_PER_KIND);
    expect(keptA.slice(0, 5)).toEqual(['a-cancelled-4', 'a-cancelled-3', 'a-cancelled-2', 'a-cancelled-1', 'a-cancelled-0']);
    expect(keptA.at(-1)).toBe('a-done-25');
    expect(ids(db, 'b')).toHaveLength(3);
    expect(ids(db, 'c')).toEqual(['c-running-0']);
  });

  it('keeps everything newer than hourDays, however many', async () => {
    const db = openStore(mkdtempSync(path.join(tmpdir(), 'redlens-jobs-retention-')));
    insertJobs(db, 'a', 120, (i) => NOW - 10 * DAY + i * 60_000);
    const task = jobsRetention(db, { hourDays: 30 });
    expect(task.pruneSome(NOW, 1000)).toBe(0);
    expect(ids(db, 'a')).toHaveLength(120);
    // Chunked: at most maxRows a call.
    expect(task.pruneSome(NOW + 60 * DAY, 7)).toBe(7);
    expect(ids(db, 'a')).toHaveLength(113);
  });
});
