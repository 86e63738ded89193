// The archive charts' rows: entries per bucket and time per fingerprint, zero-filled, with ticks.
// The bucket width itself (bucketStepMs) is the server's too: lib/slowlog/buckets.ts.
import { RANGE_MS, type TimeWindow } from '@/lib/time-range';
import type { SlowlogArchiveResponse } from '@/lib/slowlog/types';
import { MAX_BUCKETS } from '@/lib/slowlog/buckets';

/** "1 min", "5 min", "2 h": the width of a bucket in words. */
export function formatStep(stepMs: number): string {
  const minutes = Math.round(stepMs / 60_000);
  if (minutes < 60 || minutes % 60 !== 0) return `${minutes} min`;
  return `${minutes / 60} h`;
}

/** Start times of every bucket that overlaps the window, aligned to the step (in UTC). */
function bucketStarts(window: TimeWindow, stepMs: number): number[] {
  const first = Math.floor(window.from / stepMs) * stepMs;
  const last = Math.floor(window.to / stepMs) * stepMs;
  const starts: number[] = [];
  for (let t = first; t <= last && starts.length <= MAX_BUCKETS * 2; t += stepMs) starts.push(t);
  return starts;
}

export interface CountRow {
  t: number;
  count: number;
}

/** Entries per minute, summed into buckets of `stepMs`, zero where none were logged. */
export function countsPerBucket(perMinute: ReadonlyArray<readonly [number, number]>, window: TimeWindow, stepMs: number): CountRow[] {
  const rows = bucketStarts(window, stepMs).map((t) => ({ t, count: 0 }));
  const first = rows[0]?.t ?? 0;
  for (const [t, count] of perMinute) {
    const row = rows[Math.floor((t - first) / stepMs)];
    if (row && t >= first) row.count += count;
  }
  return rows;
}

export interface FingerprintSeries {
  /** A plain data key: fingerprints contain dots and brackets, which chart libraries read as paths. */
  key: string;
  fingerprint: string;
}

export type TimeRow = { t: number } & Record<string, number>;

/** Total time per fingerprint in buckets of `stepMs` (µs), zero-filled, one data key per fingerprint. */
export function timeByFingerprintRows(
  data: SlowlogArchiveResponse['analysis']['timeByFingerprint'],
  window: TimeWindow,
  stepMs: number,
): { series: FingerprintSeries[]; rows: TimeRow[] } {
  const series = data.fingerprints.map((fingerprint, index) => ({ key: `f${index}`, fingerprint }));
  const keyOf = new Map(series.map((s) => [s.fingerprint, s.key]));
  const rows: TimeRow[] = bucketStarts(window, stepMs).map((t) => {
    const row: TimeRow = { t } as TimeRow;
    for (const s of series) row[s.key] = 0;
    return row;
  });
  const first = rows[0]?.t ?? 0;
  for (const point of data.points) {
    const row = rows[Math.floor((point.ts - first) / stepMs)];
    if (!row || point.ts < first) continue;
    for (const [fingerprint, micros] of Object.entries(point.micros)) {
      const key = keyOf.get(fingerprint);
      if (key !== undefined && Number.isFinite(micros)) row[key] = (row[key] ?? 0) + micros;
    }
  }
  return { series, rows };
}

/** A tick on a chart's time axis: "14:05" within a day, "11-26 14:00" beyond. */
export function formatBucketTick(t: number, rangeMs: number, timeZone?: string): string {
  const date = new Date(t);
  const time = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone }).format(date);
  if (rangeMs <= RANGE_MS['24h']) return time;
  const day = new Intl.DateTimeFormat('en-CA', { month: '2-digit', day: '2-digit', timeZone }).format(date);
  return `${day} ${time}`;
}
