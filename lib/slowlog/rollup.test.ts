import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './archive-query';
import { planOf } from './rollup';

const HOUR = 3_600_000;
const NOW = Date.UTC(2026, 0, 31, 12, 34, 56);

describe('planOf', () => {
  it.each([
    ['1 h', HOUR, 'slowlog_rollup_1m', 60_000],
    ['24 h', 24 * HOUR, 'slowlog_rollup_1m', 5 * 60_000],
    ['7 d: coarsened to the hour rollup', 7 * 24 * HOUR, 'slowlog_rollup_1h', HOUR],
    ['30 d', 30 * 24 * HOUR, 'slowlog_rollup_1h', 2 * HOUR],
  ])('%s', (_name, span, table, stepMs) => {
    const plan = planOf({ from: NOW - span, to: NOW });
    expect(plan).toMatchObject({ table, stepMs });
    expect(plan.from % (table === 'slowlog_rollup_1m' ? 60_000 : HOUR)).toBe(0);
    expect(plan.from).toBeLessThanOrEqual(NOW - span);
  });
});

describe('archive cursors', () => {
  it('round-trip ts, id and run id', () => {
    const cursor = { ts: 1_769_862_896, id: 42, runId: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678' };
    expect(encodeCursor(cursor)).toBe('1769862896:42:a1b2c3d4e5f60718293a4b5c6d7e8f9012345678');
    expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
  });
});
