import { describe, it, expect } from 'vitest';
import {
  formatBytes,
  formatClock,
  formatDateTime,
  formatDuration,
  formatMillisAsDuration,
  formatNumber,
  formatPercent,
  formatRate,
  formatRelativeTime,
  MISSING,
  endSentence,
  formatMetricValue,
} from './format';

describe('formatBytes', () => {
  it.each([
    [0, '0 B'],
    [512, '512 B'],
    [1023, '1,023 B'],
    [1024, '1 KiB'],
    [1536, '1.5 KiB'],
    [1_120_200, '1.07 MiB'],
    [7_049_216, '6.72 MiB'],
    [15.5 * 1024 * 1024, '15.5 MiB'],
    [512 * 1024 * 1024, '512 MiB'],
    [8 * 1024 ** 3, '8 GiB'],
    [1023.999 * 1024, '1 MiB'],
    [-2048, '-2 KiB'],
  ])('%d -> %s', (bytes, expected) => {
    expect(formatBytes(bytes)).toBe(expected);
  });

  it('shows a dash for what is not a size', () => {
    expect(formatBytes(Number.NaN)).toBe(MISSING);
    expect(formatBytes(null)).toBe(MISSING);
    expect(formatBytes(undefined)).toBe(MISSING);
  });
});

describe('formatNumber', () => {
  it('groups thousands the en-US way and drops needless decimals', () => {
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(1234567)).toBe('1,234,567');
    expect(formatNumber(1.5)).toBe('1.5');
    expect(formatNumber(1.23456)).toBe('1.23');
    expect(formatNumber(1.23456, 0)).toBe('1');
    expect(formatNumber(null)).toBe(MISSING);
    expect(formatNumber(Number.POSITIVE_INFINITY)).toBe(MISSING);
  });
});

describe('formatPercent', () => {
  it('turns a 0..1 ratio into a percentage with a unit', () => {
    expect(formatPercent(0.796)).toBe('79.6 %');
    expect(formatPercent(0.5)).toBe('50 %');
    expect(formatPercent(1)).toBe('100 %');
    expect(formatPercent(0)).toBe('0 %');
    expect(formatPercent(0.12345, 2)).toBe('12.35 %');
  });

  it('shows a dash when there is no ratio yet', () => {
    expect(formatPercent(null)).toBe(MISSING);
  });
});

describe('formatRate', () => {
  it('puts the unit after the grouped figure', () => {
    expect(formatRate(1234, 'ops/s')).toBe('1,234 ops/s');
    expect(formatRate(0.126, 'kbps')).toBe('0.13 kbps');
    expect(formatRate(null, 'ops/s')).toBe(MISSING);
  });
});

describe('formatDuration', () => {
  it.each([
    [0, '0 s'],
    [0.4, '< 1 s'],
    [45, '45 s'],
    [60, '1 min'],
    [12 * 60 + 5, '12 min 5 s'],
    [3600, '1 h'],
    [3 * 86_400 + 4 * 3600 + 59, '3 d 4 h'],
    [3 * 86_400 + 5 * 60, '3 d'],
    [400 * 86_400, '400 d'],
  ])('%d s -> %s', (seconds, expected) => {
    expect(formatDuration(seconds)).toBe(expected);
  });

  it('shows a dash for negative or missing durations', () => {
    expect(formatDuration(-1)).toBe(MISSING);
    expect(formatDuration(null)).toBe(MISSING);
  });
});

describe('formatMillisAsDuration', () => {
  it('keeps sub-second TTLs in ms and larger ones as a duration', () => {
    expect(formatMillisAsDuration(0)).toBe('0 ms');
    expect(formatMillisAsDuration(250.4)).toBe('250 ms');
    expect(formatMillisAsDuration(86_400_000)).toBe('1 d');
    expect(formatMillisAsDuration(1_805_000)).toBe('30 min 5 s');
    expect(formatMillisAsDuration(-5)).toBe(MISSING);
  });
});

describe('formatRelativeTime', () => {
  const now = Date.UTC(2026, 0, 15, 12, 0, 0);

  it('says how long ago or how far ahead', () => {
    expect(formatRelativeTime(now - 45_000, now)).toBe('45 s ago');
    expect(formatRelativeTime(new Date(now - 725_000), now)).toBe('12 min 5 s ago');
    expect(formatRelativeTime(now + 60_000, now)).toBe('in 1 min');
    expect(formatRelativeTime(now - 200, now)).toBe('just now');
  });

  it('accepts ISO strings and rejects garbage', () => {
    expect(formatRelativeTime('2026-01-15T11:00:00.000Z', now)).toBe('1 h ago');
    expect(formatRelativeTime('not a date', now)).toBe(MISSING);
  });
});

describe('formatClock and formatDateTime', () => {
  const moment = '2026-01-15T14:03:21.500Z';

  it('print a 24 h clock in the given time zone', () => {
    expect(formatClock(moment, 'UTC')).toBe('14:03:21');
    expect(formatClock(Date.parse(moment), 'Asia/Tokyo')).toBe('23:03:21');
    expect(formatClock(Date.UTC(2026, 0, 15, 0, 5, 9), 'UTC')).toBe('00:05:09');
  });

  it('print a sortable date and time', () => {
    expect(formatDateTime(moment, 'UTC')).toBe('2026-01-15 14:03:21');
    expect(formatDateTime('nope', 'UTC')).toBe(MISSING);
  });
});

describe('endSentence', () => {
  it('adds a full stop only when the message has none', () => {
    expect(endSentence('connect ECONNREFUSED 127.0.0.1:6390')).toBe('connect ECONNREFUSED 127.0.0.1:6390.');
    expect(endSentence('The Redlens server cannot be reached. ')).toBe('The Redlens server cannot be reached.');
  });
});

describe('formatMetricValue', () => {
  it.each([
    ['bytes', 15.5 * 1024 * 1024, undefined, '15.5 MiB'],
    ['percent', 0.796, undefined, '79.6 %'],
    ['rate', 1234.56, 'ops/s', '1,235 ops/s'],
    ['rate', 12.345, 'keys/s', '12.3 keys/s'],
    ['rate', 0.5, 'keys/s', '0.5 keys/s'],
    ['count', 42, undefined, '42'],
    ['count', 41.5, undefined, '41.5'],
    ['ratio', 1.2345, undefined, '1.23'],
    ['ms', 0.2345, undefined, '0.235 ms'],
    ['ms', 3.456, undefined, '3.46 ms'],
    ['ms', 12.34, undefined, '12.3 ms'],
  ] as const)('%s %d -> %s', (kind, value, unit, expected) => {
    expect(formatMetricValue(kind, value, unit)).toBe(expected);
  });

  it('shows a missing value as a dash', () => {
    expect(formatMetricValue('bytes', null)).toBe('—');
    expect(formatMetricValue('ms', Number.NaN)).toBe('—');
  });
});
