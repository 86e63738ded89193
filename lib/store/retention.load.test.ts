// Retention of the slow log archive and the audit log on a real store: by age, by size, and a
// million rows pruned in chunks without holding the event loop 50 ms.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_RETENTION } from '@/lib/config/schema';
import { EventsStore } from '@/lib/events/events-store';
import { FindingsStore } from '@/lib/health/findings-store';
import { HistoryStore } from '@/lib/history/history-store';
import type { SlowlogEntry } from '@/lib/redis/parse/parse-slowlog';
import { storeRetention } from '@/lib/sampler/retention-tasks';
import { SlowlogArchive } from '@/lib/slowlog/archive';
import { tableUsage } from './retention';
import { openStore } from './sqlite';
import { maxBlockDuring } from '@/test/event-loop';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 5, 1);
const RUN = 'f'.repeat(40);

function fresh(retention = DEFAULT_RETENTION) {
  const db = openStore(mkdtempSync(path.join(tmpdir(), 'redlens-retention-')));
  const history = new HistoryStore(db, retention);
  const findings = new FindingsStore(db);
  const slowlog = new SlowlogArchive(db);
  return { db, slowlog, retention: storeRetention(db, { history, findings, events: new EventsStore(db), slowlog }, retention) };
}

const entry = (id: number, timestampMs: number): SlowlogEntry => ({
  id, timestamp: Math.floor(timestampMs / 1000), durationMicros: 1000 + id, args: ['GET', `user:${id}:name`], client: '10.0.0.1:5000', clientName: 'app',
});

function audit(db: ReturnType<typeof openStore>, at: number, count = 1) {
  const insert = db.prepare("INSERT INTO audit (at, actor, role, address, instance, action, target, outcome, detail) VALUES (?, 'admin', 'admin', '127.0.0.1', 'a', 'key.delete', ?, 'ok', ?)");
  db.transaction(() => {
    for (let i = 0; i < count; i++) insert.run(at + i, `key:${i}`, 'x'.repeat(200));
  })();
}

const count = (db: ReturnType<typeof openStore>, sql: string) => db.prepare(sql).pluck().get() as number;

