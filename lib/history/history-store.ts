// The history store: raw samples, minute and hour rollups (min/avg/max), pruning, and the
// range queries the charts read, at most 1000 points a series.
import type { Retention } from '@/lib/config/schema';
import type { Store } from '@/lib/store/sqlite';
import { METRICS, type Metric, type MetricValues, type Point, type SampleRow } from './types';
import { RANGE_MS, TIME_RANGES, coveringRange, type HistoryRange as Range, type TimeWindow } from '@/lib/time-range';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** metricName -> column name: usedMemory -> used_memory. */
const column = (metric: Metric) => metric.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
const COLUMNS = METRICS.map(column);

type Source = 'samples_raw' | 'rollup_1m' | 'rollup_1h';

/** One time window of one instance, summed up from its raw samples (lib/changes "what changed"). */
export interface WindowSummary {
  /** Samples in the window when Redis answered. */
  samples: number;
  /** The mean of each series over those samples; null where none had a value. */
  average: MetricValues;
  /** The value of each series in the newest sample that had one. */
  latest: MetricValues;
}

/** Where each range reads from and how wide one point is; its length is RANGE_MS (lib/time-range). */
export const RANGE_PLAN: Record<Range, { source: Source; stepSeconds: number }> = {
  '15m': { source: 'samples_raw', stepSeconds: 10 },
  '1h': { source: 'samples_raw', stepSeconds: 10 },
  '6h': { source: 'samples_raw', stepSeconds: 30 },
  '24h': { source: 'rollup_1m', stepSeconds: 120 },
  '7d': { source: 'rollup_1m', stepSeconds: 900 },
  '30d': { source: 'rollup_1h', stepSeconds: 3600 },
};

/** The finest step each source holds: a rollup's points are a minute or an hour apart. */
const SOURCE_MIN_STEP_SECONDS: Record<Source, number> = { samples_raw: 1, rollup_1m: 60, rollup_1h: 3600 };

const rollupSelect = (fromTable: 'samples_raw' | 'rollup_1m') =>
  COLUMNS.map((c) =>
    fromTable === 'samples_raw'
      ? `min(${c}), avg(${c}), max(${c})`
      : `min(${c}_min), avg(${c}_avg), max(${c}_max)`,
  ).join(', ');

const rollupColumns = COLUMNS.map((c) => `${c}_min, ${c}_avg, ${c}_max`).join(', ');

export class HistoryStore {
  private readonly insertRaw;
  private readonly rollupMinute;
  private readonly rollupHour;
  private readonly summarize;

  constructor(
    private readonly db: Store,
    private readonly retention: Retention,
  ) {
    this.insertRaw = db.prepare(
      `INSERT OR REPLACE INTO samples_raw (instance, ts, up, run_id, ${COLUMNS.join(', ')})
       VALUES (@instance, @ts, @up, @runId, ${COLUMNS.map((_, i) => `@m${i}`).join(', ')})`,
    );
    // Rollups are recomputed from the finer table for each touched bucket, so writing the same
    // bucket again (a later sample in the same minute, a restart) is always right.
    this.rollupMinute = db.prepare(
      `INSERT OR REPLACE INTO rollup_1m (instance, ts, samples, up_samples, ${rollupColumns})
       SELECT @instance, @bucket, count(*), sum(up), ${rollupSelect('samples_raw')}
       FROM samples_raw WHERE instance = @instance AND ts >= @bucket AND ts < @bucket + ${MINUTE}`,
    );
    this.rollupHour = db.prepare(
      `INSERT OR REPLACE INTO rollup_1h (instance, ts, samples, up_samples, ${rollupColumns})
       SELECT @instance, @bucket, sum(samples), sum(up_samples), ${rollupSelect('rollup_1m')}
       FROM rollup_1m WHERE instance = @instance AND ts >= @bucket AND ts < @bucket + ${HOUR}`,
    );
    // Each "latest" is its own newest non-null value: a series can be null in the newest sample
    // (no lookups: no hit ratio) while the others are not. Every subquery walks the primary key
    // backwards from `to` and stops at the first value.
    const inWindow = 'instance = @instance AND ts >= @from AND ts < @to AND up = 1';
    this.summarize = db.prepare(
      `SELECT count(*) AS samples,
         ${COLUMNS.map((c, i) => `avg(${c}) AS a${i}`).join(', ')},
         ${COLUMNS.map((c, i) => `(SELECT ${c} FROM samples_raw WHERE ${inWindow} AND ${c} IS NOT NULL ORDER BY ts DESC LIMIT 1) AS l${i}`).join(', ')}
       FROM samples_raw WHERE ${inWindow}`,
    );
  }

  /** Writes samples and brings the minute and hour rollups they fall in up to date. */
  record(rows: SampleRow[]): void {
    const minutes = new Map<string, { instance: string; bucket: number }>();
    const hours = new Map<string, { instance: string; bucket: number }>();
    this.db.transaction(() => {
      for (const row of rows) {
        const params: Record<string, string | number | null> = { instance: row.instance, ts: row.ts, up: row.up ? 1 : 0, runId: row.runId };
        METRICS.forEach((metric, i) => {
          params[`m${i}`] = row.values[metric];
        });
        this.insertRaw.run(params);
        const minute = Math.floor(row.ts / MINUTE) * MINUTE;
        const hour = Math.floor(row.ts / HOUR) * HOUR;
        minutes.set(`${row.instance}\u0000${minute}`, { instance: row.instance, bucket: minute });
        hours.set(`${row.instance}\u0000${hour}`, { instance: row.instance, bucket: hour });
      }
      for (const params of minutes.values()) this.rollupMinute.run(params);
      for (const params of hours.values()) this.rollupHour.run(params);
    })();
  }

