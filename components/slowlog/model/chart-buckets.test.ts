import { describe, expect, it } from 'vitest';
import type { ArchivedEntry, FingerprintStat, SlowlogGap } from './types';
import {
  archiveApiParams,
  archiveWindow,
  ariaSort,
  bucketStepMs,
  commandsIn,
  countsPerBucket,
  cutArg,
  cutArgs,
  describeResetFailure,
  describeSlowerThan,
  emptySlowlogText,
  filterEntries,
  formatBucketTick,
  formatMicros,
  formatMicrosShort,
  formatStep,
  gapSummary,
  nextSort,
  parseArchiveView,
  parseSlowlogFilters,
  parseSlowlogTab,
  placeGaps,
  sortEntries,
  sortFingerprints,
  timeByFingerprintRows,
  withParams,
} from './view';

function entry(over: Partial<ArchivedEntry> & { id: number }): ArchivedEntry {
  return {
    timestamp: 1_700_000_000 + over.id,
    durationMicros: 1000,
    args: ['GET', `user:${over.id}:session`],
    client: '127.0.0.1:50000',
    clientName: '',
    warning: null,
    fingerprint: 'GET user:{id}:session',
    runId: 'run-a',
    ...over,
  };
}

describe('durations', () => {
  it('shows µs below 1 ms and ms with two decimals from 1 ms, always with the unit', () => {
    expect(formatMicros(0)).toBe('0 µs');
    expect(formatMicros(999)).toBe('999 µs');
    expect(formatMicros(1000)).toBe('1.00 ms');
    expect(formatMicros(12_345)).toBe('12.35 ms');
    expect(formatMicros(1_234_567)).toBe('1,234.57 ms');
    expect(formatMicros(null)).toBe('—');
    expect(formatMicros(Number.NaN)).toBe('—');
  });

  it('shortens axis values', () => {
    expect(formatMicrosShort(500)).toBe('500 µs');
    expect(formatMicrosShort(2500)).toBe('2.5 ms');
    expect(formatMicrosShort(1_250_000)).toBe('1.25 s');
  });

  it('says what the threshold means', () => {
    expect(describeSlowerThan(-1)).toBe('disabled (-1)');
    expect(describeSlowerThan(0)).toMatch(/every command/);
    expect(describeSlowerThan(10_000)).toBe('10,000 µs');
    expect(describeSlowerThan(null)).toBe('unknown');
  });

  it('words the empty slow log with the threshold nothing crossed', () => {
    expect(emptySlowlogText(10_000)).toBe('The slow log is empty: no command took longer than 10,000 µs.');
    expect(emptySlowlogText(-1)).toMatch(/disabled/);
    expect(emptySlowlogText(null)).toBe('The slow log is empty.');
  });
});

describe('argument cutting', () => {
  it('keeps short arguments and cuts long ones with an ellipsis', () => {
    expect(cutArg('short', 10)).toBe('short');
    expect(cutArg('abcdefghijkl', 5)).toBe('abcde…');
  });

  it('never splits an escape or a surrogate pair', () => {
    expect(cutArg('ab\\x41\\x42', 4)).toBe('ab…');
    expect(cutArg('ab\\x41\\x42', 5)).toBe('ab…');
    expect(cutArg('ab\\x41\\x42', 6)).toBe('ab\\x41…');
    expect(cutArg('ab\\\\cd', 4)).toBe('ab\\\\…');
    expect(cutArg('ab\\\\cd', 3)).toBe('ab…');
    expect(cutArg('😀😀😀', 2)).toBe('😀😀…');
  });

  it('shows the first arguments and counts the rest', () => {
    const args = ['DEL', 'a', 'b', 'c', 'd', 'e', 'f', 'g'];
    expect(cutArgs(args, 3)).toEqual({ shown: ['DEL', 'a', 'b'], hidden: 5, cut: true });
    expect(cutArgs(['GET', 'k'])).toEqual({ shown: ['GET', 'k'], hidden: 0, cut: false });
    expect(cutArgs(['SET', 'k', 'x'.repeat(100)], 6, 10).cut).toBe(true);
  });
});

describe('views', () => {
  it('opens the archive with ?view=archive and the live view otherwise', () => {
    expect(parseSlowlogTab(new URLSearchParams('view=archive'))).toBe('archive');
    expect(parseSlowlogTab(new URLSearchParams('view=nope'))).toBe('live');
    expect(parseSlowlogTab(new URLSearchParams(''))).toBe('live');
  });
});

