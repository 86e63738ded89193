import { describe, expect, it } from 'vitest';
import { formatClusterCursor, isClusterCursor, MAX_CLUSTER_CURSOR_SHARDS, parseClusterCursor } from './cluster-cursor';
import { KeysQuery } from './schemas';

describe('the cluster listing cursor', () => {
  const shards = [
    { firstSlot: 0, address: '10.0.0.1:7000', cursor: '1234' },
    { firstSlot: 5461, address: '[::1]:7001', cursor: '0' },
    { firstSlot: 10923, address: 'redis-2.internal:6379', cursor: '18446744073709551615' },
  ];

  it('round-trips the shards still to walk, and is "0" when none is left', () => {
    const text = formatClusterCursor(shards);
    expect(text).toBe('cluster:0@10.0.0.1:7000/1234,5461@[::1]:7001/0,10923@redis-2.internal:6379/18446744073709551615');
    expect(isClusterCursor(text)).toBe(true);
    expect(parseClusterCursor(text)).toEqual(shards);
    expect(formatClusterCursor([])).toBe('0');
  });

  it.each([
    'cluster:',
    'cluster:16384@h:1/0',
    'cluster:0@h:1/18446744073709551616',
    'cluster:0@h:1',
    'cluster:0@h:1/0,',
    'cluster:0@h,x:1/0',
    'cluster:x@h:1/0',
    `cluster:${Array.from({ length: MAX_CLUSTER_CURSOR_SHARDS + 1 }, () => '0@h:1/0').join(',')}`,
    '1234',
  ])('refuses %s', (text) => {
    expect(parseClusterCursor(text)).toBeNull();
  });

  it('is taken by the listing query beside a plain SCAN cursor, and a malformed one is refused', () => {
    expect(KeysQuery.parse({ cursor: formatClusterCursor(shards) }).cursor).toBe(formatClusterCursor(shards));
    expect(KeysQuery.parse({ cursor: '42' }).cursor).toBe('42');
    expect(KeysQuery.safeParse({ cursor: 'cluster:0@h:1' }).success).toBe(false);
    expect(KeysQuery.safeParse({ cursor: 'abc' }).success).toBe(false);
  });
});