  /** Drops everything older than the retention of each resolution (at once: tests, benches). */
  prune(now: number): { raw: number; minute: number; hour: number } {
    const dropped = { raw: 0, minute: 0, hour: 0 };
    for (const [table, key] of [['samples_raw', 'raw'], ['rollup_1m', 'minute'], ['rollup_1h', 'hour']] as const) {
      for (let count = -1; count !== 0; ) {
        count = this.pruneTable(table, now, 10_000);
        dropped[key] += count;
      }
    }
    return dropped;
  }

  /**
   * Drops up to `maxRows` rows older than their resolution's retention, finest first; returns
   * how many (0: nothing is due). lib/store/retention.ts calls it in chunks between requests.
   */
  pruneSome(now: number, maxRows: number): number {
    for (const table of ['samples_raw', 'rollup_1m', 'rollup_1h'] as const) {
      const count = this.pruneTable(table, now, maxRows);
      if (count > 0) return count;
    }
    return 0;
  }

  private pruneTable(table: Source, now: number, maxRows: number): number {
    const { rawHours, minuteDays, hourDays } = this.retention;
    const keep = { samples_raw: rawHours * HOUR, rollup_1m: minuteDays * DAY, rollup_1h: hourDays * DAY }[table];
    return this.db.prepare(`DELETE FROM ${table} WHERE ts < ? LIMIT ?`).run(now - keep, maxRows).changes;
  }

  /**
   * The samples of [from, to) when Redis answered, summed up: each series' mean and its latest
   * value. Read from the raw samples, kept `retention.rawHours` (at least an hour, 48 by default).
   */
  windowSummary(instance: string, from: number, to: number): WindowSummary {
    const row = this.summarize.get({ instance, from, to }) as Record<string, number | null>;
    const pick = (prefix: 'a' | 'l') =>
      Object.fromEntries(METRICS.map((metric, i) => [metric, row[`${prefix}${i}`] ?? null])) as MetricValues;
    return { samples: row.samples ?? 0, average: pick('a'), latest: pick('l') };
  }

  /**
   * Every series of one instance over a range, one point per step, null where nothing was
   * recorded or Redis was down.
   */
  query(instance: string, range: Range, now: number, sampleIntervalSeconds = 10): { stepSeconds: number; from: number; to: number; series: Record<Metric, Point[]> } {
    const plan = RANGE_PLAN[range];
    const rangeMs = RANGE_MS[range];
    const stepSeconds = Math.max(plan.stepSeconds, plan.source === 'samples_raw' ? sampleIntervalSeconds : 0, Math.ceil(rangeMs / 1000 / 1000));
    const step = stepSeconds * 1000;
    return this.read(instance, plan.source, stepSeconds, Math.floor((now - rangeMs) / step) * step + step, now);
  }

  /**
   * A chosen window (`from`/`to`, at most CUSTOM_WINDOW_MAX_MS long): read from what a preset
   * reaching as far back would read (raw samples are kept for hours, rollups for longer), one
   * point per step as wide as a preset of its length has, at most 1000 points.
   */
  queryWindow(instance: string, window: TimeWindow, now: number, sampleIntervalSeconds = 10): { stepSeconds: number; from: number; to: number; series: Record<Metric, Point[]> } {
    const source = RANGE_PLAN[coveringRange(now - window.from, TIME_RANGES)].source;
    const span = window.to - window.from;
    const stepSeconds = Math.max(
      RANGE_PLAN[coveringRange(span, TIME_RANGES)].stepSeconds,
      SOURCE_MIN_STEP_SECONDS[source],
      source === 'samples_raw' ? sampleIntervalSeconds : 0,
      Math.ceil(span / 1000 / 1000),
    );
    const step = stepSeconds * 1000;
    return this.read(instance, source, stepSeconds, Math.ceil(window.from / step) * step, window.to);
  }

  private read(instance: string, source: Source, stepSeconds: number, from: number, to: number): { stepSeconds: number; from: number; to: number; series: Record<Metric, Point[]> } {
    const step = stepSeconds * 1000;
    const valueColumns = source === 'samples_raw' ? COLUMNS : COLUMNS.map((c) => `${c}_avg`);
    // better-sqlite3 binds numbers as REAL, so `ts / @step` would not floor; `%` works on integers.
    const rows = this.db
      .prepare(
        `SELECT ts - ts % @step AS bucket, ${valueColumns.map((c, i) => `avg(${c}) AS v${i}`).join(', ')}
         FROM ${source} WHERE instance = @instance AND ts >= @from AND ts <= @to
         GROUP BY bucket ORDER BY bucket`,
      )
      .all({ instance, step, from, to }) as Array<Record<string, number | null>>;
    const byBucket = new Map(rows.map((row) => [row.bucket as number, row]));
    const series = Object.fromEntries(METRICS.map((metric) => [metric, [] as Point[]])) as Record<Metric, Point[]>;
    for (let bucket = from; bucket <= to; bucket += step) {
      const row = byBucket.get(bucket);
      METRICS.forEach((metric, i) => {
        series[metric].push([bucket, row ? (row[`v${i}`] ?? null) : null]);
      });
    }
    return { stepSeconds, from, to, series };
  }
}
