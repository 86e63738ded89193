// Reads one instance's week for the report from Redlens's own store (never from Redis, so a
// report answers while Redis is down): the history rollups, the slow log hour rollups, the
// analysis jobs. Queries of its own over the store handle (as lib/changes does) rather than new
// methods on the stores it reads.
import 'server-only';
import type { AnalysisResult } from '@/lib/analysis/types';
import type { Store } from '@/lib/store/sqlite';
import { OWN_FINGERPRINT_MARK } from '@/lib/slowlog/own';
import { OTHER_FINGERPRINT } from '@/lib/slowlog/rollup';
import { BUCKET_METRICS, type AnalysisFacts, type BucketMetric, type FindingRow, type HistoryBucket, type SlowlogWeek, type Stat } from './data';
import { DAY_MS, type IsoWeek } from './week';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/** The top keys and findings a report lists from an analysis. */
const ANALYSIS_ROWS = 5;
/** Findings active in one week that a report lists at most (a flapping rule can open many). */
export const REPORT_FINDINGS_LIMIT = 500;

/** usedMemory -> used_memory, as lib/history/history-store.ts names the columns. */
const column = (metric: BucketMetric) => metric.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const STAT_COLUMNS = BUCKET_METRICS.map((m) => `${column(m)}_min, ${column(m)}_avg, ${column(m)}_max`).join(', ');

/** A row read raw (an array: a week of minutes is 10,080 rows): ts, samples, up_samples, then min/avg/max per metric. */
type BucketRow = Array<number | null>;

function bucketOf(row: BucketRow, lengthMs: number): HistoryBucket {
  const values = {} as Record<BucketMetric, Stat>;
  BUCKET_METRICS.forEach((metric, i) => {
    values[metric] = { min: row[3 + 3 * i] ?? null, avg: row[4 + 3 * i] ?? null, max: row[5 + 3 * i] ?? null };
  });
  return { ts: row[0]!, lengthMs, samples: row[1]!, upSamples: row[2]!, values };
}

/**
 * The week's history, one bucket a minute where the minute rollup still holds the whole hour
 * (its minutes account for every sample of the hour's row), else the hour's row: minutes are
 * kept `retention.minuteDays` (30 by default), hours a year.
 */
export function readHistoryBuckets(db: Store, instance: string, week: IsoWeek): HistoryBucket[] {
  const select = (table: string) =>
    db.prepare(`SELECT ts, samples, up_samples, ${STAT_COLUMNS} FROM ${table} WHERE instance = ? AND ts >= ? AND ts < ? ORDER BY ts`)
      .raw()
      .all(instance, week.from, week.to) as BucketRow[];
  const minutes = select('rollup_1m');
  const hours = select('rollup_1h');
  const minutesByHour = new Map<number, BucketRow[]>();
  for (const row of minutes) {
    const hour = Math.floor(row[0]! / HOUR) * HOUR;
    const list = minutesByHour.get(hour) ?? [];
    list.push(row);
    minutesByHour.set(hour, list);
  }
  const buckets: HistoryBucket[] = [];
  const hourRows = new Map(hours.map((row) => [row[0]!, row]));
  for (const hour of new Set([...hourRows.keys(), ...minutesByHour.keys()])) {
    const inMinutes = minutesByHour.get(hour) ?? [];
    const hourRow = hourRows.get(hour);
    const minuteSamples = inMinutes.reduce((sum, row) => sum + row[1]!, 0);
    if (hourRow && minuteSamples < hourRow[1]!) buckets.push(bucketOf(hourRow, HOUR));
    else buckets.push(...inMinutes.map((row) => bucketOf(row, MINUTE)));
  }
  return buckets.sort((a, b) => a.ts - b.ts);
}

interface SlowRow {
  ts: number;
  fingerprint: string;
  count: number;
  total_us: number;
  max_us: number;
  warning: string | null;
}

/**
 * The application's slow log entries of the week from the hour rollup (which keeps an hour's 50
 * fingerprints with the most time and folds the rest into one row); Redlens's own are left out.
 */
