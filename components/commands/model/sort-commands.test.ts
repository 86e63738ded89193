import { describe, expect, it } from 'vitest';
import type { CommandRate } from '@/lib/commands/types';
import { DEFAULT_SORT, nextSort, sortCommands } from './sort-commands';

const row = (command: string, usecPerSec: number, callsPerSec: number, p99: number | null): CommandRate => ({
  command, usecPerSec, callsPerSec, usecPerCall: usecPerSec / callsPerSec, timeShare: 0, failedPerSec: 0, rejectedPerSec: 0,
  percentiles: p99 === null ? null : { p50: 1, p99, 'p99.9': p99 }, warning: null,
});

const rows = [row('get', 50, 500, 3), row('keys', 900, 1, null), row('set', 50, 100, 8)];
const names = (sorted: CommandRate[]) => sorted.map((r) => r.command);

describe('sortCommands', () => {
  it('puts the most time first by default, ties by name', () => {
    expect(names(sortCommands(rows, DEFAULT_SORT))).toEqual(['keys', 'get', 'set']);
  });

  it('sorts by calls either way', () => {
    expect(names(sortCommands(rows, { column: 'calls', descending: true }))).toEqual(['get', 'set', 'keys']);
    expect(names(sortCommands(rows, { column: 'calls', descending: false }))).toEqual(['keys', 'set', 'get']);
  });

  it('keeps commands without percentiles last whichever way p99 sorts', () => {
    expect(names(sortCommands(rows, { column: 'p99', descending: true }))).toEqual(['set', 'get', 'keys']);
    expect(names(sortCommands(rows, { column: 'p99', descending: false }))).toEqual(['get', 'set', 'keys']);
  });

  it('sorts names A to Z first', () => {
    expect(names(sortCommands(rows, nextSort(DEFAULT_SORT, 'command')))).toEqual(['get', 'keys', 'set']);
  });
});

describe('nextSort', () => {
  it('turns the same column around and starts another biggest first', () => {
    expect(nextSort(DEFAULT_SORT, 'time')).toEqual({ column: 'time', descending: false });
    expect(nextSort(DEFAULT_SORT, 'failed')).toEqual({ column: 'failed', descending: true });
    expect(nextSort(DEFAULT_SORT, 'command')).toEqual({ column: 'command', descending: false });
  });
});
