import { describe, expect, it } from 'vitest';
import { ARCHIVE_EXPORT_LIMIT, ARCHIVE_PAGE_LIMIT, ARCHIVE_QUERY_MAX_LENGTH, archiveApiParams } from '@/lib/queries/archive-params';
import { rangeWindow } from '@/lib/time-range';
import { archiveRangeWords, parseArchiveView } from './archive-url';

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
