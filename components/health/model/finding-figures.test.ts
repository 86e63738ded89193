import { describe, expect, it } from 'vitest';
import { formatFindingFigure } from './finding-figures';

describe('formatFindingFigure', () => {
  it.each([
    ['hit-ratio-low', 0.72, '72 %'],
    ['memory-near-limit', 0.8, '80 %'],
    ['maxmemory-unset', 0, '0 B'],
    ['fragmentation-high', 1.734, '1.73'],
    ['clients-high', 51, '51 clients'],
    ['blocked-clients', 2, '2 blocked'],
    ['evictions-high', 250.4, '250 keys/s'],
    ['latency-high', 1.5, '1.5 ms'],
    ['slow-commands', 3, '3 in the slow log'],
    ['replication-broken', 12, '12 s since last I/O'],
    ['data-loss-on-restart', 0.5, '50 % of the keys kept'],
    ['oom-errors', 175, '175 refused writes'],
    ['rejected-connections', 3, '3 refused connections'],
    ['config-changed', 1, '1 setting'],
    ['config-changed', 2, '2 settings'],
  ] as const)('%s %d -> %s', (rule, value, expected) => {
    expect(formatFindingFigure(rule, value)).toBe(expected);
  });

  it('passes worded figures through and drops empty or absent ones', () => {
    expect(formatFindingFigure('persistence-failing', 'err')).toBe('err');
    expect(formatFindingFigure('persistence-failing', '  ')).toBeNull();
    expect(formatFindingFigure('persistence-failing', null)).toBeNull();
    expect(formatFindingFigure('latency-high', Number.NaN)).toBeNull();
  });

  it('formats a number of an unknown rule plainly', () => {
    expect(formatFindingFigure('some-new-rule', 1234.5)).toBe('1,234.5');
  });
});
