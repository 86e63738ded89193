// Sorting the slow log tables: entries by time or duration, fingerprints by count, total or max.
import type { FingerprintStat, SlowlogEntryView } from '@/lib/slowlog/types';

export type SortDir = 'asc' | 'desc';
export interface Sort<K extends string> {
  key: K;
  dir: SortDir;
}
export type EntrySortKey = 'time' | 'duration';
export type FingerprintSortKey = 'count' | 'total' | 'max';

export const DEFAULT_ENTRY_SORT: Sort<EntrySortKey> = { key: 'time', dir: 'desc' };
export const DEFAULT_FINGERPRINT_SORT: Sort<FingerprintSortKey> = { key: 'total', dir: 'desc' };

/** Clicking the sorted column flips it; another column starts at its largest (newest, slowest). */
export function nextSort<K extends string>(current: Sort<K>, key: K): Sort<K> {
  return current.key === key ? { key, dir: current.dir === 'desc' ? 'asc' : 'desc' } : { key, dir: 'desc' };
}

export function ariaSort<K extends string>(current: Sort<K>, key: K): 'ascending' | 'descending' | 'none' {
  if (current.key !== key) return 'none';
  return current.dir === 'asc' ? 'ascending' : 'descending';
}

/**
 * Entries arrive newest first; that order breaks ties (ids restart after a Redis restart, so they
 * cannot). Time ascending is exactly the reverse of time descending.
 */
export function sortEntries<T extends SlowlogEntryView>(entries: readonly T[], sort: Sort<EntrySortKey>): T[] {
  const indexed = entries.map((entry, index) => ({ entry, index }));
  const newestFirst = (a: (typeof indexed)[number], b: (typeof indexed)[number]) =>
    b.entry.timestamp - a.entry.timestamp || a.index - b.index;
  if (sort.key === 'time') {
    const sorted = indexed.sort(newestFirst).map(({ entry }) => entry);
    return sort.dir === 'desc' ? sorted : sorted.reverse();
  }
  const sign = sort.dir === 'desc' ? -1 : 1;
  return indexed
    .sort((a, b) => sign * (a.entry.durationMicros - b.entry.durationMicros) || newestFirst(a, b))
    .map(({ entry }) => entry);
}

const FINGERPRINT_FIELD: Record<FingerprintSortKey, keyof Pick<FingerprintStat, 'count' | 'totalMicros' | 'maxMicros'>> = {
  count: 'count',
  total: 'totalMicros',
  max: 'maxMicros',
};

export function sortFingerprints(stats: readonly FingerprintStat[], sort: Sort<FingerprintSortKey>): FingerprintStat[] {
  const field = FINGERPRINT_FIELD[sort.key];
  const sign = sort.dir === 'desc' ? -1 : 1;
  return [...stats].sort(
    (a, b) => sign * (a[field] - b[field]) || b.totalMicros - a.totalMicros || a.fingerprint.localeCompare(b.fingerprint),
  );
}
