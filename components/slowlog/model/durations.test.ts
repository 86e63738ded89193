import { describe, expect, it } from 'vitest';
import { describeSlowerThan, emptySlowlogText, formatMicros, formatMicrosShort } from './durations';

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
