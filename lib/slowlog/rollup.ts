// The slow log charts' data, kept per minute and per hour at write time, so a chart over 30 days
// reads at most a few tens of thousands of rollup rows instead of every archived entry.
import 'server-only';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Store } from '@/lib/store/sqlite';
import type { FingerprintStat, SlowlogArchiveResponse } from './types';
import type { TimeWindow } from '@/lib/time-range';
import { bucketStepMs } from './buckets';
import { OWN_FINGERPRINT_MARK, ownFingerprint } from './own';
import { warningByPattern } from './warnings';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * Distinct fingerprints one bucket keeps; the rest count together as OTHER_FINGERPRINT. Keys that
 * do not fold (`GET product-123-v2`) would otherwise make one row per entry and the rollup as
 * big as the archive.
 */
export const FINGERPRINTS_PER_BUCKET = 50;
export const OTHER_FINGERPRINT = '(other fingerprints)';
/** Redlens's own entries fold apart from the application's, so hiding them stays exact. */
const OWN_OTHER_FINGERPRINT = ownFingerprint(OTHER_FINGERPRINT);
/** SQL: a rollup row of Redlens's own entries (the mark has no GLOB metacharacter). */
const OWN_ROW = `fingerprint GLOB '${OWN_FINGERPRINT_MARK}*'`;
/** Ranges up to this long are charted from the minute rollup, longer ones from the hour rollup. */
const MINUTE_TABLE_MAX_MS = 24 * HOUR;
/** Fingerprints the ranking returns at most. */
const RANKED = 100;
/** Fingerprints the time chart shows one by one; the rest are 'other'. */
const CHARTED = 8;
/** How much of a rollup one statement of the charts reads: a few thousand rows of either table. */
const PIECE_MS = { slowlog_rollup_1m: 3 * HOUR, slowlog_rollup_1h: 5 * 24 * HOUR } as const;

/** What one written entry adds to its minute. */
export interface RollupInput {
  timestamp: number;
  durationMicros: number;
  fingerprint: string;
  warning: string | null;
  /** sent by Redlens itself (lib/slowlog/own.ts): kept under the marked fingerprint */
  own?: boolean;
}

interface Bucket {
  ts: number;
  fingerprint: string;
  count: number;
  totalMicros: number;
  maxMicros: number;
  warning: string | null;
}

/** One instance, or several read as one (the nodes of a Redis Cluster instance). */
export type Instances = string | readonly string[];

/** The rows of `instances`: one instance by the index's equality, several through a JSON list. */
function instanceTerm(instances: Instances): { sql: string; params: Record<string, string> } {
  return typeof instances === 'string'
    ? { sql: 'instance = @instance', params: { instance: instances } }
    : { sql: 'instance IN (SELECT value FROM json_each(@instances))', params: { instances: JSON.stringify(instances) } };
}

export class SlowlogRollup {
  private readonly has;
  private readonly width;
  private readonly upsert;
  private readonly clearHour;
  private readonly fillHour;

  constructor(private readonly db: Store) {
    this.has = db.prepare('SELECT 1 FROM slowlog_rollup_1m WHERE instance = ? AND ts = ? AND fingerprint = ?').pluck();
    this.width = db.prepare('SELECT count(*) FROM slowlog_rollup_1m WHERE instance = ? AND ts = ?').pluck();
    this.upsert = db.prepare(
      `INSERT INTO slowlog_rollup_1m (instance, ts, fingerprint, count, total_us, max_us, warning)
       VALUES (@instance, @ts, @fingerprint, @count, @totalMicros, @maxMicros, @warning)
       ON CONFLICT (instance, ts, fingerprint) DO UPDATE SET
         count = count + excluded.count, total_us = total_us + excluded.total_us,
         max_us = max(max_us, excluded.max_us), warning = coalesce(warning, excluded.warning)`,
    );
    this.clearHour = db.prepare('DELETE FROM slowlog_rollup_1h WHERE instance = @instance AND ts = @hour');
    // An hour is recomputed from its minutes (so it is right after any write or prune), keeping
    // its top fingerprints by time and folding the rest.
    this.fillHour = db.prepare(
      `INSERT INTO slowlog_rollup_1h (instance, ts, fingerprint, count, total_us, max_us, warning)
       SELECT @instance, @hour, name, sum(c), sum(t), max(m), max(w) FROM (
         SELECT CASE WHEN rank <= ${FINGERPRINTS_PER_BUCKET} THEN fingerprint WHEN ${OWN_ROW} THEN '${OWN_OTHER_FINGERPRINT}' ELSE '${OTHER_FINGERPRINT}' END AS name, c, t, m, w FROM (
           SELECT fingerprint, sum(count) AS c, sum(total_us) AS t, max(max_us) AS m, max(warning) AS w,
                  row_number() OVER (ORDER BY sum(total_us) DESC, fingerprint) AS rank
           FROM slowlog_rollup_1m WHERE instance = @instance AND ts >= @hour AND ts < @hour + ${HOUR}
           GROUP BY fingerprint))
       GROUP BY name`,
    );
  }