describe('live filters', () => {
  const entries = [
    entry({ id: 1, args: ['KEYS', '*'], client: '10.0.0.1:5000', clientName: 'worker' }),
    entry({ id: 2, args: ['GET', 'recipe:9'], client: '10.0.0.2:6000', clientName: 'web' }),
    entry({ id: 3, args: ['GETEX', 'recipe:9'], client: '10.0.0.2:6001' }),
  ];

  it('reads trimmed filters from the URL, command upper-cased, blanks ignored', () => {
    expect(parseSlowlogFilters(new URLSearchParams('command=keys&client=%20web%20&text=&range=7d'))).toEqual({
      command: 'KEYS',
      client: 'web',
    });
  });

  it('matches the command whole, the client by address or name, the text anywhere in the command line', () => {
    expect(filterEntries(entries, { command: 'GET' }).map((e) => e.id)).toEqual([2]);
    expect(filterEntries(entries, { client: 'WORK' }).map((e) => e.id)).toEqual([1]);
    expect(filterEntries(entries, { client: '10.0.0.2' }).map((e) => e.id)).toEqual([2, 3]);
    expect(filterEntries(entries, { text: 'RECIPE:9' }).map((e) => e.id)).toEqual([2, 3]);
    expect(filterEntries(entries, { command: 'GETEX', text: 'recipe' }).map((e) => e.id)).toEqual([3]);
    expect(filterEntries(entries, {})).toHaveLength(3);
  });

  it('lists the commands present', () => {
    expect(commandsIn(entries)).toEqual(['GET', 'GETEX', 'KEYS']);
  });

  it('updates the query string and keeps the other parameters', () => {
    const current = new URLSearchParams('range=7d&text=old');
    expect(withParams(current, { text: 'new', client: undefined })).toBe('?range=7d&text=new');
    expect(withParams(current, { text: '  ', range: undefined })).toBe('');
  });
});

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

describe('archive view in the URL', () => {
  it('reads a known range and a trimmed search, defaulting to 24 h', () => {
    expect(parseArchiveView(new URLSearchParams('range=7d&q=%20KEYS%20'))).toEqual({ range: '7d', q: 'KEYS' });
    expect(parseArchiveView(new URLSearchParams('range=1y&q='))).toEqual({ range: '24h' });
    expect(parseArchiveView(new URLSearchParams(`q=${'x'.repeat(300)}`)).q).toHaveLength(200);
  });

  it('builds the window and the API parameters it accepts, blanks left out', () => {
    expect(archiveWindow('1h', 10_000_000)).toEqual({ from: 10_000_000 - 3_600_000, to: 10_000_000 });
    expect(archiveApiParams({ from: 1, to: 2, limit: 500 }).toString()).toBe('from=1&to=2&limit=500');
    expect(archiveApiParams({ from: 1, to: 2, q: 'a b&c', limit: 5000, format: 'csv' }).toString()).toBe(
      'from=1&to=2&q=a+b%26c&limit=5000&format=csv',
    );
  });
});

describe('gaps among archived entries', () => {
  const gap = (over: Partial<SlowlogGap>): SlowlogGap => ({ recordedAt: 0, runId: 'run-a', afterId: 0, missed: 5, ...over });
  const shape = (rows: ReturnType<typeof placeGaps>) =>
    rows.map((row) => (row.kind === 'entry' ? `${row.entry.runId}:${row.entry.id}` : `gap>${row.gap.afterId}`));

  it('sits just above the last entry read before the loss', () => {
    const entries = [entry({ id: 20 }), entry({ id: 12 }), entry({ id: 4 }), entry({ id: 3 })];
    expect(shape(placeGaps(entries, [gap({ afterId: 4 })]))).toEqual(['run-a:20', 'run-a:12', 'gap>4', 'run-a:4', 'run-a:3']);
  });

  it('goes below the oldest entry of its run when the earlier ones are out of range', () => {
    const entries = [entry({ id: 20 }), entry({ id: 12 }), entry({ id: 7, runId: 'run-old' })];
    expect(shape(placeGaps(entries, [gap({ afterId: 4 })]))).toEqual(['run-a:20', 'run-a:12', 'gap>4', 'run-old:7']);
  });

  it('falls back to the time it was noticed for a run with no entry listed, or the end', () => {
    const entries = [entry({ id: 2, timestamp: 300 }), entry({ id: 1, timestamp: 100 })];
    expect(shape(placeGaps(entries, [gap({ runId: 'x', recordedAt: 200_000, afterId: 9 })]))).toEqual([
      'run-a:2',
      'gap>9',
      'run-a:1',
    ]);
    expect(shape(placeGaps([], [gap({ afterId: 1 })]))).toEqual(['gap>1']);
  });

  it('says how many entries were lost', () => {
    expect(gapSummary(gap({ missed: 1 }))).toBe('About 1 entry rotated out unseen');
    expect(gapSummary(gap({ missed: 1200 }))).toBe('About 1,200 entries rotated out unseen');
  });
});

