// The latency page's PING figures: the sampler's round trips over the window as percentiles and
// a histogram, judged against thresholds.latencyP95MsMax (the guide's 1 ms for 95 %). Pure.
import type { PingSummary } from './types';

/** Upper bounds of the histogram's buckets (ms); a last bucket holds everything slower. */
export const PING_BUCKETS_MS = [0.25, 0.5, 1, 2, 5, 10, 50] as const;

/** Nearest-rank percentile of sorted values; null without any. */
function nearestRank(sorted: number[], p: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function pingSummary(roundTripsMs: readonly number[], targetP95Ms: number): PingSummary {
  const sorted = [...roundTripsMs].sort((a, b) => a - b);
  const p95 = nearestRank(sorted, 0.95);
  const histogram: PingSummary['histogram'] = [...PING_BUCKETS_MS, null].map((upToMs) => ({ upToMs, count: 0 }));
  for (const ms of sorted) {
    const index = PING_BUCKETS_MS.findIndex((bound) => ms <= bound);
    histogram[index < 0 ? PING_BUCKETS_MS.length : index]!.count += 1;
  }
  return {
    count: sorted.length,
    p50Ms: nearestRank(sorted, 0.5),
    p95Ms: p95,
    p99Ms: nearestRank(sorted, 0.99),
    maxMs: sorted.at(-1) ?? null,
    targetP95Ms,
    verdict: p95 === null ? 'unknown' : p95 > targetP95Ms ? 'warn' : 'ok',
    histogram,
  };
}
