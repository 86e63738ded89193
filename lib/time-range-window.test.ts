import { describe, expect, it } from 'vitest';
import {
  ARCHIVE_RANGES,
  CUSTOM_WINDOW_MAX_MS,
  TIME_RANGES,
  coveringRange,
  customWindowProblem,
  fromLocalInputValue,
  parseCustomWindow,
  toLocalInputValue,
} from './time-range';

const HOUR = 3_600_000;
const T = Date.UTC(2026, 11, 3, 14, 0, 0);

describe('parseCustomWindow', () => {
  it('reads ?from=&to= in unix ms', () => {
    expect(parseCustomWindow(String(T - HOUR), String(T))).toEqual({ from: T - HOUR, to: T });
  });

  it.each([
    [null, String(T)],
    [String(T), undefined],
    ['', ''],
    ['abc', String(T)],
    ['-5', String(T)],
    ['1e12', String(T)],
    [String(T), String(T - HOUR)], // backwards
    [String(T), String(T + 30_000)], // under a minute
    [String(T - CUSTOM_WINDOW_MAX_MS - 1), String(T)], // over 30 days
    ['99999999999999999', '99999999999999999'],
  ])('ignores from=%s to=%s', (from, to) => {
    expect(parseCustomWindow(from, to)).toBeNull();
  });
});

describe('customWindowProblem', () => {
  it('says why a window is refused', () => {
    expect(customWindowProblem(T, T - 1)).toBe('from must be before to');
    expect(customWindowProblem(T, T + 1000)).toBe('the window must be at least a minute long');
    expect(customWindowProblem(T - 31 * 24 * HOUR, T)).toBe('the window must be at most 30 days long');
    expect(customWindowProblem(1.5, T)).toBe('from and to must be unix milliseconds');
    expect(customWindowProblem(T - 60_000, T)).toBeNull();
    expect(customWindowProblem(T - CUSTOM_WINDOW_MAX_MS, T)).toBeNull();
  });
});

describe('coveringRange', () => {
  it('is the shortest range at least as long, the longest past them all', () => {
    expect(coveringRange(10 * 60_000, TIME_RANGES)).toBe('15m');
    expect(coveringRange(HOUR, TIME_RANGES)).toBe('1h');
    expect(coveringRange(HOUR + 1, TIME_RANGES)).toBe('6h');
    expect(coveringRange(3 * HOUR, ARCHIVE_RANGES)).toBe('24h');
    expect(coveringRange(400 * 24 * HOUR, ARCHIVE_RANGES)).toBe('30d');
  });
});

describe('datetime-local values', () => {
  it('round-trip to the minute in local time', () => {
    const ms = new Date(2026, 11, 3, 9, 5).getTime();
    expect(toLocalInputValue(ms)).toBe('2026-12-03T09:05');
    expect(fromLocalInputValue('2026-12-03T09:05')).toBe(ms);
    expect(toLocalInputValue(ms + 59_000)).toBe('2026-12-03T09:05');
  });

  it('refuses what is not one', () => {
    expect(fromLocalInputValue('')).toBeNull();
    expect(fromLocalInputValue('yesterday')).toBeNull();
    expect(fromLocalInputValue('2026-13-45T99:99')).toBeNull();
  });
});