describe('chart buckets', () => {
  const MIN = 60_000;

  it('picks the smallest step that keeps a range under 360 buckets', () => {
    expect(bucketStepMs(3_600_000)).toBe(MIN);
    expect(bucketStepMs(24 * 3_600_000)).toBe(5 * MIN);
    expect(bucketStepMs(7 * 24 * 3_600_000)).toBe(30 * MIN);
    expect(bucketStepMs(30 * 24 * 3_600_000)).toBe(120 * MIN);
    expect(bucketStepMs(3_600_000, 15 * MIN)).toBe(15 * MIN);
    expect(formatStep(5 * MIN)).toBe('5 min');
    expect(formatStep(120 * MIN)).toBe('2 h');
  });

  it('sums minutes into zero-filled buckets', () => {
    const window = { from: 10 * MIN + 30_000, to: 20 * MIN };
    const rows = countsPerBucket(
      [
        [10 * MIN, 2],
        [11 * MIN, 1],
        [14 * MIN, 4],
        [99 * MIN, 7],
      ],
      window,
      5 * MIN,
    );
    expect(rows).toEqual([
      { t: 10 * MIN, count: 7 },
      { t: 15 * MIN, count: 0 },
      { t: 20 * MIN, count: 0 },
    ]);
  });

  it('sums time by fingerprint under plain keys', () => {
    const { series, rows } = timeByFingerprintRows(
      {
        stepSeconds: 60,
        fingerprints: ['KEYS user.*', 'GET a'],
        points: [
          { ts: 0, micros: { 'KEYS user.*': 100 } },
          { ts: MIN, micros: { 'KEYS user.*': 50, 'GET a': 10, unknown: 99 } },
        ],
      },
      { from: 0, to: 2 * MIN },
      2 * MIN,
    );
    expect(series).toEqual([
      { key: 'f0', fingerprint: 'KEYS user.*' },
      { key: 'f1', fingerprint: 'GET a' },
    ]);
    expect(rows).toEqual([
      { t: 0, f0: 150, f1: 10 },
      { t: 2 * MIN, f0: 0, f1: 0 },
    ]);
  });

  it('labels ticks by time within a day and by date beyond', () => {
    const t = Date.UTC(2026, 10, 26, 14, 5);
    expect(formatBucketTick(t, 3_600_000, 'UTC')).toBe('14:05');
    expect(formatBucketTick(t, 7 * 24 * 3_600_000, 'UTC')).toBe('11-26 14:05');
  });
});

describe('reset failures', () => {
  it("says from the server's typed redisReset which side failed, and when nobody knows", () => {
    const failed = 'The archive write failed after the reset.';
    expect(describeResetFailure('INTERNAL', failed, true).detail).toMatch(/WAS emptied/);
    expect(describeResetFailure('INTERNAL', failed, false).detail).toMatch(/Nothing was reset/);
    // Words alone decide nothing: a message mentioning "reset" without the field is unknown.
    expect(describeResetFailure('INTERNAL', 'the slow log was NOT reset').detail).toMatch(/cannot tell whether Redis was reset/);
    expect(describeResetFailure('INTERNAL', 'Redlens failed to answer this request').detail).toMatch(/cannot tell whether Redis was reset/);
  });

  it('says a timeout leaves the outcome unknown', () => {
    expect(describeResetFailure('REDIS_TIMEOUT', '').detail).toMatch(/cannot tell/);
  });

  it('keeps Redis words for a refused command', () => {
    expect(describeResetFailure('REDIS_COMMAND_DENIED', 'NOPERM this user has no permissions').detail).toMatch(
      /^NOPERM this user has no permissions\. Nothing was reset/,
    );
  });
});
