import { describe, expect, it } from 'vitest';
import type { ArchivedEntry, FingerprintStat } from '@/lib/slowlog/types';
import { entry } from './fixtures';
import { ariaSort, nextSort, sortEntries, sortFingerprints } from './sorting';

describe('sorting', () => {
  const entries = [
    entry({ id: 3, timestamp: 30, durationMicros: 50 }),
    entry({ id: 2, timestamp: 20, durationMicros: 900 }),
    entry({ id: 9, timestamp: 20, durationMicros: 50, runId: 'run-b' }),
    entry({ id: 1, timestamp: 10, durationMicros: 400 }),
  ];
  const ids = (list: ArchivedEntry[]) => list.map((e) => e.id);

  it('sorts by time, keeping the server order on ties, and reverses for ascending', () => {
    expect(ids(sortEntries(entries, { key: 'time', dir: 'desc' }))).toEqual([3, 2, 9, 1]);
    expect(ids(sortEntries(entries, { key: 'time', dir: 'asc' }))).toEqual([1, 9, 2, 3]);
  });

  it('sorts by duration, newest first on ties', () => {
    expect(ids(sortEntries(entries, { key: 'duration', dir: 'desc' }))).toEqual([2, 1, 3, 9]);
    expect(ids(sortEntries(entries, { key: 'duration', dir: 'asc' }))).toEqual([3, 9, 1, 2]);
  });

  it('flips the sorted column and starts another at descending', () => {
    expect(nextSort({ key: 'time', dir: 'desc' }, 'time')).toEqual({ key: 'time', dir: 'asc' });
    expect(nextSort({ key: 'time', dir: 'asc' }, 'duration')).toEqual({ key: 'duration', dir: 'desc' });
    expect(ariaSort({ key: 'time', dir: 'asc' }, 'time')).toBe('ascending');
    expect(ariaSort({ key: 'time', dir: 'asc' }, 'duration')).toBe('none');
  });

  it('ranks fingerprints by count, total or max time', () => {
    const stats: FingerprintStat[] = [
      { fingerprint: 'KEYS *', count: 2, totalMicros: 900, maxMicros: 800, warning: null },
      { fingerprint: 'GET user:{id}', count: 10, totalMicros: 500, maxMicros: 60, warning: null },
      { fingerprint: 'SORT q', count: 1, totalMicros: 700, maxMicros: 700, warning: null },
    ];
    const names = (list: FingerprintStat[]) => list.map((s) => s.fingerprint);
    expect(names(sortFingerprints(stats, { key: 'count', dir: 'desc' }))).toEqual(['GET user:{id}', 'KEYS *', 'SORT q']);
    expect(names(sortFingerprints(stats, { key: 'total', dir: 'desc' }))).toEqual(['KEYS *', 'SORT q', 'GET user:{id}']);
    expect(names(sortFingerprints(stats, { key: 'max', dir: 'asc' }))).toEqual(['GET user:{id}', 'SORT q', 'KEYS *']);
  });
});
