import { describe, expect, it } from 'vitest';
import { warningFor } from './warnings';

describe('warningFor', () => {
  it.each([
    [['KEYS', 'popular:*'], 'KEYS'],
    [['keys', '*'], 'KEYS'],
    [['SORT', 'queue', 'ALPHA', 'LIMIT', '0', '10'], 'SORT'],
    [['SMEMBERS', 'recipe:index:all-ids'], 'SMEMBERS'],
    [['HGETALL', 'user:1:preferences'], 'HGETALL'],
    [['LRANGE', 'queue', '0', '-1'], 'LRANGE 0 -1'],
    [['FLUSHDB'], 'FLUSHALL'],
    [['FLUSHALL', 'SYNC'], 'FLUSHALL'],
    [['DEL', 'big:set'], 'DEL'],
  ])('flags %j as %s with advice', (args, pattern) => {
    const found = warningFor(args);
    expect(found?.pattern).toBe(pattern);
    expect(found?.advice.length).toBeGreaterThan(20);
  });

  it.each([[['LRANGE', 'queue', '0', '99']], [['GET', 'k']], [['FLUSHALL', 'ASYNC']], [['UNLINK', 'big']], [[]]])('leaves %j alone', (args) => {
    expect(warningFor(args)).toBeNull();
  });
});
