// Slow log analysis: fingerprints ranked by time, entries per minute, time by fingerprint. Pure.
import { bucketStepMs } from './buckets';
import type { FingerprintStat, SlowlogArchiveResponse, SlowlogEntryView } from './types';

/** Fingerprints by total time spent, most first. */
export function rankFingerprints(entries: SlowlogEntryView[]): FingerprintStat[] {
  const stats = new Map<string, FingerprintStat>();
  for (const entry of entries) {
    const stat = stats.get(entry.fingerprint) ?? { fingerprint: entry.fingerprint, count: 0, totalMicros: 0, maxMicros: 0, warning: entry.warning };
    stat.count += 1;
    stat.totalMicros += entry.durationMicros;
    stat.maxMicros = Math.max(stat.maxMicros, entry.durationMicros);
    stats.set(entry.fingerprint, stat);
  }
  return [...stats.values()].sort((a, b) => b.totalMicros - a.totalMicros || b.count - a.count);
}

const TOP_FINGERPRINTS = 8;

/** The charts and ranking of a list of entries (a search's matches); a whole range reads the rollups instead. */
export function analyseEntries(entries: SlowlogEntryView[]): Omit<SlowlogArchiveResponse['analysis'], 'basis'> {
  const fingerprints = rankFingerprints(entries);
  const perMinuteMap = new Map<number, number>();
  for (const entry of entries) {
    const minute = Math.floor(entry.timestamp / 60) * 60_000;
    perMinuteMap.set(minute, (perMinuteMap.get(minute) ?? 0) + 1);
  }
  const perMinute = [...perMinuteMap].sort((a, b) => a[0] - b[0]);

  // Time by fingerprint in the buckets the page draws (buckets.ts); fingerprints beyond the top few go to "other".
  const top = fingerprints.slice(0, TOP_FINGERPRINTS).map((stat) => stat.fingerprint);
  const first = entries.reduce((min, entry) => Math.min(min, entry.timestamp), Infinity);
  const last = entries.reduce((max, entry) => Math.max(max, entry.timestamp), -Infinity);
  const span = entries.length > 0 ? last - first : 0;
  const stepSeconds = bucketStepMs(span * 1000) / 1000;
  const buckets = new Map<number, Record<string, number>>();
  for (const entry of entries) {
    const ts = Math.floor(entry.timestamp / stepSeconds) * stepSeconds * 1000;
    const name = top.includes(entry.fingerprint) ? entry.fingerprint : 'other';
    const bucket = buckets.get(ts) ?? {};
    bucket[name] = (bucket[name] ?? 0) + entry.durationMicros;
    buckets.set(ts, bucket);
  }
  const names = fingerprints.length > TOP_FINGERPRINTS ? [...top, 'other'] : top;
  return {
    fingerprints,
    perMinute,
    timeByFingerprint: {
      stepSeconds,
      fingerprints: names,
      points: [...buckets].sort((a, b) => a[0] - b[0]).map(([ts, micros]) => ({ ts, micros })),
    },
  };
}
