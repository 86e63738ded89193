import { describe, expect, it } from 'vitest';
import { byteTicks, formatAxisValue } from './value-axis';

describe('axis value formatting', () => {
  it.each([
    ['bytes', 64 * 1024 * 1024, '64 MiB'],
    ['percent', 0.8, '80 %'],
    ['rate', 15_000, '15K/s'],
    ['count', 50, '50'],
    ['ratio', 1.5, '1.5'],
    ['ms', 0.5, '0.5 ms'],
  ] as const)('axis %s %d -> %s', (kind, value, expected) => {
    // No-break spaces: Recharts wraps tick labels at ordinary ones.
    expect(formatAxisValue(kind, value)).toBe(expected.replace(/ /g, '\u00a0'));
  });
});

describe('byteTicks', () => {
  const MiB = 1024 * 1024;

  it('steps in round binary units up to at least the maximum', () => {
    expect(byteTicks(64 * MiB)).toEqual([0, 16, 32, 48, 64].map((n) => n * MiB));
    expect(byteTicks(76.3 * MiB)).toEqual([0, 32, 64, 96].map((n) => n * MiB));
    expect(byteTicks(3 * 1024 ** 3)).toEqual([0, 1, 2, 3].map((n) => n * 1024 ** 3));
  });

  it('uses decimal steps below one unit and copes with nothing', () => {
    expect(byteTicks(1.5 * MiB)).toEqual([0, 0.5, 1, 1.5].map((n) => n * MiB));
    expect(byteTicks(600)).toEqual([0, 256, 512, 768]);
    expect(byteTicks(0)).toEqual([0]);
    expect(byteTicks(Number.NaN)).toEqual([0]);
  });
});