export function readSlowlogWeek(db: Store, instance: string, week: IsoWeek): SlowlogWeek {
  const notOwn = `fingerprint NOT GLOB '${OWN_FINGERPRINT_MARK}*'`;
  const rows = db
    .prepare(`SELECT ts, fingerprint, count, total_us, max_us, warning FROM slowlog_rollup_1h WHERE instance = ? AND ts >= ? AND ts < ? AND ${notOwn}`)
    .all(instance, week.from, week.to) as SlowRow[];
  const perDay = Array.from({ length: 7 }, () => 0);
  const byPrint = new Map<string, SlowlogWeek['fingerprints'][number]>();
  let entries = 0;
  let totalMicros = 0;
  for (const row of rows) {
    entries += row.count;
    totalMicros += row.total_us;
    perDay[Math.floor((row.ts - week.from) / DAY_MS)]! += row.count;
    const stat = byPrint.get(row.fingerprint) ?? { fingerprint: row.fingerprint, count: 0, totalMicros: 0, maxMicros: 0, warning: null };
    stat.count += row.count;
    stat.totalMicros += row.total_us;
    stat.maxMicros = Math.max(stat.maxMicros, row.max_us);
    stat.warning ??= row.warning;
    byPrint.set(row.fingerprint, stat);
  }
  const fingerprints = [...byPrint.values()].sort((a, b) => b.totalMicros - a.totalMicros || b.count - a.count || a.fingerprint.localeCompare(b.fingerprint));
  const seenBefore = db.prepare('SELECT 1 FROM slowlog_rollup_1h WHERE instance = ? AND fingerprint = ? AND ts < ? LIMIT 1').pluck();
  const newFingerprints = fingerprints
    .filter((stat) => stat.fingerprint !== OTHER_FINGERPRINT && seenBefore.get(instance, stat.fingerprint, week.from) === undefined)
    .map((stat) => stat.fingerprint);
  const missed = db
    .prepare('SELECT coalesce(sum(missed), 0) FROM slowlog_gaps WHERE instance = ? AND recorded_at >= ? AND recorded_at < ?')
    .pluck()
    .get(instance, week.from, week.to) as number;
  const archiveSince = db.prepare('SELECT min(ts) FROM slowlog_rollup_1h WHERE instance = ?').pluck().get(instance) as number | null;
  return { entries, totalMicros, perDay, fingerprints, newFingerprints, missed, archiveSince };
}

/** The newest keyspace analysis that finished (`done`) before the week's end, or null. */
export function readLatestAnalysis(db: Store, instance: string, before: number): AnalysisFacts | null {
  const row = db
    .prepare(
      `SELECT id, started_at, finished_at, result FROM jobs
       WHERE instance = ? AND kind = 'analysis' AND status = 'done' AND result IS NOT NULL AND finished_at < ?
       ORDER BY finished_at DESC LIMIT 1`,
    )
    .get(instance, before) as { id: string; started_at: number; finished_at: number; result: string } | undefined;
  if (!row) return null;
  const result = JSON.parse(row.result) as AnalysisResult;
  const noTtl = result.ttlHistogram.find((bucket) => bucket.bucket === 'none');
  return {
    id: row.id,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    estimated: result.estimated,
    db: result.db,
    keys: result.totals.keys,
    withoutTtl: noTtl?.keys ?? 0,
    withoutTtlBytes: noTtl?.memoryBytes ?? 0,
    policyViolations: result.ttlPolicy.reduce((sum, policy) => sum + policy.violations, 0),
    policies: result.ttlPolicy.map((p) => ({ pattern: p.pattern, policy: p.policy, keys: p.keys, violations: p.violations })),
    withoutTtlByNamespace: result.withoutTtlByNamespace.slice(0, ANALYSIS_ROWS),
    encodingFindings: result.encodingFindingsTotal ?? result.encodingFindings.length,
    encodings: result.encodingFindings.slice(0, ANALYSIS_ROWS).map((f) => ({
      key: f.key, type: f.type, encoding: f.encoding, length: f.length, setting: f.setting, threshold: f.threshold,
    })),
    bigKeys: result.topByMemory.slice(0, ANALYSIS_ROWS).map((k) => ({ key: k.key, type: k.type, memoryBytes: k.memoryBytes })),
  };
}

interface FindingDbRow {
  rule: string;
  severity: FindingRow['severity'];
  title: string;
  started_at: number;
  ended_at: number | null;
}

/** Findings open at some time of [from, to). */
export function readFindings(db: Store, instance: string, week: IsoWeek): FindingRow[] {
  const rows = db
    .prepare(
      `SELECT rule, severity, title, started_at, ended_at FROM findings
       WHERE instance = ? AND started_at < ? AND (ended_at IS NULL OR ended_at >= ?)
       ORDER BY started_at LIMIT ${REPORT_FINDINGS_LIMIT}`,
    )
    .all(instance, week.to, week.from) as FindingDbRow[];
  return rows.map((row) => ({ id: row.rule, severity: row.severity, title: row.title, startedAt: row.started_at, endedAt: row.ended_at }));
}

/** The oldest hour of history kept for the instance (hour rollups are kept longest), or null. */
export function readDataSince(db: Store, instance: string): number | null {
  return db.prepare('SELECT min(ts) FROM rollup_1h WHERE instance = ?').pluck().get(instance) as number | null;
}
