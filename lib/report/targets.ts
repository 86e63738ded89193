// The share of time each production target of SPEC section 2 was met, judged bucket by bucket
// (a minute, or an hour where only hourly rollups are kept) on the bucket's mean, each bucket
// weighted by the time Redis answered in it. Pure.
import type { Thresholds } from '@/lib/health-targets';
import type { HistoryBucket, WeekData, Weighted } from './data';
import type { FigureUnit, TargetId, TargetShare, TargetTime } from './types';
import { TARGET_IDS } from './types';
import { byDay } from './stats';
import { DAY_MS } from './week';


export function weigh(data: WeekData, sampleIntervalMs: number): Weighted[] {
  return data.buckets.map((bucket) => {
    const upMs = Math.min(bucket.lengthMs, bucket.upSamples * sampleIntervalMs);
    const downMs = Math.min(bucket.lengthMs - upMs, (bucket.samples - bucket.upSamples) * sampleIntervalMs);
    return { bucket, upMs, downMs, day: Math.floor((bucket.ts - data.week.from) / DAY_MS) };
  });
}

interface TargetRule {
  label: (t: Thresholds) => string;
  unit: FigureUnit;
  threshold: (t: Thresholds) => number;
  /** The bucket's figure, or null when it has none. */
  value: (b: HistoryBucket) => number | null;
  /** Outside the target (SPEC section 2's rule, as lib/health/rules.ts judges it). */
  outside: (value: number, b: HistoryBucket, t: Thresholds) => boolean;
}

const pct = (ratio: number) => `${Math.round(ratio * 1000) / 10} %`;

export const TARGET_RULES: Record<TargetId, TargetRule> = {
  latency: {
    label: (t) => `PING p95 < ${t.latencyP95MsMax} ms`,
    unit: 'ms',
    threshold: (t) => t.latencyP95MsMax,
    value: (b) => b.values.pingP95Ms.avg,
    outside: (v, _b, t) => v > t.latencyP95MsMax,
  },
  'hit-ratio': {
    label: (t) => `Hit ratio > ${pct(t.hitRatioMin)}`,
    unit: 'ratio',
    threshold: (t) => t.hitRatioMin,
    value: (b) => b.values.hitRatio.avg,
    outside: (v, _b, t) => v < t.hitRatioMin,
  },
  memory: {
    label: (t) => `Memory < ${pct(t.memoryUsedRatioMax)} of maxmemory`,
    unit: 'ratio',
    threshold: (t) => t.memoryUsedRatioMax,
    value: (b) => {
      const { usedMemory, maxmemory } = b.values;
      return usedMemory.avg !== null && maxmemory.avg !== null && maxmemory.avg > 0 ? usedMemory.avg / maxmemory.avg : null;
    },
    outside: (v, _b, t) => v > t.memoryUsedRatioMax,
  },
  clients: {
    label: (t) => `Clients < ${t.clientsMax}`,
    unit: 'clients',
    threshold: (t) => t.clientsMax,
    value: (b) => b.values.connectedClients.avg,
    outside: (v, _b, t) => v > t.clientsMax,
  },
  evictions: {
    label: (t) => `Evictions < ${t.evictedPerSecMax} keys/s`,
    unit: 'keys/s',
    threshold: (t) => t.evictedPerSecMax,
    value: (b) => b.values.evictedPerSec.avg,
    outside: (v, _b, t) => v > t.evictedPerSecMax,
  },
  fragmentation: {
    label: (t) => `Fragmentation < ${t.fragmentationRatioMax}`,
    unit: 'number',
    threshold: (t) => t.fragmentationRatioMax,
    value: (b) => b.values.fragmentationRatio.avg,
    // As the fragmentation-high rule: a high ratio on a near-empty Redis (few fragmented bytes) is harmless.
    outside: (v, b, t) => {
      const { usedMemoryRss, usedMemory } = b.values;
      const fragmented = usedMemoryRss.avg !== null && usedMemory.avg !== null ? usedMemoryRss.avg - usedMemory.avg : null;
      return v > t.fragmentationRatioMax && (fragmented === null || fragmented > t.fragmentationBytesMin);
    },
  },
};

export function targetTime(weighted: readonly Weighted[], id: TargetId, thresholds: Thresholds): TargetTime {
  const rule = TARGET_RULES[id];
  let measuredMs = 0;
  let outsideMs = 0;
  for (const { bucket, upMs } of weighted) {
    const value = rule.value(bucket);
    if (value === null || upMs === 0) continue;
    measuredMs += upMs;
    if (rule.outside(value, bucket, thresholds)) outsideMs += upMs;
  }
  return { share: measuredMs === 0 ? null : 1 - outsideMs / measuredMs, measuredMs, outsideMs };
}

/** Why a target has no share this week, in words, or null when it has one. */
function noteOf(id: TargetId, time: TargetTime, weighted: readonly Weighted[]): string | null {
  if (time.measuredMs > 0) return null;
  if (!weighted.some((w) => w.upMs > 0)) return 'No samples this week.';
  if (id === 'memory') return 'maxmemory is 0 (no limit) in every sample: there is no limit to measure against.';
  if (id === 'hit-ratio') return 'No lookups (GET and the like) this week: no hit ratio to measure.';
  return 'No sample had this figure.';
}

export function targetShares(thisWeek: readonly Weighted[], lastWeek: readonly Weighted[], thresholds: Thresholds): TargetShare[] {
  const days = byDay(thisWeek);
  return TARGET_IDS.map((id) => {
    const rule = TARGET_RULES[id];
    const time = targetTime(thisWeek, id, thresholds);
    return {
      id,
      label: rule.label(thresholds),
      threshold: rule.threshold(thresholds),
      unit: rule.unit,
      thisWeek: time,
      lastWeek: targetTime(lastWeek, id, thresholds),
      days: days.map((list) => targetTime(list, id, thresholds)),
      note: noteOf(id, time, thisWeek),
    };
  });
}