  /** Adds written entries to their minutes and recomputes their hours; run inside the write's transaction. */
  add(instance: string, entries: readonly RollupInput[]): void {
    const buckets = new Map<string, Bucket>();
    for (const entry of entries) {
      const ts = Math.floor(entry.timestamp / 60) * MINUTE;
      const print = entry.own ? ownFingerprint(entry.fingerprint) : entry.fingerprint;
      const key = `${ts}\u0000${print}`;
      const bucket = buckets.get(key) ?? { ts, fingerprint: print, count: 0, totalMicros: 0, maxMicros: 0, warning: entry.warning };
      bucket.count += 1;
      bucket.totalMicros += entry.durationMicros;
      bucket.maxMicros = Math.max(bucket.maxMicros, entry.durationMicros);
      bucket.warning ??= entry.warning;
      buckets.set(key, bucket);
    }
    const hours = new Set<number>();
    for (const bucket of buckets.values()) {
      const known = this.has.get(instance, bucket.ts, bucket.fingerprint) !== undefined;
      const full = !known && (this.width.get(instance, bucket.ts) as number) >= FINGERPRINTS_PER_BUCKET;
      const folded = bucket.fingerprint.startsWith(OWN_FINGERPRINT_MARK) ? OWN_OTHER_FINGERPRINT : OTHER_FINGERPRINT;
      this.upsert.run({ instance, ...bucket, fingerprint: full ? folded : bucket.fingerprint });
      hours.add(Math.floor(bucket.ts / HOUR) * HOUR);
    }
    for (const hour of hours) this.rebuildHour(instance, hour);
  }

  rebuildHour(instance: string, hour: number): void {
    this.clearHour.run({ instance, hour });
    this.fillHour.run({ instance, hour });
  }

  /**
   * Drops up to `maxRows` rollup rows of `instance` older than `beforeMs` (minute-aligned: the
   * archive keeps nothing before it) and recomputes the hour it falls in. Returns the rows dropped.
   */
  pruneBefore(instance: string, beforeMs: number, maxRows: number): number {
    const minute = Math.floor(beforeMs / MINUTE) * MINUTE;
    const hour = Math.floor(minute / HOUR) * HOUR;
    let dropped = this.db
      .prepare('DELETE FROM slowlog_rollup_1m WHERE instance = ? AND ts < ? ORDER BY ts LIMIT ?')
      .run(instance, minute, maxRows).changes;
    dropped += this.db.prepare('DELETE FROM slowlog_rollup_1h WHERE instance = ? AND ts < ? ORDER BY ts LIMIT ?').run(instance, hour, maxRows).changes;
    if (dropped > 0 && dropped < maxRows) this.rebuildHour(instance, hour);
    return dropped;
  }

  /** Redlens's own entries in a window (the archive says how many it hid). */
  ownCount(instances: Instances, window: TimeWindow): number {
    const plan = planOf(window);
    const of = instanceTerm(instances);
    return this.db
      .prepare(`SELECT coalesce(sum(count), 0) FROM ${plan.table} WHERE ${of.sql} AND ts >= @from AND ts <= @to AND ${OWN_ROW}`)
      .pluck()
      .get({ ...of.params, from: plan.from, to: window.to }) as number;
  }

  /**
   * The fingerprint ranking of a window, most time first; `showOwn` false leaves Redlens's own out.
   * Read a piece of the window at a time (see piecesOf), the pieces' sums added up here.
   */
  async rank(instances: Instances, window: TimeWindow, showOwn = true): Promise<FingerprintStat[]> {
    const plan = planOf(window);
    const of = instanceTerm(instances);
    const statement = this.db.prepare(
      `SELECT fingerprint, sum(count) AS count, sum(total_us) AS total, max(max_us) AS max, max(warning) AS warning
       FROM ${plan.table} WHERE ${of.sql} AND ts >= @from AND ts <= @to${showOwn ? '' : ` AND NOT ${OWN_ROW}`}
       GROUP BY fingerprint`,
    );
    const sums = new Map<string, { count: number; total: number; max: number; warning: string | null }>();
    for (const piece of await this.piecesOf(plan, of, window.to)) {
      const rows = statement.all({ ...of.params, ...piece }) as Array<{ fingerprint: string; count: number; total: number; max: number; warning: string | null }>;
      for (const row of rows) {
        const sum = sums.get(row.fingerprint);
        if (!sum) sums.set(row.fingerprint, { count: row.count, total: row.total, max: row.max, warning: row.warning });
        else {
          sum.count += row.count;
          sum.total += row.total;
          sum.max = Math.max(sum.max, row.max);
          // As SQL's max() of the pieces' rows would: the greatest string, null below any.
          if (row.warning !== null && (sum.warning === null || row.warning > sum.warning)) sum.warning = row.warning;
        }
      }
      await yieldToEventLoop();
    }
    return [...sums]
      .sort(([, a], [, b]) => b.total - a.total || b.count - a.count)
      .slice(0, RANKED)
      .map(([fingerprint, sum]) => ({
        fingerprint,
        count: sum.count,
        totalMicros: sum.total,
        maxMicros: sum.max,
        warning: sum.warning === null ? null : warningByPattern(sum.warning),
      }));
  }

