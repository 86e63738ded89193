import { describe, expect, it } from 'vitest';
import { ARCHIVE_EXPORT_LIMIT, ARCHIVE_PAGE_LIMIT, ARCHIVE_QUERY_MAX_LENGTH, archiveApiParams } from '@/lib/queries/archive-params';
import { rangeWindow } from '@/lib/time-range';
import { archiveRangeChosen, archiveRangeWords, archiveSpanWords, openingRange, parseArchiveView } from './archive-url';

describe('archive view in the URL', () => {
  it('reads a known range and a trimmed search, defaulting to 24 h', () => {
    expect(parseArchiveView(new URLSearchParams('range=7d&q=%20KEYS%20'))).toEqual({ range: '7d', q: 'KEYS' });
    expect(parseArchiveView(new URLSearchParams('range=1y&q='))).toEqual({ range: '24h' });
    expect(parseArchiveView(new URLSearchParams(`q=${'x'.repeat(300)}`)).q).toHaveLength(200);
  });

  it('builds the window and the API parameters it accepts, blanks left out', () => {
    expect(rangeWindow('1h', 10_000_000)).toEqual({ from: 10_000_000 - 3_600_000, to: 10_000_000 });
    expect(archiveApiParams({ from: 1, to: 2, limit: 500 }).toString()).toBe('from=1&to=2&limit=500');
    expect(archiveApiParams({ from: 1, to: 2, q: 'a b&c', limit: 5000, format: 'csv' }).toString()).toBe(
      'from=1&to=2&q=a+b%26c&limit=5000&format=csv',
    );
  });
  it("asks within the archive API's bounds, read from its schema", () => {
    expect(ARCHIVE_QUERY_MAX_LENGTH).toBe(200);
    expect(ARCHIVE_PAGE_LIMIT).toBe(500);
    expect(ARCHIVE_EXPORT_LIMIT).toBe(5000);
  });

  it('says the range in words', () => {
    expect(archiveRangeWords('1h')).toBe('hour');
    expect(archiveRangeWords('7d')).toBe('7 days');
  });
});

describe('the archive opening on the newest entries', () => {
  const NOW = Date.UTC(2026, 11, 3, 14, 0, 0);
  const MIN = 60_000;

  it('opens on the shortest range that holds the newest entry, the last hour when none is known', () => {
    expect(openingRange({ newestAt: NOW - 5 * MIN, now: NOW })).toBe('1h');
    expect(openingRange({ newestAt: NOW - 3 * 60 * MIN, now: NOW })).toBe('24h');
    expect(openingRange({ newestAt: NOW - 3 * 24 * 60 * MIN, now: NOW })).toBe('7d');
    expect(openingRange({ newestAt: NOW - 90 * 24 * 60 * MIN, now: NOW })).toBe('30d');
    expect(openingRange({ newestAt: null, now: NOW })).toBe('1h');
  });

  it('keeps a range or window the URL names', () => {
    const opening = { newestAt: NOW - 5 * MIN, now: NOW };
    expect(parseArchiveView(new URLSearchParams('range=7d'), opening).range).toBe('7d');
    expect(parseArchiveView(new URLSearchParams(''), opening).range).toBe('1h');
    expect(parseArchiveView(new URLSearchParams('range=1y'), opening).range).toBe('1h');
    expect(archiveRangeChosen(new URLSearchParams('range=24h'))).toBe(true);
    expect(archiveRangeChosen(new URLSearchParams('q=KEYS'))).toBe(false);
  });

  it('reads a chosen window, which wins over the range and says its ends', () => {
    const from = NOW - 90 * MIN;
    const view = parseArchiveView(new URLSearchParams(`range=30d&from=${from}&to=${NOW}&q=KEYS`));
    expect(view).toEqual({ range: '24h', window: { from, to: NOW }, q: 'KEYS' });
    expect(archiveRangeChosen(new URLSearchParams(`from=${from}&to=${NOW}`))).toBe(true);
    expect(archiveSpanWords(view)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2} – \d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(archiveSpanWords({ range: '1h' })).toBe('the last hour');
    // A window backwards or too long is no window: the range stands.
    expect(parseArchiveView(new URLSearchParams(`range=7d&from=${NOW}&to=${from}`)).window).toBeUndefined();
  });
});
