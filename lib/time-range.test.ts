import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_RANGES,
  DEFAULT_ARCHIVE_RANGE,
  DEFAULT_HISTORY_RANGE,
  RANGE_MS,
  TIME_RANGES,
  isLongRange,
  parseHistoryRange,
  parseTimeRange,
  rangeWindow,
} from './time-range';

describe('parseHistoryRange', () => {
  it('takes a known range and defaults everything else', () => {
    expect(parseHistoryRange('7d')).toBe('7d');
    expect(parseHistoryRange('15m')).toBe('15m');
    expect(parseHistoryRange(null)).toBe(DEFAULT_HISTORY_RANGE);
    expect(parseHistoryRange('')).toBe(DEFAULT_HISTORY_RANGE);
    expect(parseHistoryRange('2h')).toBe(DEFAULT_HISTORY_RANGE);
    expect(parseHistoryRange('7D')).toBe(DEFAULT_HISTORY_RANGE);
    expect(DEFAULT_HISTORY_RANGE).toBe('1h');
  });
});

describe('one vocabulary', () => {
  it('offers the archive presets out of the same ranges, 24 h by default', () => {
    for (const range of ARCHIVE_RANGES) expect(TIME_RANGES).toContain(range);
    expect(parseTimeRange('15m', ARCHIVE_RANGES, DEFAULT_ARCHIVE_RANGE)).toBe('24h');
    expect(parseTimeRange('7d', ARCHIVE_RANGES, DEFAULT_ARCHIVE_RANGE)).toBe('7d');
  });

  it('knows each duration, and which ranges are read by the calendar', () => {
    expect(RANGE_MS['15m']).toBe(900_000);
    expect(RANGE_MS['30d']).toBe(30 * 86_400_000);
    expect(TIME_RANGES.filter(isLongRange)).toEqual(['7d', '30d']);
    expect(rangeWindow('1h', 10_000_000)).toEqual({ from: 10_000_000 - 3_600_000, to: 10_000_000 });
  });
});