describe('store retention', () => {
  it('drops archive entries, their rollups and gaps older than slowlogDays, and audit rows older than auditDays; newer ones stay', async () => {
    const { db, slowlog, retention } = fresh();
    slowlog.write('a', RUN, [entry(1, NOW - 100 * DAY), entry(2, NOW - 91 * DAY)], null, NOW - 91 * DAY);
    slowlog.write('a', RUN, [entry(10, NOW - 89 * DAY), entry(11, NOW - DAY)], 2, NOW - 89 * DAY); // a gap of 7, recorded 89 days ago
    audit(db, NOW - 400 * DAY, 3);
    audit(db, NOW - 10 * DAY, 2);
    const deleted = await retention.run(NOW);
    expect(deleted).toMatchObject({ slowlog: expect.any(Number), audit: 3 });
    expect(db.prepare("SELECT id FROM slowlog_archive WHERE instance = 'a' ORDER BY id").pluck().all()).toEqual([10, 11]);
    expect(count(db, 'SELECT sum(count) FROM slowlog_rollup_1m')).toBe(2);
    expect(count(db, 'SELECT sum(count) FROM slowlog_rollup_1h')).toBe(2);
    expect(count(db, 'SELECT count(*) FROM slowlog_gaps')).toBe(1);
    expect(count(db, 'SELECT count(*) FROM audit')).toBe(2);
    expect(tableUsage(db, 'slowlog_archive').rows).toBe(2);
    expect(tableUsage(db, 'audit').rows).toBe(2);
  });

  it('keeps the archive and the audit log under their size caps, dropping the oldest first', async () => {
    const { db, slowlog, retention } = fresh({ ...DEFAULT_RETENTION, slowlogMaxMiB: 1, auditMaxMiB: 1 });
    const entries = Array.from({ length: 20_000 }, (_, i) => entry(i, NOW - DAY + i * 1000));
    for (let i = 0; i < entries.length; i += 2000) slowlog.write('a', RUN, entries.slice(i, i + 2000), null, NOW);
    audit(db, NOW - DAY, 8000);
    expect(tableUsage(db, 'slowlog_archive').bytes).toBeGreaterThan(2 * 1024 * 1024);
    expect(tableUsage(db, 'audit').bytes).toBeGreaterThan(2 * 1024 * 1024);
    await retention.run(NOW);
    const archive = tableUsage(db, 'slowlog_archive');
    expect(archive.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(archive.bytes).toBeGreaterThan(0.9 * 1024 * 1024);
    // The newest stay: the ids kept are the highest ones, without a hole.
    const ids = db.prepare('SELECT min(id) AS low, max(id) AS high, count(*) AS n FROM slowlog_archive').get() as { low: number; high: number; n: number };
    expect(ids.high).toBe(19_999);
    expect(ids.high - ids.low + 1).toBe(ids.n);
    expect(count(db, 'SELECT sum(count) FROM slowlog_rollup_1m')).toBeLessThanOrEqual(ids.n + 60); // the boundary minute at most
    const auditUsage = tableUsage(db, 'audit');
    expect(auditUsage.bytes).toBeLessThanOrEqual(1024 * 1024);
    expect(count(db, 'SELECT max(at) FROM audit')).toBe(NOW - DAY + 7999);
  });

  it("estimates a table's bytes within 20 % of what dbstat measures", () => {
    const { db, slowlog } = fresh();
    const entries = Array.from({ length: 20_000 }, (_, i) => entry(i, NOW - DAY + i * 1000));
    for (let i = 0; i < entries.length; i += 2000) slowlog.write('a', RUN, entries.slice(i, i + 2000), null, NOW);
    const measured = count(db, "SELECT sum(pgsize) FROM dbstat WHERE name IN ('slowlog_archive', 'slowlog_archive_ts')");
    const estimated = tableUsage(db, 'slowlog_archive').bytes;
    expect(Math.abs(estimated - measured) / measured).toBeLessThan(0.2);
  });

  it('fills in the command line, fingerprint and rollups of entries archived before migration 6', async () => {
    const { db, slowlog, retention } = fresh();
    db.prepare(
      `INSERT INTO slowlog_archive (instance, run_id, id, ts, duration_us, args, client, client_name) VALUES ('a', '${RUN}', 5, ?, 700, '["GET","user:5"]', '10.0.0.1:1', '')`,
    ).run(Math.floor((NOW - DAY) / 1000));
    expect((await slowlog.query('a', { q: 'GET user:5', limit: 10 }, NOW)).entries).toHaveLength(0); // args are JSON until filled in
    await retention.run(NOW);
    expect((await slowlog.query('a', { q: 'GET user:5', limit: 10 }, NOW)).entries).toHaveLength(1);
    expect(db.prepare('SELECT line, fingerprint FROM slowlog_archive').get()).toEqual({ line: 'GET user:5', fingerprint: 'GET user:{id}' });
    expect(count(db, "SELECT sum(count) FROM slowlog_rollup_1h WHERE fingerprint = 'GET user:{id}'")).toBe(1);
    const page = await slowlog.query('a', { from: NOW - 2 * DAY, to: NOW, limit: 10 }, NOW);
    expect(page.total).toBe(1);
  });

  it('prunes a million rows in chunks, never holding the event loop 50 ms', async () => {
    const { db, retention } = fresh();
    db.exec(`
      WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 999999)
      INSERT INTO slowlog_archive (instance, run_id, id, ts, duration_us, args, client, client_name, line, fingerprint)
      SELECT 'a', '${RUN}', i, ${(NOW - 200 * DAY) / 1000} + i * 8, 5000, json_array('GET', 'k:' || i), '10.0.0.1:1', '', 'GET k:' || i, 'GET k:{id}' FROM n;
      INSERT INTO slowlog_rollup_1m (instance, ts, fingerprint, count, total_us, max_us)
        SELECT instance, (ts - ts % 60) * 1000, fingerprint, count(*), sum(duration_us), max(duration_us) FROM slowlog_archive GROUP BY 1, 2, 3;
    `);
    // 1,000,000 entries every 8 s from 200 days ago: those of the last 90 days stay.
    const keep = count(db, `SELECT count(*) FROM slowlog_archive WHERE ts >= ${Math.floor((NOW - 90 * DAY) / 60_000) * 60}`);
    const { result: deleted, blockedMs: blocked } = await maxBlockDuring(() => retention.run(NOW));
    console.log(`[retention] deleted ${deleted.slowlog} rows; max event-loop block ${blocked.toFixed(1)} ms`);
    expect(count(db, 'SELECT count(*) FROM slowlog_archive')).toBe(keep);
    expect(deleted.slowlog).toBeGreaterThan(1_000_000 - keep);
    expect(blocked).toBeLessThan(50);
  }, 120_000);
});