  /** Entries per step and time per charted fingerprint per step, over a window, a piece at a time (see piecesOf). */
  async series(instances: Instances, window: TimeWindow, ranked: readonly FingerprintStat[], showOwn = true): Promise<Omit<SlowlogArchiveResponse['analysis'], 'fingerprints' | 'basis'>> {
    const plan = planOf(window);
    const of = instanceTerm(instances);
    const top = ranked.slice(0, CHARTED).map((stat) => stat.fingerprint);
    const statement = this.db.prepare(
      `SELECT ts - ts % @step AS bucket,
              CASE WHEN fingerprint IN (SELECT value FROM json_each(@top)) THEN fingerprint ELSE 'other' END AS name,
              sum(count) AS count, sum(total_us) AS total
       FROM ${plan.table} WHERE ${of.sql} AND ts >= @from AND ts <= @to${showOwn ? '' : ` AND NOT ${OWN_ROW}`}
       GROUP BY bucket, name ORDER BY bucket`,
    );
    const perStep = new Map<number, number>();
    const points = new Map<number, Record<string, number>>();
    // Pieces hold whole steps, in order: a step's rows all come from one piece.
    for (const piece of await this.piecesOf(plan, of, window.to)) {
      const rows = statement.all({ ...of.params, ...piece, step: plan.stepMs, top: JSON.stringify(top) }) as Array<{ bucket: number; name: string; count: number; total: number }>;
      for (const row of rows) {
        perStep.set(row.bucket, (perStep.get(row.bucket) ?? 0) + row.count);
        const point = points.get(row.bucket) ?? {};
        point[row.name] = row.total;
        points.set(row.bucket, point);
      }
      await yieldToEventLoop();
    }
    return {
      perMinute: [...perStep],
      timeByFingerprint: {
        stepSeconds: plan.stepMs / 1000,
        fingerprints: ranked.length > CHARTED ? [...top, 'other'] : top,
        points: [...points].map(([ts, micros]) => ({ ts, micros })),
      },
    };
  }

  /**
   * The window cut into pieces a statement reads at once, so a long range of many fingerprints is
   * read in turns of the event loop rather than one block (30 days of 40 fingerprints held it
   * ~30 ms in one statement): only where the rollup has rows (an open window starts at 0), each
   * piece a whole number of chart steps, split on multiples of the step as the buckets are.
   */
  private async piecesOf(plan: RollupPlan, of: { sql: string; params: Record<string, string> }, to: number): Promise<Array<{ from: number; to: number }>> {
    const held = this.db
      .prepare(`SELECT min(ts) AS first, max(ts) AS last FROM ${plan.table} WHERE ${of.sql} AND ts >= @from AND ts <= @to`)
      .get({ ...of.params, from: plan.from, to }) as { first: number | null; last: number | null };
    await yieldToEventLoop();
    if (held.first === null || held.last === null) return [];
    const pieceMs = Math.max(1, Math.floor(PIECE_MS[plan.table] / plan.stepMs)) * plan.stepMs;
    const pieces: Array<{ from: number; to: number }> = [];
    for (let start = held.first - (held.first % pieceMs); start <= held.last; start += pieceMs) {
      pieces.push({ from: Math.max(start, held.first), to: Math.min(start + pieceMs - 1, held.last) });
    }
    return pieces;
  }
}

/**
 * Which rollup a window reads and the width of one chart bucket: the page's own bucket width
 * (bucketStepMs in ./buckets.ts), never finer than the rollup (a 7-day range is charted per hour).
 */
export interface RollupPlan {
  table: 'slowlog_rollup_1m' | 'slowlog_rollup_1h';
  stepMs: number;
  from: number;
}

export function planOf(window: TimeWindow): RollupPlan {
  const span = Math.max(0, window.to - window.from);
  const granularity = span <= MINUTE_TABLE_MAX_MS ? MINUTE : HOUR;
  const stepMs = Math.max(bucketStepMs(span), granularity);
  return {
    table: granularity === MINUTE ? 'slowlog_rollup_1m' : 'slowlog_rollup_1h',
    stepMs: Math.ceil(stepMs / granularity) * granularity,
    // The bucket the window starts in counts whole: a range is coarsened to its rollup's buckets.
    from: Math.floor(window.from / granularity) * granularity,
  };
}
