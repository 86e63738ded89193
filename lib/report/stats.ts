// Figures of one week's history buckets: means weighted by the time Redis answered, extremes,
// the lookup-weighted hit ratio, a weighted median, each per week and per day. Pure.
import type { BucketMetric, Weighted } from './data';

/** The time-weighted mean of a series' bucket means; null when no bucket had it. */
export function mean(weighted: readonly Weighted[], metric: BucketMetric): number | null {
  let sum = 0;
  let time = 0;
  for (const { bucket, upMs } of weighted) {
    const value = bucket.values[metric].avg;
    if (value === null || upMs === 0) continue;
    sum += value * upMs;
    time += upMs;
  }
  return time === 0 ? null : sum / time;
}

export function maximum(weighted: readonly Weighted[], metric: BucketMetric): number | null {
  let best: number | null = null;
  for (const { bucket } of weighted) {
    const value = bucket.values[metric].max;
    if (value !== null && (best === null || value > best)) best = value;
  }
  return best;
}

export function minimum(weighted: readonly Weighted[], metric: BucketMetric): number | null {
  let best: number | null = null;
  for (const { bucket } of weighted) {
    const value = bucket.values[metric].min;
    if (value !== null && (best === null || value < best)) best = value;
  }
  return best;
}

/** When a series reached its maximum (the start of the bucket that holds it). */
export function maximumAt(weighted: readonly Weighted[], metric: BucketMetric): number | null {
  let best: { value: number; at: number } | null = null;
  for (const { bucket } of weighted) {
    const value = bucket.values[metric].max;
    if (value !== null && (best === null || value > best.value)) best = { value, at: bucket.ts };
  }
  return best?.at ?? null;
}

/** The median of the bucket means, each counted for its time. */
export function weightedMedian(weighted: readonly Weighted[], metric: BucketMetric): number | null {
  const points = weighted
    .filter((w) => w.upMs > 0 && w.bucket.values[metric].avg !== null)
    .map((w) => ({ value: w.bucket.values[metric].avg!, time: w.upMs }))
    .sort((a, b) => a.value - b.value);
  const total = points.reduce((sum, p) => sum + p.time, 0);
  let seen = 0;
  for (const point of points) {
    seen += point.time;
    if (seen >= total / 2) return point.value;
  }
  return null;
}

/**
 * hits / lookups over the week, each bucket's rates times the time they held (so a busy hour
 * weighs more than a quiet one); null without lookups.
 */
export function lookupHitRatio(weighted: readonly Weighted[]): { ratio: number | null; lookups: number } {
  let hits = 0;
  let lookups = 0;
  for (const { bucket, upMs } of weighted) {
    const h = bucket.values.hitsPerSec.avg;
    const m = bucket.values.missesPerSec.avg;
    if (h === null || m === null) continue;
    hits += (h * upMs) / 1000;
    lookups += ((h + m) * upMs) / 1000;
  }
  return { ratio: lookups > 0 ? hits / lookups : null, lookups: Math.round(lookups) };
}

/** A week's buckets split by day once: every line's daily series reads the same split. */
const splits = new WeakMap<readonly Weighted[], Weighted[][]>();

export function byDay(weighted: readonly Weighted[]): Weighted[][] {
  let days = splits.get(weighted);
  if (!days) {
    days = Array.from({ length: 7 }, () => [] as Weighted[]);
    for (const w of weighted) days[w.day]?.push(w);
    splits.set(weighted, days);
  }
  return days;
}

/** One figure per day of the week, Monday first. */
export function perDay<T>(weighted: readonly Weighted[], figure: (day: readonly Weighted[]) => T): T[] {
  return byDay(weighted).map(figure);
}
