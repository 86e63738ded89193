import { describe, expect, it } from 'vitest';
import { comparisonRows, comparisonTotals, formatBytesChange, formatKeysChange } from './comparison';
import { comparison } from './fixtures';

describe('comparisonRows', () => {
  it('puts the biggest memory moves first and tells new and vanished namespaces', () => {
    const rows = comparisonRows(comparison);
    expect(rows.map((row) => [row.namespace, row.kind, row.keysChange, row.memoryChange])).toEqual([
      ['search:{hash}', 'gone', -50, -5_000_000],
      ['recipe:{id}', 'changed', 100, 1_000_000],
      ['config', 'new', 1, 60_000],
      ['user:{id}:session', 'same', 0, 0],
    ]);
  });

  it('totals both runs', () => {
    expect(comparisonTotals(comparisonRows(comparison))).toEqual({ keysThen: 850, keysNow: 901, memoryThen: 7_900_000, memoryNow: 3_960_000 });
  });
});

describe('change formatting', () => {
  it('always shows the sign, with the unit', () => {
    expect(formatKeysChange(1000)).toBe('+1,000 keys');
    expect(formatKeysChange(-1)).toBe('−1 key');
    expect(formatKeysChange(0)).toBe('±0 keys');
    expect(formatBytesChange(-5_000_000)).toBe('−4.77 MiB');
    expect(formatBytesChange(2048)).toBe('+2 KiB');
  });
});
